#include <algorithm>

#include "core/failure.hpp"
#include "core/text.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

// One of the configured languages (the first when none is asked for): the cache keys are
// bounded by routes x pages x languages, whatever clients send.
std::string requested_language(const WorkerContext& ctx, const Request& request) {
    const auto& allowed = ctx.tmdb.languages;
    auto asked = request.query("language");
    if (!asked || asked->empty()) return allowed.front();
    if (std::find(allowed.begin(), allowed.end(), *asked) == allowed.end()) {
        std::string listed;
        for (const auto& language : allowed) listed += (listed.empty() ? "" : ", ") + language;
        throw Failure::invalid_input("language must be one of " + listed);
    }
    return *asked;
}

long requested_page(const Request& request) {
    auto asked = request.query("page");
    if (!asked || asked->empty()) return 1;
    auto page = text::parse_integer(*asked, 1, 500);
    if (!page) throw Failure::invalid_input("page must be an integer from 1 to 500");
    return *page;
}

}  // namespace

Response catalogue_list(WorkerContext& ctx, const Request& request,
                        const catalogue::CatalogueList& list) {
    // The TMDB query, and so the cache key, is built from normalised values in one order.
    std::string query = list.fixed_query;
    auto append = [&query](const std::string& pair) { query += (query.empty() ? "" : "&") + pair; };
    append("language=" + requested_language(ctx, request));
    if (long page = requested_page(request); page != 1) append("page=" + std::to_string(page));
    auto answer = ctx.catalogue.get(ctx.kinds.list, list.tmdb_path, query,
                                    [&request] { request.before_long_wait(); });
    return fcgi::raw_json(200, std::move(answer.body))
        .with_header("Cache-Control", "public, max-age=" + std::to_string(answer.max_age.count()))
        .with_header("X-Cache", catalogue::to_string(answer.freshness));
}

}  // namespace cv::handlers
