#pragma once
// The pool's lanes as this application configures them: which exist, where each listens,
// how many workers it runs and at which priority. The route table says which routes go to
// which lane (handlers/routes.cpp); the transport only sees a list of named lanes.
#include <string>
#include <vector>

#include "core/settings.hpp"
#include "fcgi/pool.hpp"
#include "handlers/routes.hpp"

namespace cv {

struct LaneDefinition {
    handlers::Lane lane;
    const char* prefix;  // its variables: <prefix>_LISTEN, _WORKERS, _NICE
    // Its unix socket's file name, in the directory of the systemd socket unit (/run/cineverse)
    // or of a local stack: scripts/regenerate writes the units' lines from it, and the scripts
    // and the test stack read it (`cineverse-api routes --json`).
    const char* socket;
    const char* default_listen;  // nullptr: the lane exists only when <prefix>_LISTEN is set
    long workers_per_core;       // default workers: this many a core, or
    long spare_cores;            // when workers_per_core is 0, one a core but this many (≥ 1)
    long nice;                   // default CPU niceness of its workers
    bool keep_connections;
    fcgi::Lane::Scheduling scheduling;  // default place in the scheduler (fcgi/pool.hpp)
    // A lane that takes no requests: no socket and no <prefix>_LISTEN, its workers run the
    // background jobs (app/jobs_worker.hpp). One worker unless <prefix>_WORKERS says
    // otherwise; 0: this pool runs none.
    bool loop = false;
};

// main (CINEVERSE_LISTEN, CINEVERSE_WORKERS), then hashing and catalogue (CINEVERSE_HASHING_*,
// CINEVERSE_CATALOGUE_*): a side lane's routes go to the main lane while it is not set. Then
// the jobs lane (CINEVERSE_JOBS_WORKERS), which listens nowhere.
const std::vector<LaneDefinition>& lane_definitions();

std::string listen_variable(const LaneDefinition& definition);

// The lanes configured by `settings`, main first. Throws ConfigError.
std::vector<fcgi::Lane> configured_lanes(const Settings& settings);

}  // namespace cv
