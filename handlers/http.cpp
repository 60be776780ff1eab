#include "handlers/http.hpp"

#include <algorithm>

#include "accounts/tokens.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace cv::handlers {
namespace {

// "application/json; charset=utf-8" → "application/json".
std::string media_type_of(const std::string& content_type) {
    std::string type = text::lower(content_type.substr(0, content_type.find(';')));
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    return type;
}

bool changes_something(const std::string& method) {
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

bool is_loopback_address(std::string_view address) {
    if (address == "::1") return true;
    if (text::starts_with_ignoring_case(address, "::ffff:")) address.remove_prefix(7);
    return address.rfind("127.", 0) == 0;
}

}  // namespace

void read_query_once(const Request& request, const std::vector<std::string>& reads) {
    if (reads.empty()) return;
    std::vector<bool> seen(reads.size(), false);
    std::string_view rest = request.query_string();
    while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        std::string_view raw_name = pair.substr(0, pair.find('='));
        // (A name that does not decode made the request malformed before it got here.)
        std::string name = text::lower(fcgi::percent_decode(raw_name, true).value_or(""));
        for (std::size_t i = 0; i < reads.size(); ++i) {
            if (name != reads[i]) continue;
            if (raw_name != reads[i] || seen[i])
                throw Failure::invalid_input("Invalid query parameter");
            seen[i] = true;
        }
    }
}

void require_loopback(const Request& request) {
    if (!is_loopback_address(request.remote_addr())) throw Failure::forbidden("Forbidden");
}

void cross_site_guard(WorkerContext& ctx, const Request& request,
                      const std::vector<std::string>& body_types) {
    const std::string& method = request.method();
    if (!changes_something(method)) return;
    bool carries_body =
        method == "POST" || method == "PATCH" || request.content_length().value_or(0) > 0;
    if (carries_body) {
        std::string type = media_type_of(request.header("content-type").value_or(""));
        if (body_types.empty() && type != "application/json")
            throw Failure(FailureKind::unsupported_media_type,
                          "Content-Type must be application/json");
        if (!body_types.empty() &&
            std::find(body_types.begin(), body_types.end(), type) == body_types.end()) {
            std::string listed;
            for (const auto& allowed : body_types)
                listed += (listed.empty() ? "" : " or ") + allowed;
            throw Failure(FailureKind::unsupported_media_type, "Content-Type must be " + listed);
        }
    }
    if (auto origin = request.header("origin")) {
        const auto& allowed = ctx.public_origins;
        if (std::find(allowed.begin(), allowed.end(), *origin) == allowed.end())
            throw Failure::forbidden("Forbidden origin");
    }
}

Json::Value json_object_body(const Request& request) {
    json::ParseError problem;
    auto value = json::parse(request.body(), &problem);
    if (!value && !problem.field.empty())
        throw Failure::invalid_input(problem.field + " must be valid UTF-8 text");
    if (!value) throw Failure::invalid_input("Invalid JSON body: " + problem.reason);
    if (!value->isObject()) throw Failure::invalid_input("The body must be a JSON object");
    return std::move(*value);
}

std::string required_string(const Json::Value& body, const char* name) {
    auto value = json::string_member(body, name);
    if (!value) throw Failure::invalid_input(std::string(name) + " must be a string");
    return std::move(*value);
}

std::optional<std::string> session_token(const Request& request) {
    auto tokens = session_tokens(request);
    if (tokens.size() > 1) throw Failure::invalid_input("Ambiguous session cookie");
    if (tokens.empty()) return std::nullopt;
    return std::move(tokens.front());
}

std::vector<std::string> session_tokens(const Request& request) {
    return request.cookies(std::string(accounts::kSessionCookie));
}

std::string signed_in_user_id(WorkerContext& ctx, const Request& request) {
    auto token = session_token(request);
    auto user_id = token ? ctx.accounts.session_user(*token) : std::nullopt;
    if (!user_id) throw Failure::unauthenticated("User not authenticated");
    return *user_id;
}

}  // namespace cv::handlers
