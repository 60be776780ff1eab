#pragma once
// Configuration comes from the environment, optionally overlaid by an env file
// (KEY=VALUE lines, the format of systemd's EnvironmentFile) that the master re-reads on
// SIGHUP. Every value is validated: a bad one is a ConfigError naming the variable.
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cv::fcgi {

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
    // Reads `environ`, then the file named by CINEVERSE_CONFIG_FILE if set (file wins).
    static Settings from_environment();
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

  private:
    std::map<std::string, std::string> values_;
};

// Parses "KEY=VALUE" lines; blank lines and '#' comments are skipped, optional quotes removed.
std::map<std::string, std::string> parse_env_file(const std::string& text);

// Listen address: "unix:/path", "/path" (unix socket) or "host:port" (TCP).
struct ListenAddress {
    enum class Kind { unix_socket, tcp } kind = Kind::unix_socket;
    std::string path;  // unix
    std::string host;  // tcp
    int port = 0;      // tcp
    static ListenAddress parse(const std::string& variable, const std::string& value);
    std::string describe() const;
    bool operator==(const ListenAddress&) const = default;
};

// A socket of its own with its own workers, for routes nginx sends there (its `$cineverse_lane`
// map), so that one kind of slow request can only ever occupy its own lane's workers:
//  - "hashing": /login, /register, /modify (Argon2id: tens of milliseconds of CPU each), at a
//    lower CPU priority, so a flood of logins never delays the cheap requests;
//  - "catalogue": the TMDB-backed routes, which may wait seconds on TMDB; the main lane is
//    left with database routes only, which is what lets nginx keep its connections to it.
struct SideLane {
    std::string name;
    ListenAddress listen;
    int workers = 2;
    int nice = 0;
    bool operator==(const SideLane&) const = default;
};

struct PoolSettings {
    ListenAddress listen;
    unsigned socket_mode = 0660;
    int workers = 0;
    // CINEVERSE_<NAME>_LISTEN (HASHING, CATALOGUE), in that order; each unset one's routes
    // stay with the main lane.
    std::vector<SideLane> side_lanes;
    long max_requests = 0;  // 0: never recycle
    std::chrono::milliseconds drain_timeout{30000};
    std::size_t body_limit = std::size_t{64} * 1024;

    static PoolSettings from(const Settings& settings);
};

}  // namespace cv::fcgi
