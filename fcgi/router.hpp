#pragma once
// Exact-path routing: (method, path) → handler. Unknown path → 404, known path with another
// method → 405 with Allow, HEAD served by the GET handler (the pool drops the body).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace cv::fcgi {

template <typename Context>
class Router {
  public:
    using Handler = std::function<Response(Context&, const Request&)>;
    // Runs after a route matched and before its handler (and before any body is read):
    // a response from it is the answer.
    using Guard = std::function<std::optional<Response>(Context&, const Request&)>;

    void set_guard(Guard guard) { guard_ = std::move(guard); }

    void add(const std::string& method, const std::string& path, Handler handler) {
        auto& methods = paths_[path];
        methods[method] = std::move(handler);
        if (method == "GET") methods.emplace("HEAD", methods["GET"]);
    }

    Response dispatch(Context& context, const Request& request) const {
        auto path = paths_.find(request.path());
        if (path == paths_.end()) return error(404, "Not found");
        auto handler = path->second.find(request.method());
        if (handler == path->second.end()) {
            return error(405, "Method not allowed").with_header("Allow", allowed(path->second));
        }
        if (guard_) {
            if (auto refused = guard_(context, request)) return std::move(*refused);
        }
        return handler->second(context, request);
    }

    bool has_path(const std::string& path) const { return paths_.count(path) > 0; }

  private:
    using Methods = std::map<std::string, Handler>;

    static std::string allowed(const Methods& methods) {
        std::string allow;
        for (const auto& [method, handler] : methods) {
            if (!allow.empty()) allow += ", ";
            allow += method;
        }
        return allow;
    }

    std::unordered_map<std::string, Methods> paths_;
    Guard guard_;
};

}  // namespace cv::fcgi
