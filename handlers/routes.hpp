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

struct Traits;
using Router = fcgi::Router<WorkerContext, const Traits*>;
using Handler = Router::Handler;

// Which pool lane serves a route (app/lanes.cpp says how each is configured). Each lane has
// its own workers, so one kind of slow request only ever occupies its own lane:
enum class Lane {
    main,       // database routes: quick, and waiting on PostgreSQL only
    hashing,    // Argon2id: tens of milliseconds of CPU each, at a lower CPU priority
    catalogue,  // TMDB calls, which may take seconds
    jobs,       // no route: background jobs (jobs/), which may run for minutes
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
enum class RateLimit { none, auth, modify, catalogue, search, watchlist, diary };
struct RateLimitClass {
    RateLimit limit;
    const char* name;  // nginx's zone is cineverse_<name>
    const char* rate;  // the default, as nginx spells it
    int burst;
};
const std::vector<RateLimitClass>& rate_limit_classes();
const char* name_of(RateLimit limit);

// What the front server and the pool need to know about a route besides its handler. Rows
// say it in words: `shared("list", 10min).in(Lane::catalogue).reads({"page", "language"})`.
struct Traits {
    Lane lane = Lane::main;
    Access access = Access::personal;
    // Shared routes: the kind of answer ("search", "movie"), whose freshness is cache_for
    // unless CINEVERSE_CACHE_TTL_<KIND> says otherwise. It sets Cache-Control for nginx
    // and browsers, and how long the application's own cache keeps the kind.
    std::string cache_kind;
    std::chrono::seconds cache_for{0};
    RateLimit rate_limit = RateLimit::none;
    // The query parameters the route reads. For a shared route, nginx keys its cache on
    // these alone and passes the worker nothing else (one reading of a query string: the
    // key is exactly what the worker answers from); an unknown parameter never makes a
    // cache entry of its own.
    std::vector<std::string> query;
    std::string home_row;  // a catalogue list's row title on the home page
    // A route whose body is not JSON (an upload): the media types it takes, and its own size
    // limit in bytes (0: the pool's, CINEVERSE_BODY_LIMIT). nginx's client_max_body_size for
    // its location follows.
    std::vector<std::string> body_types;
    std::size_t body_limit = 0;

    Traits in(Lane where) const {
        Traits traits = *this;
        traits.lane = where;
        return traits;
    }
    Traits limited(RateLimit limit) const {
        Traits traits = *this;
        traits.rate_limit = limit;
        return traits;
    }
    Traits reads(std::vector<std::string> parameters) const {
        Traits traits = *this;
        traits.query = std::move(parameters);
        return traits;
    }
    Traits home_page_row(std::string title) const {
        Traits traits = *this;
        traits.home_row = std::move(title);
        return traits;
    }
    Traits uploads(std::vector<std::string> types, std::size_t limit) const {
        Traits traits = *this;
        traits.body_types = std::move(types);
        traits.body_limit = limit;
        return traits;
    }
};

// For one client (a user's data, a session, the moment's health): never cached.
Traits personal();
// The same for everyone: an answer of this kind stays fresh for `fresh_for` (by default).
Traits shared(std::string kind, std::chrono::seconds fresh_for);
// Operators only: answered to loopback addresses.
Traits loopback();

struct Route {
    std::string method;
    std::string path;  // exact, or with typed parameters (fcgi/path_pattern.hpp)
    Handler handler;
    Traits traits;
};

const std::vector<Route>& route_table();

// The freshness of each kind of shared answer, as the rows say.
CacheLifetimes default_cache_lifetimes();

// The service's answer to any request: the matched row's handler behind the checks every
// row gets (one reading of the query string, operators' routes from loopback only, the
// cross-site rule), a failure turned into its answer (handlers/answers.cpp), and the row's
// caching rule as Cache-Control — which no handler sets by hand.
class Api {
  public:
    Api();
    fcgi::Response answer(WorkerContext& ctx, fcgi::Request& request) const noexcept;

  private:
    Router router_;
};

}  // namespace cv::handlers
