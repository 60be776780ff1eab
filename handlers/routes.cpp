#include "handlers/routes.hpp"

#include "catalogue/discover.hpp"
#include "catalogue/lists.hpp"
#include "core/failure.hpp"
#include "db/database.hpp"
#include "handlers/answers.hpp"
#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

using namespace std::chrono_literals;

// A Letterboxd export of many years is a few hundred kilobytes zipped (contract: 10 MiB).
constexpr std::size_t kImportLimit = std::size_t{10} * 1024 * 1024;

std::vector<Route> build_table() {
    // clang-format off
    std::vector<Route> routes = {
        // method  path                      handler          traits
        {"GET",   "/healthz",               health,          personal()},
        {"GET",   "/metrics",               metrics,         loopback()},
        {"GET",   "/status",                pool_status,     loopback().reads({"full"})},
        {"POST",  "/register",              register_user,   personal().in(Lane::hashing).limited(RateLimit::auth)},
        {"POST",  "/login",                 login,           personal().in(Lane::hashing).limited(RateLimit::auth)},
        {"POST",  "/logout",                logout,          personal()},
        {"GET",   "/@me",                   me,              personal()},
        {"POST",  "/@me",                   me,              personal()},
        {"GET",   "/api/session",           session,         personal()},
        {"GET",   "/api/userinfo",          user_info,       personal().reads({"user_id"})},
        {"PATCH", "/modify",                modify,          personal().in(Lane::hashing).limited(RateLimit::modify)},
        {"GET",   "/api/users/connected",   users_connected, personal().reads({"user_id"})},
        {"GET",   "/api/@me",               me,              personal()},  // the original client's alias
        // Finding and opening a film.
        {"GET",   "/api/search-multi",      search,          shared("search", 1h).in(Lane::catalogue).limited(RateLimit::search).reads({"query", "page"})},
        {"GET",   "/api/users/search-multi", search,         shared("search", 1h).in(Lane::catalogue).limited(RateLimit::search).reads({"query", "page"})},
        {"GET",   "/api/movie/{id:int}",    movie_page,      shared("movie", 24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/tv/{id:int}",       tv_page,         shared("tv", 24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/config",            image_config,    shared("config", 1h)},
        // The addresses people share, answered with the web client's page and what a link
        // preview shows. Never kept by a cache: the page names the client's current assets.
        {"GET",   "/film/{id:int}",         film_document,   personal().in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/serie/{id:int}",        series_document, personal().in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/personne/{id:int}",     person_document, personal().in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/saga/{id:int}",         saga_document,   personal().in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/robots.txt",            robots,          shared("robots", 24h)},
        {"GET",   "/sitemap.xml",           sitemap,         shared("sitemap", 1h)},
        // Discovering: by filters, people, sagas, the region's services, its cinemas.
        {"GET",   "/api/discover/{media_type:movie|tv}", discover, shared("discover", 1h).in(Lane::catalogue).limited(RateLimit::catalogue).reads(catalogue::discover_parameters())},
        {"GET",   "/api/person/{id:int}",   person_page,     shared("person", 24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/collection/{id:int}", collection_page, shared("collection", 24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/providers",         providers,       shared("providers", 24h).in(Lane::catalogue).limited(RateLimit::catalogue)},
        {"GET",   "/api/now-playing",       now_playing,     shared("list", 10min).in(Lane::catalogue).limited(RateLimit::catalogue).reads({"page", "language"}).home_page_row("Au cinéma")},
        {"GET",   "/api/upcoming",          upcoming,        shared("list", 10min).in(Lane::catalogue).limited(RateLimit::catalogue).reads({"page", "language"}).home_page_row("Prochainement")},
        // Keeping a film, and leaving. An add may need the title's page from TMDB: the items'
        // paths are in the catalogue lane, so no TMDB wait ever holds a main-lane worker.
        {"GET",    "/api/watchlist",        watchlist_items,  personal().reads({"available"})},
        {"PUT",    "/api/watchlist/{media_type:movie|tv}/{id:int}", watchlist_add,    personal().in(Lane::catalogue).limited(RateLimit::watchlist)},
        {"DELETE", "/api/watchlist/{media_type:movie|tv}/{id:int}", watchlist_remove, personal().in(Lane::catalogue).limited(RateLimit::watchlist)},
        {"DELETE", "/api/account",          delete_account,   personal().in(Lane::hashing).limited(RateLimit::auth)},
        // The diary: viewings, ratings, reviews. A new entry may need its title's page from
        // TMDB: the catalogue lane.
        {"POST",   "/api/diary",            diary_add,        personal().in(Lane::catalogue).limited(RateLimit::diary)},
        {"GET",    "/api/diary",            diary_journal,    personal().in(Lane::catalogue).reads({"page", "year", "rating"})},  // one path, one lane
        {"PATCH",  "/api/diary/{entry_id}", diary_update,     personal().limited(RateLimit::diary)},
        {"DELETE", "/api/diary/{entry_id}", diary_remove,     personal().limited(RateLimit::diary)},
        {"GET",    "/api/diary/{media_type:movie|tv}/{id:int}", diary_of_title, personal()},
        {"GET",    "/api/diary/seen",       diary_seen,       personal()},
        {"GET",    "/api/diary/summary",    diary_summary,    personal().reads({"year"})},
        // Bringing one's history in: Letterboxd's export, parsed as it arrives (quick) and
        // matched by a background job; resolving a row matches it to a title (its page may
        // need TMDB: the catalogue lane).
        {"POST",   "/api/import/letterboxd", import_letterboxd, personal().limited(RateLimit::diary).reads({"file"}).uploads({"application/zip", "text/csv"}, kImportLimit)},
        {"GET",    "/api/import/{job_id}",  import_status,    personal()},
        {"POST",   "/api/import/{job_id}/resolve", import_resolve, personal().in(Lane::catalogue).limited(RateLimit::diary)},
        // Taking everything away: one's data as a file.
        {"GET",    "/api/export/letterboxd.csv", export_letterboxd, personal().reads({"list"})},
        {"GET",    "/api/export",           export_everything, personal()},
        {"GET",    "/api/reviews/{media_type:movie|tv}/{id:int}", title_reviews, shared("reviews", 1min).in(Lane::catalogue).limited(RateLimit::catalogue).reads({"page"})},
        // My platforms and what's new for me. Saving services checks them against the region's
        // list, which may need TMDB: the path is in the catalogue lane (nginx picks a lane by
        // path). A feed's token is its credential.
        {"GET",    "/api/me/providers",     my_providers,     personal().in(Lane::catalogue).limited(RateLimit::watchlist)},
        {"PUT",    "/api/me/providers",     save_my_providers, personal().in(Lane::catalogue).limited(RateLimit::watchlist)},
        {"GET",    "/api/me/news",          my_news,          personal().reads({"unread"})},
        {"POST",   "/api/me/news/read",     mark_news_read,   personal().limited(RateLimit::watchlist)},
        {"GET",    "/api/me/advice",        my_advice,        personal()},
        {"POST",   "/api/me/feed",          new_news_feed,    personal().limited(RateLimit::watchlist)},
        {"DELETE", "/api/me/feed",          revoke_news_feed, personal().limited(RateLimit::watchlist)},
        {"GET",    "/feeds/{file}",         news_feed,        personal().limited(RateLimit::catalogue)},
    };
    // clang-format on
    // The twenty catalogue lists are data (catalogue/lists.cpp), served by one handler.
    for (const auto& list : catalogue::catalogue_lists()) {
        routes.push_back({"GET", list.route,
                          [&list](WorkerContext& ctx, const Request& request) {
                              return catalogue_list(ctx, request, list);
                          },
                          shared("list", 10min)
                              .in(Lane::catalogue)
                              .limited(RateLimit::catalogue)
                              .reads({"page", "language"})
                              .home_page_row(list.title)});
    }
    return routes;
}

}  // namespace

const char* name_of(Lane lane) {
    switch (lane) {
        case Lane::main:
            return "main";
        case Lane::hashing:
            return "hashing";
        case Lane::catalogue:
            return "catalogue";
        case Lane::jobs:
            return "jobs";
    }
    return "main";
}

const char* name_of(Access access) {
    switch (access) {
        case Access::personal:
            return "personal";
        case Access::shared:
            return "shared";
        case Access::loopback:
            return "loopback";
    }
    return "personal";
}

Traits personal() {
    return Traits{};
}

Traits shared(std::string kind, std::chrono::seconds fresh_for) {
    Traits traits;
    traits.access = Access::shared;
    traits.cache_kind = std::move(kind);
    traits.cache_for = fresh_for;
    return traits;
}

Traits loopback() {
    Traits traits;
    traits.access = Access::loopback;
    return traits;
}

const std::vector<RateLimitClass>& rate_limit_classes() {
    static const std::vector<RateLimitClass> classes = {
        // Sized for people: a few attempts a second, with a small burst.
        {RateLimit::auth, "auth", "5r/s", 10},
        // Profile changes; a password change is also limited per account (accounts/store.cpp).
        {RateLimit::modify, "modify", "2r/s", 5},
        // A home page asks for its twenty rows at once, and scrolling asks for more pages.
        {RateLimit::catalogue, "catalogue", "20r/s", 60},
        // Suggestions as one types, after a pause: a few a second.
        {RateLimit::search, "search", "5r/s", 20},
        // A person curating a list, a card after another.
        {RateLimit::watchlist, "watchlist", "10r/s", 20},
        // Writing in one's diary: viewings, ratings and reviews (reviews are also limited per
        // account, diary/store.cpp), and imports.
        {RateLimit::diary, "diary", "5r/s", 10},
    };
    return classes;
}

const char* name_of(RateLimit limit) {
    for (const auto& known : rate_limit_classes()) {
        if (known.limit == limit) return known.name;
    }
    return "none";
}

const std::vector<Route>& route_table() {
    static const std::vector<Route> table = build_table();
    return table;
}

CacheLifetimes default_cache_lifetimes() {
    CacheLifetimes lifetimes;
    for (const auto& route : route_table()) {
        if (route.traits.access != Access::shared) continue;
        auto [known, added] =
            lifetimes.try_emplace(route.traits.cache_kind, route.traits.cache_for);
        if (!added && known->second != route.traits.cache_for)
            throw std::logic_error("rows of kind " + route.traits.cache_kind +
                                   " disagree on its freshness");
    }
    return lifetimes;
}

namespace {

// The row's caching rule, the only source of an answer's caching policy: what is about one
// client, or an operator's, or not matched to a row at all, is kept by nobody; a shared
// row's answer (and a refusal that says it can be kept, such as an unknown id) is public for
// as long as its kind stays fresh, or what is left of it.
void apply_caching_rule(fcgi::Response& response, const Traits* traits,
                        const CacheLifetimes& lifetimes) {
    bool shared = traits != nullptr && traits->access == Access::shared;
    bool keepable = response.status == 200 || response.keep_for.has_value();
    if (!shared || !keepable) {
        fcgi::keep_private(response);
        return;
    }
    auto lifetime = response.keep_for;
    if (!lifetime) {
        auto configured = lifetimes.find(traits->cache_kind);
        lifetime = configured != lifetimes.end() ? configured->second : traits->cache_for;
    }
    fcgi::keep_shared(response, *lifetime);
}

// Why a request is answered 503, as a metric label: the database alert must page for the
// database only, never for a TMDB outage or a request out of time.
void count_unavailable(SharedMetrics& metrics, const std::exception_ptr& failure) {
    const char* cause = nullptr;
    try {
        std::rethrow_exception(failure);
    } catch (const db::Unavailable&) {
        cause = "database";
    } catch (const Failure& refused) {
        if (refused.kind() == FailureKind::timed_out) cause = "timeout";
        if (refused.kind() == FailureKind::unavailable) cause = "catalogue";
    } catch (...) {
    }
    if (cause != nullptr) metrics.add(std::string("unavailable_total{cause=\"") + cause + "\"}");
}

}  // namespace

Api::Api() {
    for (const auto& route : route_table())
        router_.add(route.method, route.path, route.handler, &route.traits);
}

fcgi::Response Api::answer(WorkerContext& ctx, fcgi::Request& request) const noexcept {
    const Traits* traits = nullptr;
    fcgi::Response response;
    try {
        auto matched = router_.match(request);
        traits = matched.tag;
        read_query_once(request, traits->query);
        if (traits->access == Access::loopback) require_loopback(request);
        if (traits->body_limit > 0) request.set_body_limit(traits->body_limit);
        cross_site_guard(ctx, request, traits->body_types);
        response = matched.handler(ctx, request);
    } catch (...) {
        auto failure = std::current_exception();
        try {
            count_unavailable(ctx.metrics, failure);
        } catch (...) {  // out of memory naming the series: the answer matters more
        }
        response = answer_failure(failure, request.request_id());
    }
    try {
        apply_caching_rule(response, traits, ctx.cache_lifetimes);
    } catch (...) {  // out of memory adding a header: the smallest answer there is
        response = answer_failure(std::current_exception(), request.request_id());
    }
    return response;
}

}  // namespace cv::handlers
