#include "handlers/http.hpp"

#include <algorithm>

#include "accounts/tokens.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace cv::handlers {
namespace {

bool is_json_media_type(const std::string& content_type) {
    std::string type = text::lower(content_type.substr(0, content_type.find(';')));
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    return type == "application/json";
}

bool changes_something(const std::string& method) {
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

Response no_store(Response response) {
    return std::move(response).with_header("Cache-Control", "no-store");
}

}  // namespace

void cross_site_guard(WorkerContext& ctx, const Request& request) {
    const std::string& method = request.method();
    if (!changes_something(method)) return;
    bool carries_body =
        method == "POST" || method == "PATCH" || request.content_length().value_or(0) > 0;
    if (carries_body && !is_json_media_type(request.header("content-type").value_or("")))
        throw Failure(FailureKind::unsupported_media_type, "Content-Type must be application/json");
    if (auto origin = request.header("origin")) {
        const auto& allowed = ctx.public_origins;
        if (std::find(allowed.begin(), allowed.end(), *origin) == allowed.end())
            throw Failure::forbidden("Forbidden origin");
    }
}

Json::Value json_object_body(const Request& request) {
    std::string reason;
    auto value = json::parse(request.body(), &reason);
    if (!value) throw Failure::invalid_input("Invalid JSON body: " + reason);
    if (!value->isObject()) throw Failure::invalid_input("The body must be a JSON object");
    return std::move(*value);
}

std::string required_string(const Json::Value& body, const char* name) {
    auto value = json::string_member(body, name);
    if (!value) throw Failure::invalid_input(std::string(name) + " must be a string");
    return std::move(*value);
}

std::optional<std::string> session_token(const Request& request) {
    return request.cookie(std::string(accounts::kSessionCookie));
}

Response private_json(int status, const Json::Value& body) {
    return no_store(fcgi::json(status, body));
}

Response private_raw_json(int status, std::string body) {
    return no_store(fcgi::raw_json(status, std::move(body)));
}

}  // namespace cv::handlers
