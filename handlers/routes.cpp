#include "handlers/routes.hpp"

#include "catalogue/lists.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

using namespace std::chrono_literals;

std::vector<Route> build_table() {
    // clang-format off
    std::vector<Route> routes = {
        // method  path                      handler          lane            rate limit         access
        {"GET",   "/healthz",               health},
        {"GET",   "/metrics",               metrics,         Lane::main,     RateLimit::none,   Access::loopback},
        {"POST",  "/register",              register_user,   Lane::hashing,  RateLimit::auth},
        {"POST",  "/login",                 login,           Lane::hashing,  RateLimit::auth},
        {"POST",  "/logout",                logout},
        {"GET",   "/@me",                   me},
        {"POST",  "/@me",                   me},
        {"GET",   "/api/userinfo",          user_info},
        {"PATCH", "/modify",                modify,          Lane::hashing},
        {"GET",   "/api/users/connected",   users_connected},
    };
    // clang-format on
    // The twenty catalogue lists are data (catalogue/lists.cpp), served by one handler.
    for (const auto& list : catalogue::catalogue_lists()) {
        routes.push_back({"GET", list.route,
                          [&list](WorkerContext& ctx, const Request& request) {
                              return catalogue_list(ctx, request, list);
                          },
                          Lane::catalogue, RateLimit::none, Access::shared, 10min, list.title});
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

const std::vector<RateLimitClass>& rate_limit_classes() {
    // Sized for people: a few attempts a second, with a small burst.
    static const std::vector<RateLimitClass> classes = {
        {RateLimit::auth, "auth", "5r/s", 10},
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
