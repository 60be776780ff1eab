#include "app/lanes.hpp"

#include <algorithm>
#include <thread>

namespace cv {

const std::vector<LaneDefinition>& lane_definitions() {
    using handlers::Lane;
    // nginx keeps its connections to the main and catalogue lanes (a catalogue worker hands
    // them back before it waits on TMDB). A login costs more than a connection, and a kept
    // connection would queue one login behind another on one worker. Hashing runs at a lower
    // priority, so the scheduler serves the cheap requests first; catalogue workers mostly
    // wait on TMDB or answer from the cache.
    // clang-format off
    static const std::vector<LaneDefinition> lanes = {
        // lane          prefix                 default listen                 a core fixed nice keep
        {Lane::main,      "CINEVERSE",           "unix:/run/cineverse/api.sock", 2,     0,    0,   true},
        {Lane::hashing,   "CINEVERSE_HASHING",   nullptr,                        0,     2,    10,  false},
        {Lane::catalogue, "CINEVERSE_CATALOGUE", nullptr,                        2,     0,    0,   true},
    };
    // clang-format on
    return lanes;
}

std::string listen_variable(const LaneDefinition& definition) {
    return std::string(definition.prefix) + "_LISTEN";
}

std::vector<fcgi::Lane> configured_lanes(const Settings& settings) {
    const long cores = static_cast<long>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<fcgi::Lane> lanes;
    for (const auto& definition : lane_definitions()) {
        const std::string prefix = definition.prefix;
        auto address = settings.text(listen_variable(definition),
                                     definition.default_listen ? definition.default_listen : "");
        if (address.empty()) continue;
        fcgi::Lane lane;
        lane.name = handlers::name_of(definition.lane);
        lane.listen = fcgi::ListenAddress::parse(listen_variable(definition), address);
        if (std::any_of(lanes.begin(), lanes.end(),
                        [&](const fcgi::Lane& other) { return other.listen == lane.listen; }))
            throw ConfigError(listen_variable(definition),
                              "must differ from every other lane's address");
        long workers = definition.workers_per_core > 0 ? definition.workers_per_core * cores
                                                       : definition.fixed_workers;
        // With TMDB calls in a lane of their own, the main lane only waits on PostgreSQL: on
        // one host, one worker a core keeps the tail shortest (docs/benchmarks.md); a main
        // lane that also waits on TMDB needs spare workers. A database across the network
        // wants more (docs/deployment.md).
        if (definition.lane == handlers::Lane::main &&
            !settings.text("CINEVERSE_CATALOGUE_LISTEN", "").empty())
            workers = cores;
        lane.workers = static_cast<int>(settings.integer(prefix + "_WORKERS", workers, 1, 512));
        lane.nice = static_cast<int>(settings.integer(prefix + "_NICE", definition.nice, 0, 19));
        lane.keep_connections = definition.keep_connections;
        lanes.push_back(lane);
    }
    return lanes;
}

}  // namespace cv
