#include "accounts/tokens.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

using accounts::User;

Json::Value user_json(const User& user, bool connected) {
    Json::Value body(Json::objectValue);
    body["id"] = user.id;
    body["email"] = user.email;
    body["username"] = user.username;
    body["first_name"] = user.first_name;
    body["last_name"] = user.last_name;
    body["phone_number"] = user.phone_number ? Json::Value(*user.phone_number) : Json::Value();
    body["isconnected"] = connected;
    return body;
}

Json::Value session_json(const std::string& id, const std::string& username) {
    Json::Value body(Json::objectValue);
    body["id"] = id;
    body["username"] = username;
    body["isconnected"] = true;
    return body;
}

Response private_json(int status, const Json::Value& body) {
    return fcgi::json(status, body).with_header("Cache-Control", "no-store");
}

std::string cookie_for(const WorkerContext& ctx, const std::string& token) {
    return accounts::session_cookie(token, ctx.accounts.policy().absolute_lifetime);
}

// The live session's user, if the request carries one.
std::optional<User> current_user(WorkerContext& ctx, const Request& request) {
    auto token = session_token(request);
    if (!token) return std::nullopt;
    return ctx.accounts.session_owner(*token);
}

std::optional<std::string> string_field(const Json::Value& body, const char* name) {
    if (!body.isMember(name) || !body[name].isString()) return std::nullopt;
    return body[name].asString();
}

}  // namespace

Response register_user(WorkerContext& ctx, const Request& request) {
    auto parsed = json_object_body(request);
    if (auto* refused = std::get_if<Response>(&parsed)) return std::move(*refused);
    auto input =
        accounts::read_account_fields(std::get<Json::Value>(parsed), accounts::Require::all);
    if (input.error) return fcgi::error(400, input.error->message);
    std::string hash = ctx.passwords.hash(*input.fields.password);
    try {
        auto [user, session] = ctx.accounts.register_user(input.fields, hash);
        return private_json(200, user_json(user, true)).with_cookie(cookie_for(ctx, session.token));
    } catch (const accounts::Conflict&) {
        return fcgi::error(409, "user already exists");
    }
}

Response login(WorkerContext& ctx, const Request& request) {
    auto parsed = json_object_body(request);
    if (auto* refused = std::get_if<Response>(&parsed)) return std::move(*refused);
    const auto& body = std::get<Json::Value>(parsed);
    auto username = string_field(body, "username");
    auto password = string_field(body, "password");
    if (!username) return fcgi::error(400, "username must be a string");
    if (!password) return fcgi::error(400, "password must be a string");
    auto found = ctx.accounts.find_credentials(*username);
    if (!found) return fcgi::error(401, "Incorrect Login");
    if (!ctx.passwords.verify(found->password_hash, *password))
        return fcgi::error(401, "Incorrect Password");
    if (ctx.passwords.needs_rehash(found->password_hash)) {
        ctx.accounts.replace_password_hash(found->id, ctx.passwords.hash(*password));
    }
    // A fresh token at every login; the client's previous session, if any, ends with it.
    auto session = ctx.accounts.open_session(found->id, session_token(request));
    return private_json(200, session_json(found->id, found->username))
        .with_cookie(cookie_for(ctx, session.token));
}

Response logout(WorkerContext& ctx, const Request& request) {
    if (auto token = session_token(request)) ctx.accounts.close_session(*token);
    Json::Value body(Json::objectValue);
    body["isconnected"] = false;
    return private_json(200, body).with_cookie(accounts::expired_session_cookie());
}

Response me(WorkerContext& ctx, const Request& request) {
    auto user = current_user(ctx, request);
    if (!user) return fcgi::error(401, "Unauthorized");
    Json::Value body(Json::objectValue);
    body["id"] = user->id;
    body["email"] = user->email;
    return private_json(200, body);
}

Response user_info(WorkerContext& ctx, const Request& request) {
    auto user = current_user(ctx, request);
    if (!user) return fcgi::error(401, "User not authenticated");
    // Own data only: any other id, well-formed or not, is refused.
    if (auto asked = request.query("user_id"); asked && *asked != user->id) {
        return fcgi::error(403, "Forbidden");
    }
    return private_json(200, user_json(*user, true));
}

Response modify(WorkerContext& ctx, const Request& request) {
    auto token = session_token(request);
    auto user_id = token ? ctx.accounts.session_user(*token) : std::nullopt;
    if (!user_id) return fcgi::error(401, "User not authenticated");
    auto parsed = json_object_body(request);
    if (auto* refused = std::get_if<Response>(&parsed)) return std::move(*refused);
    auto input =
        accounts::read_account_fields(std::get<Json::Value>(parsed), accounts::Require::any_subset);
    if (input.error) return fcgi::error(400, input.error->message);
    std::optional<std::string> new_hash;
    if (input.fields.password) new_hash = ctx.passwords.hash(*input.fields.password);
    try {
        auto user = ctx.accounts.update_user(*user_id, input.fields, new_hash, *token);
        if (!user) return fcgi::error(404, "User not found");
        return private_json(200, session_json(user->id, user->username));
    } catch (const accounts::Conflict&) {
        return fcgi::error(409, "user already exists");
    }
}

Response users_connected(WorkerContext& ctx, const Request& request) {
    using Presence = accounts::AccountStore::Presence;
    Presence presence = Presence::connected;
    if (auto asked = request.query("user_id")) {
        // Clients send "undefined" and worse: anything that is not a known id is unknown.
        presence = ctx.accounts.presence(*asked);
    } else if (!current_user(ctx, request)) {
        presence = Presence::disconnected;  // no live session: nobody to be connected
    }
    if (presence == Presence::unknown_user) return fcgi::error(401, "Unknown user");
    if (presence == Presence::disconnected) return fcgi::error(401, "disconnected");
    Json::Value body(Json::objectValue);
    body["isconnected"] = true;
    return private_json(200, body);
}

}  // namespace cv::handlers
