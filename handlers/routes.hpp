#pragma once
// The route table: the one readable list of what the service answers (contract.md). Each
// row names its method, path, handler and the traits the front server and the pool need;
// nginx's lane map and locations, the bench's and chaos's route lists, the SPA's home rows
// and docs/api.md are all generated from it (`cineverse-api routes --json`).
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "fcgi/router.hpp"
#include "handlers/context.hpp"

namespace cv::handlers {

using Router = fcgi::Router<WorkerContext>;
using Handler = Router::Handler;

// Which pool lane serves a route (app/lanes.cpp says how each is configured). Each lane has
// its own workers, so one kind of slow request only ever occupies its own lane:
enum class Lane {
    main,       // database routes: quick, and waiting on PostgreSQL only
    hashing,    // Argon2id: tens of milliseconds of CPU each, at a lower CPU priority
    catalogue,  // TMDB calls, which may take seconds
};
const char* name_of(Lane lane);

// Who may see an answer, which decides whether nginx may cache it.
enum class Access {
    personal,  // about a user or a session, or otherwise not to be shared: never cached
    shared,    // the same for everyone: nginx caches it (cache_for) in front of the workers
    loopback,  // operators' routes: nginx answers them to loopback addresses only
};
const char* name_of(Access access);

// The rate-limit class nginx applies per client address (limit_req).
enum class RateLimit { none, auth };
struct RateLimitClass {
    RateLimit limit;
    const char* name;  // nginx's zone is cineverse_<name>
    const char* rate;  // the default, as nginx spells it
    int burst;
};
const std::vector<RateLimitClass>& rate_limit_classes();
const char* name_of(RateLimit limit);

struct Route {
    Route(std::string method_, std::string path_, Handler handler_, Lane lane_ = Lane::main,
          RateLimit rate_limit_ = RateLimit::none, Access access_ = Access::personal,
          std::chrono::seconds cache_for_ = {}, std::string home_row_ = {})
        : method(std::move(method_)),
          path(std::move(path_)),
          handler(std::move(handler_)),
          lane(lane_),
          rate_limit(rate_limit_),
          access(access_),
          cache_for(cache_for_),
          home_row(std::move(home_row_)) {}

    std::string method;
    std::string path;  // exact, or with typed parameters (fcgi/path_pattern.hpp)
    Handler handler;
    Lane lane;
    RateLimit rate_limit;
    Access access;
    std::chrono::seconds cache_for;  // shared routes: how long nginx may keep an answer
    std::string home_row;            // a catalogue list's row title on the home page
};

const std::vector<Route>& route_table();

// The table as a router, with the cross-site guard in front of every handler.
Router build_router();

}  // namespace cv::handlers
