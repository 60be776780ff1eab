#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

bool valid_page(const std::string& page) {
    if (page.empty() || page.size() > 3 || page[0] == '0') return false;
    for (char c : page) {
        if (c < '0' || c > '9') return false;
    }
    return std::stoi(page) <= 500;
}

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
        if (!valid_page(*page)) return fcgi::error(400, "page must be an integer from 1 to 500");
        append("page=" + *page);
    }
    if (auto language = request.query("language")) {
        if (!valid_language(*language))
            return fcgi::error(400, "language must look like xx or xx-XX");
        append("language=" + *language);
    }
    auto answer =
        ctx.catalogue.get(list.tmdb_path, query, [&request] { request.before_long_wait(); });
    return fcgi::raw_json(200, std::move(answer.body))
        .with_header("Cache-Control", "public, max-age=" + std::to_string(answer.max_age.count()))
        .with_header("X-Cache", catalogue::to_string(answer.freshness));
}

}  // namespace cv::handlers
