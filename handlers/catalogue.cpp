#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"

namespace cv::handlers {

Response catalogue_list(WorkerContext& ctx, const Request& request,
                        const catalogue::CatalogueList& list) {
    // The TMDB query, and so the cache key, is built from normalised values in one order.
    std::string query = list.fixed_query;
    auto append = [&query](const std::string& pair) { query += (query.empty() ? "" : "&") + pair; };
    append("language=" + requested_language(ctx, request));
    if (long page = requested_page(request); page != 1) append("page=" + std::to_string(page));
    return shared_answer(
        ctx.catalogue.get(ctx.kinds.list, list.tmdb_path, query, patience_of(request)));
}

}  // namespace cv::handlers
