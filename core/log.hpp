#pragma once
// One structured line per event on stderr (journald or the serve script collects it):
// `ts=… level=… event=… key=value …`. Values are quoted and escaped when needed, so a
// hostile path can never forge a second log line.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace cv::log {

enum class Level { debug, info, warn, error };

struct Field {
    std::string_view key;
    std::string value;
    Field(std::string_view k, std::string_view v) : key(k), value(v) {}
    Field(std::string_view k, const char* v) : key(k), value(v ? v : "") {}
    Field(std::string_view k, const std::string& v) : key(k), value(v) {}
    template <typename Number>
    requires std::is_arithmetic_v<Number> Field(std::string_view k, Number v)
        : key(k), value(format_number(v)) {}

  private:
    template <typename Number>
    static std::string format_number(Number v) {
        if constexpr (std::is_floating_point_v<Number>) {
            char buf[32];
            int n = std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(v));
            return std::string(buf, static_cast<size_t>(n));
        } else {
            return std::to_string(v);
        }
    }
};

void write(Level level, std::string_view event, std::initializer_list<Field> fields);

inline void info(std::string_view event, std::initializer_list<Field> fields = {}) {
    write(Level::info, event, fields);
}
inline void warn(std::string_view event, std::initializer_list<Field> fields = {}) {
    write(Level::warn, event, fields);
}
inline void error(std::string_view event, std::initializer_list<Field> fields = {}) {
    write(Level::error, event, fields);
}

// Escapes a value for the log line (exposed for the unit tests).
std::string quote_if_needed(std::string_view value);

}  // namespace cv::log
