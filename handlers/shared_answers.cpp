#include "handlers/shared_answers.hpp"

#include <algorithm>

#include "core/failure.hpp"
#include "core/text.hpp"

namespace cv::handlers {

using catalogue::CatalogueAnswer;
using catalogue::Freshness;

long requested_page(const Request& request) {
    auto asked = request.query("page");
    if (!asked || asked->empty()) return 1;
    auto page = text::parse_integer(*asked, 1, 500);
    if (!page) throw Failure::invalid_input("page must be an integer from 1 to 500");
    return *page;
}

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

catalogue::Patience patience_of(const Request& request) {
    return {[&request] { request.before_long_wait(); }, request.deadline()};
}

Response shared_answer(CatalogueAnswer answer) {
    auto freshness = catalogue::to_string(answer.freshness);
    return fcgi::raw_json(200, std::move(answer.body))
        .kept_for(answer.max_age)
        .with_header("X-Cache", freshness);
}

Response page_answer(CatalogueAnswer answer) {
    if (answer.freshness == Freshness::not_found)
        throw Failure(FailureKind::not_found, "Not found").kept_for(answer.max_age);
    if (answer.freshness == Freshness::unavailable) {
        throw Failure(FailureKind::unavailable, "Catalogue unavailable",
                      {{"Retry-After", std::to_string(answer.max_age.count())}});
    }
    return shared_answer(std::move(answer));
}

}  // namespace cv::handlers
