// The addresses people share — a film's, a series', a person's, a saga's — answered with the
// web client's page carrying what a link preview shows (handlers/spa_shell.hpp), and what
// search engines read: robots.txt and a sitemap of the pages the service keeps.
#include <cstring>

#include "catalogue/pages.hpp"
#include "catalogue/people_and_sagas.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"
#include "handlers/spa_shell.hpp"

namespace cv::handlers {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr std::size_t kDescriptionMost = 200;
constexpr int kSitemapMost = 50000;  // the sitemap protocol's limit for one file

// The site's own address, for absolute links: the first configured public origin.
const std::string& origin(const WorkerContext& ctx) {
    return ctx.public_origins.front();
}

// An image's absolute address: TMDB's image host, or the demo's on this site.
std::optional<std::string> image_url(const WorkerContext& ctx, const Json::Value& path,
                                     const char* size) {
    if (!path.isString() || path.asString().empty()) return std::nullopt;
    std::string base = ctx.tmdb.image_base_url;
    if (base.rfind('/', 0) == 0) base = origin(ctx) + base;
    return base + size + path.asString();
}

// At most kDescriptionMost bytes, cut after a whole word, never inside a character.
std::string shortened(const std::string& text) {
    if (text.size() <= kDescriptionMost) return text;
    std::size_t cut = text.rfind(' ', kDescriptionMost);
    if (cut == std::string::npos || cut < kDescriptionMost / 2) {
        cut = kDescriptionMost;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    return text.substr(0, cut) + "…";
}

std::string text_of(const Json::Value& value) {
    return value.isString() ? value.asString() : std::string();
}

Response html(int status, std::string page) {
    return fcgi::text(status, std::move(page), kHtml);
}

// The kinds of pages people share: where each one's data comes from in TMDB, and what its
// preview reads there and says when TMDB has no text for it.
struct SharedPage {
    catalogue::AnswerKind catalogue::AnswerKinds::*kind;
    const char* tmdb_prefix;  // "/movie/"
    std::string (*query)(const std::string& language);
    const char* site_prefix;  // "/film/": the page's address on this site
    const char* name_field;   // "title"
    const char* date_field;   // its year follows the name, when there is one
    const char* year_before;  // " (" or " (série, "
    const char* text_field;   // the description
    const char* about;        // the description without one: about + name + " sur CineVerse."
    const char* og_type;      // Open Graph's
    const char* image_field;  // "poster_path"
    const char* image_size;   // TMDB's size for a preview card
};

// clang-format off
constexpr SharedPage kFilm  {&catalogue::AnswerKinds::movie,      "/movie/",      catalogue::movie_page_query,      "/film/",     "title", "release_date",   " (",        "overview",  "La fiche du film ",          "video.movie",   "poster_path",  "w500"};
constexpr SharedPage kSeries{&catalogue::AnswerKinds::tv,         "/tv/",         catalogue::tv_page_query,         "/serie/",    "name",  "first_air_date", " (série, ", "overview",  "La fiche de la série ",      "video.tv_show", "poster_path",  "w500"};
constexpr SharedPage kPerson{&catalogue::AnswerKinds::person,     "/person/",     catalogue::person_page_query,     "/personne/", "name",  nullptr,          nullptr,     "biography", "La filmographie de ",        "profile",       "profile_path", "h632"};
constexpr SharedPage kSaga  {&catalogue::AnswerKinds::collection, "/collection/", catalogue::collection_page_query, "/saga/",     "name",  nullptr,          nullptr,     "overview",  "Tous les films de la saga ", "website",       "poster_path",  "w500"};
// clang-format on

PagePreview preview_of(const WorkerContext& ctx, const SharedPage& shared,
                       const Json::Value& page) {
    std::string name = text_of(page[shared.name_field]);
    std::string title = name;
    if (shared.date_field) {
        std::string year = text_of(page[shared.date_field]).substr(0, 4);
        if (!year.empty()) title += shared.year_before + year + ")";
    }
    std::string text = text_of(page[shared.text_field]);
    return {title, shortened(text.empty() ? shared.about + name + " sur CineVerse." : text), "",
            shared.og_type, image_url(ctx, page[shared.image_field], shared.image_size)};
}

Response document(WorkerContext& ctx, const Request& request, const SharedPage& shared) {
    const std::string& id = request.path_param("id");
    auto answer = ctx.catalogue.get(ctx.kinds.*shared.kind, shared.tmdb_prefix + id,
                                    shared.query(ctx.tmdb.languages.front()), patience_of(request));
    auto plain = ctx.spa_shell.page();
    if (!plain) throw std::runtime_error("the web client's index.html cannot be read");
    // An id TMDB does not know: the client's own page, which says "introuvable", as a 404.
    if (answer.freshness == catalogue::Freshness::not_found) return html(404, *plain);
    auto page = answer.freshness == catalogue::Freshness::unavailable ? std::nullopt
                                                                      : json::parse(answer.body);
    // TMDB down with nothing kept: the plain page, never an error page.
    if (!page || !page->isObject()) return html(200, *plain);
    PagePreview preview = preview_of(ctx, shared, *page);
    preview.url = origin(ctx) + shared.site_prefix + id;
    return html(200, ctx.spa_shell.page_for(preview).value_or(*plain));
}

}  // namespace

Response film_document(WorkerContext& ctx, const Request& request) {
    return document(ctx, request, kFilm);
}

Response series_document(WorkerContext& ctx, const Request& request) {
    return document(ctx, request, kSeries);
}

Response person_document(WorkerContext& ctx, const Request& request) {
    return document(ctx, request, kPerson);
}

Response saga_document(WorkerContext& ctx, const Request& request) {
    return document(ctx, request, kSaga);
}

Response robots(WorkerContext& ctx, const Request&) {
    return fcgi::text(200,
                      // Every page of the client may be crawled: a personal one (Ma liste,
                      // the journal…) shows a crawler, which has no session, only its
                      // invitation to sign in. The API is data, not pages.
                      "# CineVerse: every page is for everyone to find; the API is not a page.\n"
                      "User-agent: *\n"
                      "Disallow: /api/\n"
                      "Sitemap: " +
                          origin(ctx) + "/sitemap.xml\n",
                      "text/plain; charset=utf-8");
}

// The pages the service keeps (the ones visitors asked for), under the client's addresses.
Response sitemap(WorkerContext& ctx, const Request&) {
    static const std::pair<const char*, const char*> kSiteAddresses[] = {
        {"/movie/", "/film/"},
        {"/tv/", "/serie/"},
        {"/person/", "/personne/"},
        {"/collection/", "/saga/"}};
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "<url><loc>" +
        text::escape_markup(origin(ctx) + "/") + "</loc></url>\n";
    for (const auto& path : ctx.catalogue.kept_pages(kSitemapMost - 1)) {
        for (const auto& [tmdb, site] : kSiteAddresses) {
            if (path.rfind(tmdb, 0) != 0) continue;
            xml += "<url><loc>" +
                   text::escape_markup(origin(ctx) + site + path.substr(std::strlen(tmdb))) +
                   "</loc></url>\n";
        }
    }
    xml += "</urlset>\n";
    return fcgi::text(200, std::move(xml), "application/xml; charset=utf-8");
}

}  // namespace cv::handlers
