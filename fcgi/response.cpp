#include "fcgi/response.hpp"

#include "core/json.hpp"

namespace cv::fcgi {

Response json(int status, const Json::Value& body) {
    return raw_json(status, cv::json::write(body));
}

Response raw_json(int status, std::string body) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response error(int status, std::string_view message) {
    Json::Value body(Json::objectValue);
    body["error"] = std::string(message);
    return json(status, body);
}

Response text(int status, std::string body, std::string content_type) {
    Response response;
    response.status = status;
    response.content_type = std::move(content_type);
    response.body = std::move(body);
    return response;
}

void keep_private(Response& response) {
    response.with_header("Cache-Control", "no-store");
}

void keep_shared(Response& response, std::chrono::seconds lifetime) {
    response.with_header("Cache-Control", "public, max-age=" + std::to_string(lifetime.count()));
}

const char* reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Content Too Large";
        case 415:
            return "Unsupported Media Type";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
        default:
            return "Unknown";
    }
}

std::string serialize_head(const Response& response) {
    std::string out;
    out.reserve(256);
    out += "Status: ";
    out += std::to_string(response.status);
    out += ' ';
    out += reason_phrase(response.status);
    out += "\r\nContent-Type: ";
    out += response.content_type;
    out += "\r\nContent-Length: ";
    out += std::to_string(response.body.size());
    out += "\r\n";
    for (const auto& [name, value] : response.headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "\r\n";
    return out;
}

std::string serialize(const Response& response, bool include_body) {
    std::string out = serialize_head(response);
    if (include_body) out += response.body;
    return out;
}

}  // namespace cv::fcgi
