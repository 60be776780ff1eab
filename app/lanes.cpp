#include "app/lanes.hpp"

#include <algorithm>
#include <optional>
#include <thread>

namespace cv {

const std::vector<LaneDefinition>& lane_definitions() {
    using handlers::Lane;
    using enum fcgi::Lane::Scheduling;
    // nginx keeps its connections to the main and catalogue lanes (a catalogue worker hands
    // them back before it waits on TMDB). A login costs more than a connection, and a kept
    // connection would queue one login behind another on one worker. Hashing leaves a core
    // free of Argon2id whatever the scheduler does, and runs at a lower priority in a
    // scheduling group of its own, so that during a login flood the cheap requests, nginx and
    // PostgreSQL come first (docs/benchmarks.md: niceness alone only counts inside the pool's
    // group); catalogue workers mostly wait on TMDB or answer from the cache.
    // Jobs wait on TMDB's pace and PostgreSQL most of the time, and never hold a client:
    // their worker yields the CPU to the request lanes (niceness 5).
    // clang-format off
    static const std::vector<LaneDefinition> lanes = {
        // lane          prefix                 socket                default listen                 a core spare nice keep   scheduling loop
        {Lane::main,      "CINEVERSE",           "api.sock",           "unix:/run/cineverse/api.sock", 2,     0,    0,   true,  normal},
        {Lane::hashing,   "CINEVERSE_HASHING",   "api-hashing.sock",   nullptr,                        0,     1,    10,  false, own_group},
        {Lane::catalogue, "CINEVERSE_CATALOGUE", "api-catalogue.sock", nullptr,                        2,     0,    0,   true,  normal},
        {Lane::jobs,      "CINEVERSE_JOBS",      nullptr,              nullptr,                        0,     0,    5,   false, normal,    true},
    };
    // clang-format on
    return lanes;
}

namespace {

fcgi::Lane::Scheduling scheduling(const Settings& settings, const std::string& variable,
                                  fcgi::Lane::Scheduling fallback) {
    using Scheduling = fcgi::Lane::Scheduling;
    auto value = settings.raw(variable);
    if (!value) return fallback;
    if (*value == "normal") return Scheduling::normal;
    if (*value == "idle") return Scheduling::idle;
    if (*value == "own-group") return Scheduling::own_group;
    throw ConfigError(variable, "'" + *value + "' is none of normal, idle, own-group");
}

// The lane's address in this pool, if this pool serves it: unset with no default, or "off"
// (another pool, a unit of its own, serves it), and it has none.
std::optional<std::string> lane_address(const Settings& settings,
                                        const LaneDefinition& definition) {
    auto address = settings.text(listen_variable(definition),
                                 definition.default_listen ? definition.default_listen : "");
    if (address.empty() || address == "off") return std::nullopt;
    return address;
}

const LaneDefinition& definition_of(handlers::Lane lane) {
    const auto& all = lane_definitions();
    return *std::find_if(all.begin(), all.end(),
                         [&](const LaneDefinition& definition) { return definition.lane == lane; });
}

}  // namespace

std::string listen_variable(const LaneDefinition& definition) {
    return std::string(definition.prefix) + "_LISTEN";
}

std::vector<fcgi::Lane> configured_lanes(const Settings& settings) {
    const long cores = static_cast<long>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<fcgi::Lane> lanes;
    for (const auto& definition : lane_definitions()) {
        const std::string prefix = definition.prefix;
        fcgi::Lane lane;
        lane.name = handlers::name_of(definition.lane);
        lane.nice = static_cast<int>(settings.integer(prefix + "_NICE", definition.nice, 0, 19));
        lane.scheduling = scheduling(settings, prefix + "_SCHEDULING", definition.scheduling);
        lane.keep_connections = definition.keep_connections;
        if (definition.loop) {
            lane.workers = static_cast<int>(settings.integer(prefix + "_WORKERS", 1, 0, 64));
            if (lane.workers > 0) lanes.push_back(lane);
            continue;
        }
        auto address = lane_address(settings, definition);
        if (!address) continue;
        lane.listen = fcgi::ListenAddress::parse(listen_variable(definition), *address);
        if (std::any_of(lanes.begin(), lanes.end(),
                        [&](const fcgi::Lane& other) { return other.listen == lane.listen; }))
            throw ConfigError(listen_variable(definition),
                              "must differ from every other lane's address");
        long workers = definition.workers_per_core > 0
                           ? definition.workers_per_core * cores
                           : std::max(1L, cores - definition.spare_cores);
        // With TMDB calls in a lane of their own, the main lane only waits on PostgreSQL: on
        // one host, one worker a core keeps the tail shortest (docs/benchmarks.md); a main
        // lane that also waits on TMDB needs spare workers. A database across the network
        // wants more (docs/deployment.md).
        if (definition.lane == handlers::Lane::main &&
            lane_address(settings, definition_of(handlers::Lane::catalogue)))
            workers = cores;
        lane.workers = static_cast<int>(settings.integer(prefix + "_WORKERS", workers, 1, 512));
        lanes.push_back(lane);
    }
    return lanes;
}

}  // namespace cv
