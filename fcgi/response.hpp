#pragma once
#include <json/json.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cv::fcgi {

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // How long a shared cache (nginx's) may keep this answer, when it is the same for
    // everyone; the application turns it into Cache-Control, and unset means its default.
    std::optional<std::chrono::seconds> keep_for;

    Response& with_header(std::string name, std::string value) & {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    // On a temporary, the chain moves the response along instead of copying its body.
    Response&& with_header(std::string name, std::string value) && {
        return std::move(with_header(std::move(name), std::move(value)));
    }
    Response& with_cookie(std::string set_cookie) & {
        return with_header("Set-Cookie", std::move(set_cookie));
    }
    Response&& with_cookie(std::string set_cookie) && {
        return std::move(with_header("Set-Cookie", std::move(set_cookie)));
    }
    Response&& kept_for(std::chrono::seconds lifetime) && {
        keep_for = lifetime;
        return std::move(*this);
    }
};

// The few named ways a handler answers.
Response json(int status, const Json::Value& body);
Response raw_json(int status, std::string body);  // body already serialised JSON
Response error(int status, std::string_view message);
Response text(int status, std::string body, std::string content_type);

// The two caching policies an answer can carry (Cache-Control): kept by nobody, or kept by
// shared caches and browsers for `lifetime`.
void keep_private(Response& response);
void keep_shared(Response& response, std::chrono::seconds lifetime);

const char* reason_phrase(int status);

// The CGI-style head libfcgi expects: "Status: …" line, headers and the blank line.
std::string serialize_head(const Response& response);
// Head and body in one string.
std::string serialize(const Response& response, bool include_body);

}  // namespace cv::fcgi
