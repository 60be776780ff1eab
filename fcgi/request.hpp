#pragma once
// An HTTP request as nginx passed it over FastCGI. Everything is copied out of libfcgi's
// params at construction, so nothing points into envp after FCGX_Finish_r.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cv::fcgi {

// A request line or parameter nginx should never have let through (bad percent-encoding).
class MalformedRequest : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

class Request {
  public:
    using Params = std::vector<std::pair<std::string_view, std::string_view>>;
    // Reads exactly `length` bytes of body; returns fewer on a short read.
    using BodyReader = std::function<std::string(std::size_t length)>;

    // Throws MalformedRequest on an undecodable path or query string.
    static Request from_params(const Params& params, BodyReader body_reader = {});

    const std::string& method() const { return method_; }
    const std::string& path() const { return path_; }
    const std::string& query_string() const { return query_string_; }
    const std::string& remote_addr() const { return remote_addr_; }
    const std::string& request_id() const { return request_id_; }
    void set_request_id(std::string id) { request_id_ = std::move(id); }

    std::optional<std::string> query(const std::string& name) const;
    const std::multimap<std::string, std::string>& query_params() const { return query_; }
    // Lower-case names with dashes: "content-type", "origin", "x-forwarded-for".
    std::optional<std::string> header(const std::string& name) const;
    std::optional<std::string> cookie(const std::string& name) const;

    std::optional<std::size_t> content_length() const { return content_length_; }
    // The body, read from the FastCGI stream on first use. The pool has already refused
    // (413) a Content-Length over the limit, so this never buffers more than the limit.
    const std::string& body() const;

    // A handler calls this before it waits on something slow (TMDB, another worker's lock):
    // the transport then stops holding other requests behind this one (fcgi/worker.cpp).
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
    std::map<std::string, std::string> cookies_;
    std::optional<std::size_t> content_length_;
    BodyReader body_reader_;
    mutable std::optional<std::string> body_;
    std::function<void()> before_long_wait_;
};

std::multimap<std::string, std::string> parse_query(std::string_view query);
std::map<std::string, std::string> parse_cookies(std::string_view header);

}  // namespace cv::fcgi
