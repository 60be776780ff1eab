// Keeping a film: the watchlist ("Ma liste"), and leaving: deleting one's account.
#include "accounts/tokens.hpp"
#include "core/failure.hpp"
#include "handlers/handlers.hpp"
#include "handlers/titles.hpp"

namespace cv::handlers {
namespace {

Json::Value item_json(const watchlist::Item& item) {
    auto nullable = [](const std::optional<std::string>& text) {
        return text ? Json::Value(*text) : Json::Value();
    };
    Json::Value body(Json::objectValue);
    body["media_type"] = item.media_type;
    body["id"] = static_cast<Json::Int64>(item.tmdb_id);
    body["title"] = item.snapshot.title;
    body["poster_path"] = nullable(item.snapshot.poster_path);
    body["release_date"] = nullable(item.snapshot.release_date);
    body["added_at"] = item.added_at;
    return body;
}

// What the list keeps of a title, from its page through the cache (never from the client):
// a series' name and first air date stand for a title and a release date.
watchlist::Snapshot snapshot_of(WorkerContext& ctx, const Request& request,
                                const std::string& media_type, long tmdb_id) {
    auto page = title_snapshot(ctx, request, media_type, tmdb_id);
    return {page.title, page.poster_path, page.release_date};
}

}  // namespace

// Each item with where it streams (platforms/store.hpp); `available=mine`: only those
// streaming on one of the user's services.
Response watchlist_items(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto available = request.query("available");
    if (available && *available != "mine" && !available->empty())
        throw Failure::invalid_input("Invalid parameter: available");
    return fcgi::raw_json(200, ctx.platforms.watchlist_json(user_id, available == "mine"));
}

Response watchlist_add(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    const std::string& media_type = request.path_param("media_type");
    const std::string& id = request.path_param("id");
    long tmdb_id = std::stol(id);  // the route's {id:int}: a positive integer below 2^31
    // Already there: answered as it is, its added_at kept, without asking for the page.
    if (auto existing = ctx.watchlist.find(user_id, media_type, tmdb_id))
        return fcgi::json(200, item_json(*existing));
    auto snapshot = snapshot_of(ctx, request, media_type, tmdb_id);
    return fcgi::json(200, item_json(ctx.watchlist.add(user_id, media_type, tmdb_id, snapshot)));
}

Response watchlist_remove(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    Json::Value body(Json::objectValue);
    body["removed"] = ctx.watchlist.remove(user_id, request.path_param("media_type"),
                                           std::stol(request.path_param("id")));
    return fcgi::json(200, body);
}

Response delete_account(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto password = required_string(json_object_body(request), "password");
    auto hash = ctx.accounts.password_hash_of(user_id);
    if (!hash || !ctx.passwords.verify(*hash, password))
        throw Failure::unauthenticated("Incorrect Password");
    ctx.accounts.delete_user(user_id);
    Json::Value body(Json::objectValue);
    body["deleted"] = true;
    return fcgi::json(200, body).with_cookie(accounts::expired_session_cookie());
}

}  // namespace cv::handlers
