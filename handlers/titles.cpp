#include "handlers/titles.hpp"

#include "catalogue/pages.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"
#include "handlers/shared_answers.hpp"

namespace cv::handlers {

TitleSnapshot title_snapshot(WorkerContext& ctx, const Request& request,
                             const std::string& media_type, long tmdb_id) {
    bool movie = media_type == "movie";
    const auto& language = ctx.tmdb.languages.front();
    auto answer = ctx.catalogue.get(
        movie ? ctx.kinds.movie : ctx.kinds.tv, "/" + media_type + "/" + std::to_string(tmdb_id),
        movie ? catalogue::movie_page_query(language) : catalogue::tv_page_query(language),
        patience_of(request));
    if (answer.freshness == catalogue::Freshness::not_found) throw Failure::not_found();
    if (answer.freshness == catalogue::Freshness::unavailable)
        throw Failure(FailureKind::unavailable, "Catalogue unavailable");
    auto page = json::parse(answer.body);
    if (!page || !page->isObject()) throw std::runtime_error("a kept page is not JSON");
    auto text = [&](const char* name) -> std::optional<std::string> {
        const Json::Value& value = (*page)[name];
        return value.isString() && !value.asString().empty() ? std::optional(value.asString())
                                                             : std::nullopt;
    };
    TitleSnapshot snapshot;
    snapshot.title = text(movie ? "title" : "name").value_or("");
    snapshot.poster_path = text("poster_path");
    snapshot.release_date = text(movie ? "release_date" : "first_air_date");
    for (const auto& genre : (*page)["genres"]) {
        if (genre["id"].isIntegral()) snapshot.genre_ids.push_back(genre["id"].asInt());
    }
    return snapshot;
}

}  // namespace cv::handlers
