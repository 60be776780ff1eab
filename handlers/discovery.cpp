// Finding and opening a film: search, discovery by filters, film, series, person and saga
// pages, the region's services, where the images are.
#include <algorithm>

#include "catalogue/discover.hpp"
#include "catalogue/pages.hpp"
#include "catalogue/people_and_sagas.hpp"
#include "catalogue/providers.hpp"
#include "catalogue/search.hpp"
#include "core/failure.hpp"
#include "core/text.hpp"
#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"

namespace cv::handlers {

Response search(WorkerContext& ctx, const Request& request) {
    auto query = catalogue::normalised_search(request.query("query").value_or(""));
    if (!query) throw Failure::invalid_input("query must be 1 to 100 characters");
    std::string tmdb_query =
        catalogue::search_query(*query, ctx.tmdb.languages.front(), requested_page(request));
    return shared_answer(
        ctx.catalogue.get(ctx.kinds.search, "/search/multi", tmdb_query, patience_of(request)));
}

Response discover(WorkerContext& ctx, const Request& request) {
    auto media = request.path_param("media_type") == "movie" ? catalogue::MediaType::movie
                                                             : catalogue::MediaType::tv;
    auto question = catalogue::discover_query(
        media, [&request](const std::string& name) { return request.query(name); },
        ctx.tmdb.languages.front(), ctx.tmdb.region);
    return shared_answer(ctx.catalogue.get(ctx.kinds.discover, question.tmdb_path,
                                           question.tmdb_query, patience_of(request)));
}

Response person_page(WorkerContext& ctx, const Request& request) {
    return page_answer(ctx.catalogue.get(ctx.kinds.person, "/person/" + request.path_param("id"),
                                         catalogue::person_page_query(ctx.tmdb.languages.front()),
                                         patience_of(request)));
}

Response collection_page(WorkerContext& ctx, const Request& request) {
    return page_answer(ctx.catalogue.get(
        ctx.kinds.collection, "/collection/" + request.path_param("id"),
        catalogue::collection_page_query(ctx.tmdb.languages.front()), patience_of(request)));
}

// The region's services: TMDB lists films' and series' apart, each one call (one key).
Response providers(WorkerContext& ctx, const Request& request) {
    auto query = catalogue::provider_list_query(ctx.tmdb.languages.front(), ctx.tmdb.region);
    auto films = ctx.catalogue.get(ctx.kinds.providers, "/watch/providers/movie", query,
                                   patience_of(request));
    auto series =
        ctx.catalogue.get(ctx.kinds.providers, "/watch/providers/tv", query, patience_of(request));
    catalogue::CatalogueAnswer both{
        catalogue::merged_providers(films.body, series.body),
        // the less fresh of the two (the enum runs from hit to unavailable)
        std::max(films.freshness, series.freshness), std::min(films.max_age, series.max_age)};
    return shared_answer(std::move(both));
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
