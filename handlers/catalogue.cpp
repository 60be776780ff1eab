#include "core/failure.hpp"
#include "core/text.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

// "xx" or "xx-XX".
bool valid_language(const std::string& language) {
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (language.size() == 2) return lower(language[0]) && lower(language[1]);
    return language.size() == 5 && lower(language[0]) && lower(language[1]) && language[2] == '-' &&
           upper(language[3]) && upper(language[4]);
}

}  // namespace

Response catalogue_list(WorkerContext& ctx, const Request& request,
                        const catalogue::CatalogueList& list) {
    std::string query = list.fixed_query;
    auto append = [&query](const std::string& pair) { query += (query.empty() ? "" : "&") + pair; };
    if (auto page = request.query("page")) {
        if (!text::parse_integer(*page, 1, 500))
            throw Failure::invalid_input("page must be an integer from 1 to 500");
        append("page=" + *page);
    }
    if (auto language = request.query("language")) {
        if (!valid_language(*language))
            throw Failure::invalid_input("language must look like xx or xx-XX");
        append("language=" + *language);
    }
    auto answer =
        ctx.catalogue.get(list.tmdb_path, query, [&request] { request.before_long_wait(); });
    return fcgi::raw_json(200, std::move(answer.body))
        .with_header("Cache-Control", "public, max-age=" + std::to_string(answer.max_age.count()))
        .with_header("X-Cache", catalogue::to_string(answer.freshness));
}

}  // namespace cv::handlers
