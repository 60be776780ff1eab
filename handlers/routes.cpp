#include "handlers/routes.hpp"

#include "handlers/handlers.hpp"

namespace cv::handlers {

Router build_router() {
    struct Route {
        const char* method;
        const char* path;
        Router::Handler handler;
    };
    const Route routes[] = {
        {"GET", "/healthz", health},
        {"GET", "/metrics", metrics},
        {"POST", "/register", register_user},
        {"POST", "/login", login},
        {"POST", "/logout", logout},
        {"GET", "/@me", me},
        {"POST", "/@me", me},
        {"GET", "/api/userinfo", user_info},
        {"PATCH", "/modify", modify},
        {"GET", "/api/users/connected", users_connected},
    };
    Router router;
    for (const auto& route : routes) router.add(route.method, route.path, route.handler);
    // The twenty catalogue routes are data (catalogue/lists.cpp) served by one handler.
    for (const auto& list : catalogue::catalogue_lists()) {
        router.add("GET", list.route, [&list](WorkerContext& ctx, const Request& request) {
            return catalogue_list(ctx, request, list);
        });
    }
    router.set_guard(cross_site_guard);
    return router;
}

}  // namespace cv::handlers
