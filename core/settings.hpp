#pragma once
// Configuration comes from the environment, optionally overlaid by an env file
// (KEY=VALUE lines, the format of systemd's EnvironmentFile) that is re-read on reload.
// Every value is validated: a bad one is a ConfigError naming the variable.
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cv {

class ConfigError : public std::runtime_error {
  public:
    ConfigError(const std::string& variable, const std::string& problem)
        : std::runtime_error(variable + ": " + problem), variable_(variable) {}
    const std::string& variable() const { return variable_; }

  private:
    std::string variable_;
};

class Settings {
  public:
    // Reads `environ`, then the env file named by the variable `file_variable` if it is set
    // (the file wins).
    static Settings from_environment(const std::string& file_variable);
    explicit Settings(std::map<std::string, std::string> values) : values_(std::move(values)) {}

    std::optional<std::string> raw(const std::string& name) const;
    std::string text(const std::string& name, const std::string& fallback) const;
    long integer(const std::string& name, long fallback, long min, long max) const;
    bool flag(const std::string& name, bool fallback) const;
    std::chrono::milliseconds duration(const std::string& name, std::chrono::milliseconds fallback,
                                       std::chrono::milliseconds min,
                                       std::chrono::milliseconds max) const;
    std::size_t bytes(const std::string& name, std::size_t fallback, std::size_t min,
                      std::size_t max) const;
    std::vector<std::string> list(const std::string& name,
                                  const std::vector<std::string>& fallback) const;
    // An octal file mode such as 0660.
    unsigned mode(const std::string& name, unsigned fallback) const;

  private:
    std::map<std::string, std::string> values_;
};

// Parses "KEY=VALUE" lines; blank lines and '#' comments are skipped, optional quotes removed.
std::map<std::string, std::string> parse_env_file(const std::string& text);

}  // namespace cv
