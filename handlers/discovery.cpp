// Finding and opening a film: search, film and series pages, where the images are.
#include "catalogue/pages.hpp"
#include "catalogue/search.hpp"
#include "core/failure.hpp"
#include "core/text.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

using catalogue::CatalogueAnswer;
using catalogue::Freshness;

Response shared_answer(CatalogueAnswer answer) {
    return fcgi::raw_json(200, std::move(answer.body))
        .with_header("Cache-Control", "public, max-age=" + std::to_string(answer.max_age.count()))
        .with_header("X-Cache", catalogue::to_string(answer.freshness));
}

// A page: 404 for an id TMDB does not know (remembered, and cacheable like the page), 503
// when TMDB fails with nothing kept.
Response page_answer(CatalogueAnswer answer) {
    if (answer.freshness == Freshness::not_found) {
        throw Failure(
            FailureKind::not_found, "Not found",
            {{"Cache-Control", "public, max-age=" + std::to_string(answer.max_age.count())}});
    }
    if (answer.freshness == Freshness::unavailable) {
        throw Failure(FailureKind::unavailable, "Catalogue unavailable",
                      {{"Retry-After", std::to_string(answer.max_age.count())}});
    }
    return shared_answer(std::move(answer));
}

long requested_page(const Request& request) {
    auto asked = request.query("page");
    if (!asked || asked->empty()) return 1;
    auto page = text::parse_integer(*asked, 1, 500);
    if (!page) throw Failure::invalid_input("page must be an integer from 1 to 500");
    return *page;
}

}  // namespace

Response search(WorkerContext& ctx, const Request& request) {
    auto query = catalogue::normalised_search(request.query("query").value_or(""));
    if (!query) throw Failure::invalid_input("query must be 1 to 100 characters");
    std::string tmdb_query = "query=" + text::percent_encode(*query) +
                             "&include_adult=false&language=" + ctx.tmdb.languages.front();
    if (long page = requested_page(request); page != 1)
        tmdb_query += "&page=" + std::to_string(page);
    return shared_answer(ctx.catalogue.get(ctx.kinds.search, "/search/multi", tmdb_query,
                                           [&request] { request.before_long_wait(); }));
}

Response movie_page(WorkerContext& ctx, const Request& request) {
    return page_answer(ctx.catalogue.get(ctx.kinds.movie, "/movie/" + request.path_param("id"),
                                         catalogue::movie_page_query(ctx.tmdb.languages.front()),
                                         [&request] { request.before_long_wait(); }));
}

Response tv_page(WorkerContext& ctx, const Request& request) {
    return page_answer(ctx.catalogue.get(ctx.kinds.tv, "/tv/" + request.path_param("id"),
                                         catalogue::tv_page_query(ctx.tmdb.languages.front()),
                                         [&request] { request.before_long_wait(); }));
}

// Where the client loads images from: TMDB's image host, or the demo's own (same origin).
Response image_config(WorkerContext& ctx, const Request&) {
    Json::Value images(Json::objectValue);
    images["base_url"] = ctx.tmdb.image_base_url;
    auto sizes = [](std::initializer_list<const char*> names) {
        Json::Value list(Json::arrayValue);
        for (const char* name : names) list.append(name);
        return list;
    };
    // TMDB's sizes (its /configuration); the demo draws SVGs that any size serves.
    images["poster_sizes"] = sizes({"w92", "w154", "w185", "w342", "w500", "w780", "original"});
    images["backdrop_sizes"] = sizes({"w300", "w780", "w1280", "original"});
    images["profile_sizes"] = sizes({"w45", "w185", "h632", "original"});
    images["logo_sizes"] = sizes({"w45", "w92", "w154", "w185", "w300", "w500", "original"});
    Json::Value body(Json::objectValue);
    body["images"] = images;
    return fcgi::json(200, body).with_header("Cache-Control", "public, max-age=3600");
}

}  // namespace cv::handlers
