#include "core/settings.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

extern char** environ;

namespace cv {
namespace {

std::optional<long> parse_long(const std::string& text) {
    long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::map<std::string, std::string> parse_env_file(const std::string& content) {
    std::map<std::string, std::string> values;
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
        line = std::string(cv::text::trim(line));
        if (line.empty() || line[0] == '#') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key(cv::text::trim(std::string_view(line).substr(0, eq)));
        std::string value(cv::text::trim(std::string_view(line).substr(eq + 1)));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        values[key] = value;
    }
    return values;
}

Settings Settings::from_environment(const std::string& file_variable) {
    std::map<std::string, std::string> values;
    for (char** entry = environ; entry && *entry; ++entry) {
        std::string pair = *entry;
        auto eq = pair.find('=');
        if (eq != std::string::npos) values[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    if (auto file = values.find(file_variable); file != values.end() && !file->second.empty()) {
        std::ifstream in(file->second);
        if (!in) throw ConfigError(file_variable, "cannot read " + file->second);
        std::stringstream text;
        text << in.rdbuf();
        for (auto& [key, value] : parse_env_file(text.str())) values[key] = value;
    }
    return Settings(std::move(values));
}

std::optional<std::string> Settings::raw(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

std::string Settings::text(const std::string& name, const std::string& fallback) const {
    return raw(name).value_or(fallback);
}

long Settings::integer(const std::string& name, long fallback, long min, long max) const {
    auto value = raw(name);
    if (!value) return fallback;
    auto parsed = parse_long(*value);
    if (!parsed) throw ConfigError(name, "'" + *value + "' is not an integer");
    if (*parsed < min || *parsed > max) {
        throw ConfigError(name, "must be between " + std::to_string(min) + " and " +
                                    std::to_string(max) + ", got " + *value);
    }
    return *parsed;
}

bool Settings::flag(const std::string& name, bool fallback) const {
    auto value = raw(name);
    if (!value) return fallback;
    std::string v = cv::text::lower(*value);
    if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
    if (v == "0" || v == "false" || v == "no" || v == "off") return false;
    throw ConfigError(name, "'" + *value + "' is not a boolean (use true or false)");
}

std::chrono::milliseconds Settings::duration(const std::string& name,
                                             std::chrono::milliseconds fallback,
                                             std::chrono::milliseconds min,
                                             std::chrono::milliseconds max) const {
    auto value = raw(name);
    if (!value) return fallback;
    // Accepts "250ms", "5s", "10m", "24h", "7d"; a bare number is seconds.
    std::string v = *value;
    size_t split = 0;
    while (split < v.size() && std::isdigit(static_cast<unsigned char>(v[split]))) ++split;
    auto number = parse_long(v.substr(0, split));
    std::string unit = v.substr(split);
    static const std::pair<const char*, long> units[] = {
        {"", 1000}, {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {"d", 86400000}};
    long scale = 0;
    for (auto& [suffix, ms] : units) {
        if (unit == suffix) scale = ms;
    }
    if (!number || scale == 0) {
        throw ConfigError(name, "'" + v + "' is not a duration (e.g. 500ms, 5s, 10m, 24h, 7d)");
    }
    std::chrono::milliseconds result{*number * scale};
    if (result < min || result > max) {
        throw ConfigError(name, "'" + v + "' is out of range (" + std::to_string(min.count()) +
                                    "ms to " + std::to_string(max.count()) + "ms)");
    }
    return result;
}

std::size_t Settings::bytes(const std::string& name, std::size_t fallback, std::size_t min,
                            std::size_t max) const {
    auto value = raw(name);
    if (!value) return fallback;
    std::string v = *value;
    size_t split = 0;
    while (split < v.size() && std::isdigit(static_cast<unsigned char>(v[split]))) ++split;
    auto number = parse_long(v.substr(0, split));
    std::string unit = v.substr(split);
    long scale = unit.empty()                 ? 1
                 : unit == "k" || unit == "K" ? 1024
                 : unit == "m" || unit == "M" ? 1024 * 1024
                                              : 0;
    if (!number || scale == 0)
        throw ConfigError(name, "'" + v + "' is not a size (e.g. 65536, 64k, 1m)");
    auto result = static_cast<std::size_t>(*number) * static_cast<std::size_t>(scale);
    if (result < min || result > max) {
        throw ConfigError(name, "'" + v + "' is out of range (" + std::to_string(min) + " to " +
                                    std::to_string(max) + " bytes)");
    }
    return result;
}

std::vector<std::string> Settings::list(const std::string& name,
                                        const std::vector<std::string>& fallback) const {
    auto value = raw(name);
    if (!value) return fallback;
    std::vector<std::string> items;
    std::stringstream in(*value);
    std::string item;
    while (std::getline(in, item, ',')) {
        item = std::string(cv::text::trim(item));
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

unsigned Settings::mode(const std::string& name, unsigned fallback) const {
    auto value = raw(name);
    if (!value) return fallback;
    try {
        std::size_t used = 0;
        unsigned long parsed = std::stoul(*value, &used, 8);
        if (used == value->size() && parsed <= 0777) return static_cast<unsigned>(parsed);
    } catch (const std::exception&) {
    }
    throw ConfigError(name, "'" + *value + "' is not an octal mode like 0660");
}

}  // namespace cv
