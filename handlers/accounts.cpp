#include "accounts/tokens.hpp"
#include "core/failure.hpp"
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

std::string cookie_for(const WorkerContext& ctx, const std::string& token) {
    return accounts::session_cookie(token, ctx.accounts.policy().absolute_lifetime);
}

// The live session's user, if the request carries one.
std::optional<User> current_user(WorkerContext& ctx, const Request& request) {
    auto token = session_token(request);
    if (!token) return std::nullopt;
    return ctx.accounts.session_owner(*token);
}

// The live session's user; 401 with the route's own message without one.
User signed_in_user(WorkerContext& ctx, const Request& request, const char* refusal) {
    auto user = current_user(ctx, request);
    if (!user) throw Failure::unauthenticated(refusal);
    return std::move(*user);
}

}  // namespace

Response register_user(WorkerContext& ctx, const Request& request) {
    auto fields = accounts::read_account_fields(json_object_body(request), accounts::Require::all);
    std::string hash = ctx.passwords.hash(*fields.password);
    auto [user, session] = ctx.accounts.register_user(fields, hash);
    return fcgi::json(200, user_json(user, true)).with_cookie(cookie_for(ctx, session.token));
}

Response login(WorkerContext& ctx, const Request& request) {
    auto body = json_object_body(request);
    auto username = required_string(body, "username");
    auto password = required_string(body, "password");
    auto found = ctx.accounts.find_credentials(username);
    if (!found) throw Failure::unauthenticated("Incorrect Login");
    if (!ctx.passwords.verify(found->password_hash, password))
        throw Failure::unauthenticated("Incorrect Password");
    if (ctx.passwords.needs_rehash(found->password_hash))
        ctx.accounts.replace_password_hash(found->id, ctx.passwords.hash(password));
    // A fresh token at every login; the client's previous session, if any, ends with it.
    auto session = ctx.accounts.open_session(found->id, session_token(request));
    return fcgi::json(200, session_json(found->id, found->username))
        .with_cookie(cookie_for(ctx, session.token));
}

Response logout(WorkerContext& ctx, const Request& request) {
    // Every session the request names ends, however many cookies it sends.
    for (const auto& token : session_tokens(request)) ctx.accounts.close_session(token);
    Json::Value body(Json::objectValue);
    body["isconnected"] = false;
    return fcgi::json(200, body).with_cookie(accounts::expired_session_cookie());
}

Response me(WorkerContext& ctx, const Request& request) {
    auto user = signed_in_user(ctx, request, "Unauthorized");
    Json::Value body(Json::objectValue);
    body["id"] = user.id;
    body["email"] = user.email;
    return fcgi::json(200, body);
}

Response session(WorkerContext& ctx, const Request& request) {
    // Who is signed in, never an error for a visitor (contract, GET /api/session): no
    // cookie, a dead or unknown one, or several that cannot be told apart all answer null.
    auto tokens = session_tokens(request);
    std::optional<User> user;
    if (tokens.size() == 1) user = ctx.accounts.session_owner(tokens.front());
    Json::Value body(Json::objectValue);
    body["user"] = Json::Value();
    if (user) {
        body["user"]["id"] = user->id;
        body["user"]["username"] = user->username;
        body["user"]["email"] = user->email;
    }
    auto response = fcgi::json(200, body);
    // A cookie naming no live session is of no use to the browser any more.
    if (!user && !tokens.empty()) response.with_cookie(accounts::expired_session_cookie());
    return response;
}

Response user_info(WorkerContext& ctx, const Request& request) {
    auto user = signed_in_user(ctx, request, "User not authenticated");
    // Own data only: any other id, well-formed or not, is refused.
    if (auto asked = request.query("user_id"); asked && *asked != user.id)
        throw Failure::forbidden("Forbidden");
    return fcgi::json(200, user_json(user, true));
}

Response modify(WorkerContext& ctx, const Request& request) {
    auto token = session_token(request);
    auto user_id = token ? ctx.accounts.session_user(*token) : std::nullopt;
    if (!user_id) throw Failure::unauthenticated("User not authenticated");
    auto body = json_object_body(request);
    auto fields = accounts::read_account_fields(body, accounts::Require::any_subset);
    // What a stolen cookie alone must not do: change how the account is signed in to, or
    // where its resets would go (contract, Amendments).
    if (fields.password || fields.email) {
        if (!body.isMember("current_password"))
            throw Failure::invalid_input("current_password is required");
        auto current = required_string(body, "current_password");
        auto hash = ctx.accounts.password_hash_of(*user_id);
        if (!hash) throw Failure::not_found("User not found");
        if (!ctx.passwords.verify(*hash, current))
            throw Failure::unauthenticated("Incorrect Password");
    }
    std::optional<std::string> new_hash;
    if (fields.password) {
        // Limited per account before a hash is spent on it (the store checks again, locked).
        if (!ctx.accounts.password_change_allowed(*user_id))
            throw Failure::too_many_requests(ctx.accounts.policy().password_change_interval);
        new_hash = ctx.passwords.hash(*fields.password);
    }
    auto user = ctx.accounts.update_user(*user_id, fields, new_hash, *token);
    if (!user) throw Failure::not_found("User not found");
    return fcgi::json(200, session_json(user->id, user->username));
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
    if (presence == Presence::unknown_user) throw Failure::unauthenticated("Unknown user");
    if (presence == Presence::disconnected) throw Failure::unauthenticated("disconnected");
    Json::Value body(Json::objectValue);
    body["isconnected"] = true;
    return fcgi::json(200, body);
}

}  // namespace cv::handlers
