#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"

namespace cv::handlers {
namespace {

// A list: TMDB's `tmdb_path` with its fixed question, in the asked language, one page.
Response list_answer(WorkerContext& ctx, const Request& request, const std::string& tmdb_path,
                     const std::string& fixed_query) {
    // The TMDB query, and so the cache key, is built from normalised values in one order.
    std::string query = fixed_query;
    auto append = [&query](const std::string& pair) { query += (query.empty() ? "" : "&") + pair; };
    append("language=" + requested_language(ctx, request));
    if (long page = requested_page(request); page != 1) append("page=" + std::to_string(page));
    return shared_answer(ctx.catalogue.get(ctx.kinds.list, tmdb_path, query, patience_of(request)));
}

}  // namespace

Response catalogue_list(WorkerContext& ctx, const Request& request,
                        const catalogue::CatalogueList& list) {
    return list_answer(ctx, request, list.tmdb_path, list.fixed_query);
}

// In the region's cinemas now, and soon: lists like the twenty, of the configured region.
Response now_playing(WorkerContext& ctx, const Request& request) {
    return list_answer(ctx, request, "/movie/now_playing", "region=" + ctx.tmdb.region);
}

Response upcoming(WorkerContext& ctx, const Request& request) {
    return list_answer(ctx, request, "/movie/upcoming", "region=" + ctx.tmdb.region);
}

}  // namespace cv::handlers
