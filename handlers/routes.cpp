#include "handlers/routes.hpp"

#include "catalogue/lists.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

using namespace std::chrono_literals;

std::vector<Route> build_table() {
    // clang-format off
    std::vector<Route> routes = {
        // method  path                      handler          traits
        {"GET",   "/healthz",               health,          personal()},
        {"GET",   "/metrics",               metrics,         loopback()},
        {"GET",   "/status",                pool_status,     loopback().reads({"full"})},
        {"POST",  "/register",              register_user,   personal().in(Lane::hashing).limited(RateLimit::auth)},
        {"POST",  "/login",                 login,           personal().in(Lane::hashing).limited(RateLimit::auth)},
        {"POST",  "/logout",                logout,          personal()},
        {"GET",   "/@me",                   me,              personal()},
        {"POST",  "/@me",                   me,              personal()},
        {"GET",   "/api/userinfo",          user_info,       personal()},
        {"PATCH", "/modify",                modify,          personal().in(Lane::hashing).limited(RateLimit::modify)},
        {"GET",   "/api/users/connected",   users_connected, personal()},
        {"GET",   "/api/@me",               me,              personal()},  // the original client's alias
        // Finding and opening a film.
        {"GET",   "/api/search-multi",      search,          shared(1h).in(Lane::catalogue).limited(RateLimit::search).reads({"query", "page"})},
        {"GET",   "/api/users/search-multi", search,         shared(1h).in(Lane::catalogue).limited(RateLimit::search).reads({"query", "page"})},
        {"GET",   "/api/movie/{id:int}",    movie_page,      shared(24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/tv/{id:int}",       tv_page,         shared(24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/config",            image_config,    shared(1h)},
        // Keeping a film, and leaving. An add may need the title's page from TMDB: the items'
        // paths are in the catalogue lane, so no TMDB wait ever holds a main-lane worker.
        {"GET",    "/api/watchlist",        watchlist_items,  personal()},
        {"PUT",    "/api/watchlist/{media_type:movie|tv}/{id:int}", watchlist_add,    personal().in(Lane::catalogue).limited(RateLimit::watchlist)},
        {"DELETE", "/api/watchlist/{media_type:movie|tv}/{id:int}", watchlist_remove, personal().in(Lane::catalogue).limited(RateLimit::watchlist)},
        {"DELETE", "/api/account",          delete_account,   personal().in(Lane::hashing).limited(RateLimit::auth)},
    };
    // clang-format on
    // The twenty catalogue lists are data (catalogue/lists.cpp), served by one handler.
    for (const auto& list : catalogue::catalogue_lists()) {
        routes.push_back({"GET", list.route,
                          [&list](WorkerContext& ctx, const Request& request) {
                              return catalogue_list(ctx, request, list);
                          },
                          shared(10min)
                              .in(Lane::catalogue)
                              .limited(RateLimit::catalogue)
                              .reads({"page", "language"})
                              .home_page_row(list.title)});
    }
    return routes;
}

}  // namespace

const char* name_of(Lane lane) {
    switch (lane) {
        case Lane::main:
            return "main";
        case Lane::hashing:
            return "hashing";
        case Lane::catalogue:
            return "catalogue";
    }
    return "main";
}

const char* name_of(Access access) {
    switch (access) {
        case Access::personal:
            return "personal";
        case Access::shared:
            return "shared";
        case Access::loopback:
            return "loopback";
    }
    return "personal";
}

Traits personal() {
    return Traits{};
}

Traits shared(std::chrono::seconds cache_for) {
    Traits traits;
    traits.access = Access::shared;
    traits.cache_for = cache_for;
    return traits;
}

Traits loopback() {
    Traits traits;
    traits.access = Access::loopback;
    return traits;
}

const std::vector<RateLimitClass>& rate_limit_classes() {
    static const std::vector<RateLimitClass> classes = {
        // Sized for people: a few attempts a second, with a small burst.
        {RateLimit::auth, "auth", "5r/s", 10},
        // Profile changes; a password change is also limited per account (accounts/store.cpp).
        {RateLimit::modify, "modify", "2r/s", 5},
        // A home page asks for its twenty rows at once, and scrolling asks for more pages.
        {RateLimit::catalogue, "catalogue", "20r/s", 60},
        // Suggestions as one types, after a pause: a few a second.
        {RateLimit::search, "search", "5r/s", 20},
        // A person curating a list, a card after another.
        {RateLimit::watchlist, "watchlist", "10r/s", 20},
    };
    return classes;
}

const char* name_of(RateLimit limit) {
    for (const auto& known : rate_limit_classes()) {
        if (known.limit == limit) return known.name;
    }
    return "none";
}

const std::vector<Route>& route_table() {
    static const std::vector<Route> table = build_table();
    return table;
}

Router build_router() {
    Router router;
    for (const auto& route : route_table()) router.add(route.method, route.path, route.handler);
    router.set_guard(cross_site_guard);
    return router;
}

}  // namespace cv::handlers
