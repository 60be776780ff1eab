#pragma once
// An HTTP request as nginx passed it over FastCGI. Everything is copied out of libfcgi's
// params at construction, so nothing points into envp after FCGX_Finish_r.
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/failure.hpp"

namespace cv::fcgi {

// A request line or parameter nginx should never have let through (bad percent-encoding).
class MalformedRequest : public Failure {
  public:
    explicit MalformedRequest(const std::string& problem)
        : Failure(FailureKind::invalid_input, problem) {}
};

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

class Request {
  public:
    using Params = std::vector<std::pair<std::string_view, std::string_view>>;
    // Reads exactly `length` bytes of body; returns fewer on a short read.
    using BodyReader = std::function<std::string(std::size_t length)>;

    // Throws MalformedRequest on an undecodable path or query string. A body longer than
    // `body_limit` is refused (413) when asked for, before a byte of it is read.
    static Request from_params(const Params& params, BodyReader body_reader = {},
                               std::size_t body_limit = std::size_t{64} * 1024);

    const std::string& method() const { return method_; }
    const std::string& path() const { return path_; }
    const std::string& query_string() const { return query_string_; }
    const std::string& remote_addr() const { return remote_addr_; }
    const std::string& request_id() const { return request_id_; }
    void set_request_id(std::string id) { request_id_ = std::move(id); }

    std::optional<std::string> query(const std::string& name) const;
    // Lower-case names with dashes: "content-type", "origin", "x-forwarded-for".
    std::optional<std::string> header(const std::string& name) const;
    // A cookie sent exactly once; nullopt when absent or sent several times (a sibling host
    // may plant a second one: which one is genuine cannot be told, so neither is trusted).
    std::optional<std::string> cookie(const std::string& name) const;
    // Every value of a cookie, in the order sent.
    std::vector<std::string> cookies(const std::string& name) const;

    std::optional<std::size_t> content_length() const { return content_length_; }
    // A route of its own size limit (an upload) raises or lowers the pool's, before the body
    // is read.
    void set_body_limit(std::size_t limit) { body_limit_ = limit; }
    // The body, read from the FastCGI stream on first use; a Content-Length over the limit
    // throws Failure(payload_too_large) instead, so nothing over the limit is ever buffered.
    const std::string& body() const;

    // The route the router matched ("/api/movie/{id:int}"), or "" when none did.
    const std::string& route() const { return route_; }
    // A parameter of the matched route's path ("id" → "653"), or "" when it has none.
    const std::string& path_param(std::string_view name) const;
    using PathParams = std::vector<std::pair<std::string, std::string>>;
    void set_route(std::string route, PathParams params) {
        route_ = std::move(route);
        path_params_ = std::move(params);
        if (route_observer_) route_observer_(route_);
    }
    // The transport learns the route as soon as it is known (to publish what a worker is
    // busy with while its handler runs).
    void set_route_observer(std::function<void(const std::string&)> observer) {
        route_observer_ = std::move(observer);
    }

    // When the request must be answered by (its start plus the pool's request timeout);
    // whatever it waits on must give up by then.
    std::chrono::steady_clock::time_point deadline() const { return deadline_; }
    void set_deadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }

    // A handler calls this before it waits on something slow (an upstream service, another
    // worker's lock): the transport then stops holding other requests behind this one
    // (fcgi/worker.cpp).
    void before_long_wait() const {
        if (before_long_wait_) before_long_wait_();
    }
    void set_before_long_wait(std::function<void()> hook) { before_long_wait_ = std::move(hook); }

  private:
    std::string method_;
    std::string path_;
    std::string query_string_;
    std::string remote_addr_;
    std::string request_id_;
    std::multimap<std::string, std::string> query_;
    std::map<std::string, std::string> headers_;
    std::multimap<std::string, std::string> cookies_;
    std::optional<std::size_t> content_length_;
    std::size_t body_limit_ = 0;
    BodyReader body_reader_;
    std::string route_;
    PathParams path_params_;
    std::function<void(const std::string&)> route_observer_;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
    mutable std::optional<std::string> body_;
    std::function<void()> before_long_wait_;
};

std::multimap<std::string, std::string> parse_query(std::string_view query);
std::multimap<std::string, std::string> parse_cookies(std::string_view header);

}  // namespace cv::fcgi
