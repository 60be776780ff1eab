#pragma once
// (method, path) → handler, in the manner of cpp-httplib: exact paths in a hash map, paths
// with parameters tried in the order they were added. Unknown path → Failure not_found,
// known path with another method → method_not_allowed with Allow; HEAD is served by the GET
// handler (the worker drops the body).
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/failure.hpp"
#include "fcgi/path_pattern.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace cv::fcgi {

template <typename Context>
class Router {
  public:
    using Handler = std::function<Response(Context&, const Request&)>;
    // Runs after a route matched and before its handler (and before any body is read); it
    // refuses a request by throwing a Failure.
    using Guard = std::function<void(Context&, const Request&)>;

    void set_guard(Guard guard) { guard_ = std::move(guard); }

    void add(const std::string& method, const std::string& path, Handler handler) {
        Methods& methods = methods_for(path);
        if (methods.count(method) != 0)
            throw std::invalid_argument("route listed twice: " + method + " " + path);
        methods[method] = handler;
        if (method == "GET") methods.emplace("HEAD", std::move(handler));
    }

    // Sets the request's matched route and path parameters, then runs the guard and the
    // handler. Throws Failure when no route serves the request.
    Response dispatch(Context& context, Request& request) const {
        const Entry* entry = find(request);
        if (entry == nullptr) throw Failure::not_found();
        auto handler = entry->methods.find(request.method());
        if (handler == entry->methods.end()) {
            throw Failure(FailureKind::method_not_allowed, "Method not allowed",
                          {{"Allow", allowed(entry->methods)}});
        }
        if (guard_) guard_(context, request);
        return handler->second(context, request);
    }

  private:
    using Methods = std::map<std::string, Handler>;
    struct Entry {
        PathPattern pattern;
        Methods methods;
    };

    Methods& methods_for(const std::string& path) {
        PathPattern pattern(path);
        if (pattern.is_exact()) {
            auto [it, added] = exact_.try_emplace(path, Entry{std::move(pattern), {}});
            return it->second.methods;
        }
        for (auto& entry : patterns_) {
            if (entry.pattern.text() == path) return entry.methods;
        }
        patterns_.push_back(Entry{std::move(pattern), {}});
        return patterns_.back().methods;
    }

    const Entry* find(Request& request) const {
        if (auto exact = exact_.find(request.path()); exact != exact_.end()) {
            request.set_route(exact->second.pattern.text(), {});
            return &exact->second;
        }
        for (const auto& entry : patterns_) {
            if (auto params = entry.pattern.match(request.path())) {
                request.set_route(entry.pattern.text(), std::move(*params));
                return &entry;
            }
        }
        return nullptr;
    }

    static std::string allowed(const Methods& methods) {
        std::string allow;
        for (const auto& [method, handler] : methods) {
            if (!allow.empty()) allow += ", ";
            allow += method;
        }
        return allow;
    }

    std::unordered_map<std::string, Entry> exact_;
    std::vector<Entry> patterns_;
    Guard guard_;
};

}  // namespace cv::fcgi
