#include "handlers/http.hpp"

#include <algorithm>

#include "fcgi/json.hpp"

namespace cv::handlers {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool is_json_media_type(const std::string& content_type) {
    std::string type = lower(content_type.substr(0, content_type.find(';')));
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    return type == "application/json";
}

}  // namespace

std::optional<Response> cross_site_guard(WorkerContext& ctx, const Request& request) {
    if (request.method() != "POST" && request.method() != "PATCH") return std::nullopt;
    if (!is_json_media_type(request.header("content-type").value_or(""))) {
        return fcgi::error(415, "Content-Type must be application/json");
    }
    if (auto origin = request.header("origin")) {
        const auto& allowed = ctx.config.public_origins;
        if (std::find(allowed.begin(), allowed.end(), *origin) == allowed.end()) {
            return fcgi::error(403, "Forbidden origin");
        }
    }
    return std::nullopt;
}

std::variant<Json::Value, Response> json_object_body(const Request& request) {
    std::string reason;
    auto value = fcgi::parse_json(request.body(), &reason);
    if (!value) return fcgi::error(400, "Invalid JSON body: " + reason);
    if (!value->isObject()) return fcgi::error(400, "The body must be a JSON object");
    return std::move(*value);
}

std::optional<std::string> session_token(const Request& request) {
    return request.cookie("session");
}

}  // namespace cv::handlers
