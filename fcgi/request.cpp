#include "fcgi/request.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace cv::fcgi {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string header_name(std::string_view cgi_name) {
    std::string name = text::lower(cgi_name);
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int hi = hex_value(text[i + 1]);
            int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::multimap<std::string, std::string> parse_query(std::string_view query) {
    std::multimap<std::string, std::string> params;
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq), true);
        auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
        if (!name || !value)
            throw MalformedRequest("malformed percent-encoding in the query string");
        params.emplace(std::move(*name), std::move(*value));
    }
    return params;
}

std::multimap<std::string, std::string> parse_cookies(std::string_view header) {
    std::multimap<std::string, std::string> cookies;
    while (!header.empty()) {
        auto semi = header.find(';');
        std::string_view pair = text::trim(header.substr(0, semi));
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;  // garbage: ignored, not fatal
        std::string_view value = text::trim(pair.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        cookies.emplace(std::string(text::trim(pair.substr(0, eq))), std::string(value));
    }
    return cookies;
}

Request Request::from_params(const Params& params, BodyReader body_reader, std::size_t body_limit) {
    Request request;
    request.body_reader_ = std::move(body_reader);
    request.body_limit_ = body_limit;
    std::string document_uri;
    std::string request_uri;
    for (const auto& [name, value] : params) {
        if (name == "REQUEST_METHOD") {
            request.method_ = value;
        } else if (name == "DOCUMENT_URI") {
            document_uri = value;
        } else if (name == "REQUEST_URI") {
            request_uri = value;
        } else if (name == "QUERY_STRING") {
            request.query_string_ = value;
        } else if (name == "REMOTE_ADDR") {
            request.remote_addr_ = value;
        } else if (name == "REQUEST_ID") {
            request.request_id_ = value;
        } else if (name == "CONTENT_TYPE") {
            if (!value.empty()) request.headers_["content-type"] = value;
        } else if (name == "CONTENT_LENGTH") {
            size_t length = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
            if (!value.empty() && ec == std::errc{} && ptr == value.data() + value.size()) {
                request.content_length_ = length;
            } else if (!value.empty()) {
                throw MalformedRequest("invalid Content-Length");
            }
        } else if (name.rfind("HTTP_", 0) == 0) {
            request.headers_[header_name(std::string_view(name).substr(5))] = value;
        }
    }
    // nginx's DOCUMENT_URI is the normalised, decoded path it routed on; using it keeps the
    // worker and nginx's locations (rate limits, caching) agreeing on what was asked for.
    if (!document_uri.empty()) {
        request.path_ = document_uri;
    } else {
        auto raw = std::string_view(request_uri).substr(0, request_uri.find('?'));
        auto decoded = percent_decode(raw, false);
        if (!decoded) throw MalformedRequest("malformed percent-encoding in the path");
        request.path_ = raw.empty() ? "/" : *decoded;
    }
    request.query_ = parse_query(request.query_string_);
    if (auto cookie_header = request.headers_.find("cookie");
        cookie_header != request.headers_.end()) {
        request.cookies_ = parse_cookies(cookie_header->second);
    }
    return request;
}

std::optional<std::string> Request::query(const std::string& name) const {
    auto it = query_.find(name);
    if (it == query_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Request::header(const std::string& name) const {
    auto it = headers_.find(name);
    if (it == headers_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Request::cookie(const std::string& name) const {
    auto [first, last] = cookies_.equal_range(name);
    if (first == last || std::next(first) != last) return std::nullopt;
    return first->second;
}

std::vector<std::string> Request::cookies(const std::string& name) const {
    std::vector<std::string> values;
    auto [first, last] = cookies_.equal_range(name);
    for (auto it = first; it != last; ++it) values.push_back(it->second);
    return values;
}

const std::string& Request::path_param(std::string_view name) const {
    static const std::string none;
    for (const auto& [key, value] : path_params_) {
        if (key == name) return value;
    }
    return none;
}

const std::string& Request::body() const {
    if (!body_) {
        size_t length = content_length_.value_or(0);
        if (length > body_limit_)
            throw Failure(FailureKind::payload_too_large, "Request body too large");
        body_ = (length > 0 && body_reader_) ? body_reader_(length) : std::string{};
    }
    return *body_;
}

}  // namespace cv::fcgi
