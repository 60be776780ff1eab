#include "fcgi/settings.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace cv::fcgi {
namespace {

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    auto end = s.find_last_not_of(" \t\r");
    return s.substr(begin, end - begin + 1);
}

std::optional<long> parse_long(const std::string& text) {
    long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::map<std::string, std::string> parse_env_file(const std::string& text) {
    std::map<std::string, std::string> values;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = trim(line.substr(0, eq));
        std::string value = trim(line.substr(eq + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        values[key] = value;
    }
    return values;
}

Settings Settings::from_environment() {
    std::map<std::string, std::string> values;
    for (char** entry = environ; entry && *entry; ++entry) {
        std::string pair = *entry;
        auto eq = pair.find('=');
        if (eq != std::string::npos) values[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    if (auto file = values.find("CINEVERSE_CONFIG_FILE");
        file != values.end() && !file->second.empty()) {
        std::ifstream in(file->second);
        if (!in) throw ConfigError("CINEVERSE_CONFIG_FILE", "cannot read " + file->second);
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
    std::string v = *value;
    std::transform(v.begin(), v.end(), v.begin(), ::tolower);
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
        item = trim(item);
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

ListenAddress ListenAddress::parse(const std::string& variable, const std::string& value) {
    ListenAddress address;
    if (value.rfind("unix:", 0) == 0 || value.rfind('/', 0) == 0) {
        address.kind = Kind::unix_socket;
        address.path = value.rfind("unix:", 0) == 0 ? value.substr(5) : value;
        if (address.path.empty() || address.path[0] != '/') {
            throw ConfigError(variable, "unix socket path must be absolute: '" + value + "'");
        }
        if (address.path.size() >= 100) throw ConfigError(variable, "unix socket path too long");
        return address;
    }
    auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw ConfigError(variable, "'" + value + "' is neither unix:/path nor host:port");
    }
    address.kind = Kind::tcp;
    address.host = value.substr(0, colon);
    if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']') {
        address.host = address.host.substr(1, address.host.size() - 2);
    }
    auto port = parse_long(value.substr(colon + 1));
    if (!port || *port < 1 || *port > 65535) {
        throw ConfigError(variable, "'" + value + "' has no valid port (1-65535)");
    }
    address.port = static_cast<int>(*port);
    return address;
}

std::string ListenAddress::describe() const {
    return kind == Kind::unix_socket ? "unix:" + path : host + ":" + std::to_string(port);
}

PoolSettings PoolSettings::from(const Settings& settings) {
    PoolSettings pool;
    pool.listen = ListenAddress::parse(
        "CINEVERSE_LISTEN", settings.text("CINEVERSE_LISTEN", "unix:/run/cineverse/api.sock"));
    auto mode = settings.text("CINEVERSE_SOCKET_MODE", "0660");
    try {
        size_t used = 0;
        unsigned long parsed = std::stoul(mode, &used, 8);
        if (used != mode.size() || parsed > 0777) throw std::invalid_argument(mode);
        pool.socket_mode = static_cast<unsigned>(parsed);
    } catch (const std::exception&) {
        throw ConfigError("CINEVERSE_SOCKET_MODE", "'" + mode + "' is not an octal mode like 0660");
    }
    long cores = static_cast<long>(std::max(1u, std::thread::hardware_concurrency()));
    struct LaneDefaults {
        const char* name;
        const char* prefix;
        long workers;
        long nice;
        bool takes_tmdb_calls;
    };
    const LaneDefaults lanes[] = {
        {"hashing", "CINEVERSE_HASHING", 2, 10, false},
        // Catalogue workers mostly wait on TMDB or answer from the cache: as many as the main lane.
        {"catalogue", "CINEVERSE_CATALOGUE", 2 * cores, 0, true},
    };
    bool main_lane_waits_on_tmdb = true;
    for (const auto& defaults : lanes) {
        std::string prefix = defaults.prefix;
        auto address = settings.text(prefix + "_LISTEN", "");
        if (address.empty()) continue;
        if (defaults.takes_tmdb_calls) main_lane_waits_on_tmdb = false;
        SideLane lane;
        lane.name = defaults.name;
        lane.listen = ListenAddress::parse(prefix + "_LISTEN", address);
        bool taken =
            lane.listen == pool.listen ||
            std::any_of(pool.side_lanes.begin(), pool.side_lanes.end(),
                        [&](const SideLane& other) { return other.listen == lane.listen; });
        if (taken)
            throw ConfigError(prefix + "_LISTEN", "must differ from every other lane's address");
        lane.workers =
            static_cast<int>(settings.integer(prefix + "_WORKERS", defaults.workers, 1, 512));
        lane.nice = static_cast<int>(settings.integer(prefix + "_NICE", defaults.nice, 0, 19));
        pool.side_lanes.push_back(lane);
    }
    // With TMDB calls in a lane of their own, the main lane only waits on PostgreSQL: on one
    // host, one worker a core keeps the tail shortest (docs/benchmarks.md); a main lane that
    // also waits on TMDB needs spare workers. A database across the network wants more
    // (docs/deployment.md).
    pool.workers = static_cast<int>(
        settings.integer("CINEVERSE_WORKERS", main_lane_waits_on_tmdb ? 2 * cores : cores, 1, 512));
    pool.max_requests = settings.integer("CINEVERSE_MAX_REQUESTS", 10000, 0, 1L << 40);
    pool.drain_timeout = settings.duration("CINEVERSE_DRAIN_TIMEOUT", std::chrono::seconds(30),
                                           std::chrono::milliseconds(0), std::chrono::hours(1));
    pool.body_limit = settings.bytes("CINEVERSE_BODY_LIMIT", std::size_t{64} * 1024, 1024,
                                     std::size_t{64} * 1024 * 1024);
    return pool;
}

}  // namespace cv::fcgi
