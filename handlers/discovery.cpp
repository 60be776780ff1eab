// Finding and opening a film: search, film and series pages, where the images are.
#include "catalogue/pages.hpp"
#include "catalogue/search.hpp"
#include "core/failure.hpp"
#include "core/text.hpp"
#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"

namespace cv::handlers {

Response search(WorkerContext& ctx, const Request& request) {
    auto query = catalogue::normalised_search(request.query("query").value_or(""));
    if (!query) throw Failure::invalid_input("query must be 1 to 100 characters");
    std::string tmdb_query = "query=" + text::percent_encode(*query) +
                             "&include_adult=false&language=" + ctx.tmdb.languages.front();
    if (long page = requested_page(request); page != 1)
        tmdb_query += "&page=" + std::to_string(page);
    return shared_answer(
        ctx.catalogue.get(ctx.kinds.search, "/search/multi", tmdb_query, patience_of(request)));
}

Response movie_page(WorkerContext& ctx, const Request& request) {
    return page_answer(ctx.catalogue.get(ctx.kinds.movie, "/movie/" + request.path_param("id"),
                                         catalogue::movie_page_query(ctx.tmdb.languages.front()),
                                         patience_of(request)));
}

Response tv_page(WorkerContext& ctx, const Request& request) {
    return page_answer(ctx.catalogue.get(ctx.kinds.tv, "/tv/" + request.path_param("id"),
                                         catalogue::tv_page_query(ctx.tmdb.languages.front()),
                                         patience_of(request)));
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
    return fcgi::json(200, body);
}

}  // namespace cv::handlers
