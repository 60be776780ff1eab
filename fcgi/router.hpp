#pragma once
// (method, path) → handler, in the manner of cpp-httplib: exact paths in a hash map, paths
// with parameters tried in the order they were added. Unknown path → Failure not_found,
// known path with another method → method_not_allowed with Allow; HEAD is served by the GET
// handler (the worker drops the body). Each route may carry a `Tag`: what the application
// knows about it (its traits), handed back with the handler when a request matches.
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

template <typename Context, typename Tag = int>
class Router {
  public:
    using Handler = std::function<Response(Context&, const Request&)>;
    struct Match {
        const Handler& handler;
        const Tag& tag;
    };
    // Runs after a route matched and before its handler (and before any body is read); it
    // refuses a request by throwing a Failure.
    using Guard = std::function<void(Context&, const Request&)>;

    void set_guard(Guard guard) { guard_ = std::move(guard); }

    void add(const std::string& method, const std::string& path, Handler handler, Tag tag = {}) {
        Methods& methods = methods_for(path);
        if (methods.count(method) != 0)
            throw std::invalid_argument("route listed twice: " + method + " " + path);
        methods[method] = Route{handler, tag};
        if (method == "GET") methods.emplace("HEAD", Route{std::move(handler), std::move(tag)});
    }

    // The route serving the request, whose matched route and path parameters it sets.
    // Throws Failure when there is none (not_found, or method_not_allowed with Allow).
    Match match(Request& request) const {
        const Entry* entry = find(request);
        if (entry == nullptr) throw Failure::not_found();
        auto route = entry->methods.find(request.method());
        if (route == entry->methods.end()) {
            throw Failure(FailureKind::method_not_allowed, "Method not allowed",
                          {{"Allow", allowed(entry->methods)}});
        }
        return {route->second.handler, route->second.tag};
    }

    // Matches the request, then runs the guard and the handler. Throws Failure when no route
    // serves the request.
    Response dispatch(Context& context, Request& request) const {
        Match matched = match(request);
        if (guard_) guard_(context, request);
        return matched.handler(context, request);
    }

  private:
    struct Route {
        Handler handler;
        Tag tag;
    };
    using Methods = std::map<std::string, Route>;
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
        for (const auto& [method, route] : methods) {
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
