// "Mes plateformes": my services, which subscription streams most of my list, what changed for
// me (news, and its private Atom feed). The watchlist's "where" is served by watchlist_items.
#include <algorithm>

#include "catalogue/providers.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"
#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"
#include "platforms/atom.hpp"

namespace cv::handlers {
namespace {

constexpr std::size_t kMostServices = 50;
constexpr int kNewsItems = 100;  // the newest; older ones go after CINEVERSE_NEWS_KEEP anyway
constexpr int kFeedEntries = 50;

Json::Value services_body(const std::vector<int>& ids) {
    Json::Value list(Json::arrayValue);
    for (int id : ids) list.append(id);
    Json::Value body(Json::objectValue);
    body["providers"] = list;
    return body;
}

// The region's streaming services: GET /api/providers' list, from the same two answers of
// the catalogue cache (films' services and series'). 503 when TMDB fails with nothing kept.
std::vector<int> region_service_ids(WorkerContext& ctx, const Request& request) {
    auto query = catalogue::provider_list_query(ctx.tmdb.languages.front(), ctx.tmdb.region);
    auto films = ctx.catalogue.get(ctx.kinds.providers, "/watch/providers/movie", query,
                                   patience_of(request));
    auto series =
        ctx.catalogue.get(ctx.kinds.providers, "/watch/providers/tv", query, patience_of(request));
    // Either list missing (TMDB failing, nothing kept), an id of it would be refused wrongly.
    auto missing = [](const catalogue::CatalogueAnswer& answer) {
        return answer.freshness == catalogue::Freshness::empty ||
               answer.freshness == catalogue::Freshness::unavailable;
    };
    if (missing(films) || missing(series))
        throw Failure(FailureKind::unavailable, "Catalogue unavailable");
    std::vector<int> ids;
    auto list = json::parse(catalogue::merged_providers(films.body, series.body));
    for (const auto& provider : list ? *list : Json::Value(Json::arrayValue)) {
        if (provider["provider_id"].isIntegral()) ids.push_back(provider["provider_id"].asInt());
    }
    return ids;
}

// `{"providers": [ids]}`: at most 50 provider ids, each one of the region's services.
std::vector<int> requested_services(WorkerContext& ctx, const Request& request) {
    Json::Value body = json_object_body(request);
    const Json::Value& list = body["providers"];
    if (!list.isArray()) throw Failure::invalid_input("providers must be an array of provider ids");
    if (list.size() > kMostServices)
        throw Failure::invalid_input("providers must hold at most 50 ids");
    std::vector<int> ids;
    for (const auto& id : list) {
        if (!id.isIntegral() || id.asInt64() <= 0 || id.asInt64() > 2147483647)
            throw Failure::invalid_input("providers must be an array of provider ids");
        ids.push_back(id.asInt());
    }
    if (ids.empty()) return ids;
    auto known = region_service_ids(ctx, request);
    for (int id : ids) {
        if (std::find(known.begin(), known.end(), id) == known.end())
            throw Failure::invalid_input("Unknown provider: " + std::to_string(id));
    }
    return ids;
}

// `unread`: "1" (only the unread ones), or "0" / absent.
bool unread_only(const Request& request) {
    auto unread = request.query("unread");
    if (!unread || unread->empty() || *unread == "0") return false;
    if (*unread == "1") return true;
    throw Failure::invalid_input("Invalid parameter: unread");
}

}  // namespace

Response my_providers(WorkerContext& ctx, const Request& request) {
    return fcgi::json(200, services_body(ctx.platforms.services(signed_in_user_id(ctx, request))));
}

Response save_my_providers(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto ids = requested_services(ctx, request);
    return fcgi::json(200, services_body(ctx.platforms.save_services(user_id, std::move(ids))));
}

Response my_news(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto news = ctx.platforms.news(user_id, unread_only(request), kNewsItems);
    std::string body = "{\"unread\":" + std::to_string(news.unread) + ",\"items\":[";
    for (std::size_t i = 0; i < news.items.size(); ++i) {
        if (i > 0) body += ',';
        body += platforms::news_item_json(news.items[i]);
    }
    return fcgi::raw_json(200, body + "]}");
}

Response mark_news_read(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    Json::Value request_body = json_object_body(request);
    const Json::Value& up_to = request_body["up_to"];
    if (!up_to.isIntegral() || up_to.asInt64() < 0)
        throw Failure::invalid_input("up_to must be a news id");
    Json::Value body(Json::objectValue);
    body["unread"] = static_cast<Json::Int64>(ctx.platforms.mark_read(user_id, up_to.asInt64()));
    return fcgi::json(200, body);
}

Response my_advice(WorkerContext& ctx, const Request& request) {
    return fcgi::raw_json(200, ctx.platforms.advice_json(signed_in_user_id(ctx, request)));
}

Response new_news_feed(WorkerContext& ctx, const Request& request) {
    std::string token = ctx.platforms.new_feed(signed_in_user_id(ctx, request));
    Json::Value body(Json::objectValue);
    body["url"] = "/feeds/" + token + ".atom";
    return fcgi::json(200, body);
}

Response revoke_news_feed(WorkerContext& ctx, const Request& request) {
    Json::Value body(Json::objectValue);
    body["revoked"] = ctx.platforms.revoke_feed(signed_in_user_id(ctx, request));
    return fcgi::json(200, body);
}

// A feed reader's request: the token in the path is the only credential.
Response news_feed(WorkerContext& ctx, const Request& request) {
    const std::string& file = request.path_param("file");
    constexpr std::string_view suffix = ".atom";
    if (file.size() <= suffix.size() ||
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
        throw Failure::not_found();
    auto feed = ctx.platforms.feed(file.substr(0, file.size() - suffix.size()));
    if (!feed) throw Failure::not_found();
    auto news = ctx.platforms.news(feed->user_id, false, kFeedEntries);
    platforms::FeedSite site{"urn:uuid:" + feed->user_id, ctx.public_origins.front(),
                             request.path(), feed->created_at};
    return fcgi::text(200, platforms::atom_feed(news.items, site),
                      "application/atom+xml; charset=utf-8");
}

}  // namespace cv::handlers
