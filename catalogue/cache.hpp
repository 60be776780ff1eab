#pragma once
// TMDB answers cached in PostgreSQL (shared by every worker, kept across restarts) with a
// small per-worker memory layer in front. One worker refreshes a key at a time (an advisory
// lock); a failing or rate-limiting TMDB is left alone until its retry time and the last
// good answer is served meanwhile; an id TMDB does not know is remembered for a while, so a
// flood of unknown ids is not a flood of TMDB calls. What a key holds, for how long, and
// what is served when TMDB fails with nothing kept, depend on its kind (lists, search,
// pages).
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "catalogue/pages.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"

namespace cv::catalogue {

enum class Freshness { hit, miss, stale, empty, not_found, unavailable };
const char* to_string(Freshness freshness);

// One kind of answer the cache keeps.
struct AnswerKind {
    std::string name;  // "list", "search", "movie", "tv"
    std::chrono::seconds ttl;
    // TMDB's body → the answer kept and served; nullopt when TMDB answered garbage.
    std::function<std::optional<std::string>(const std::string& tmdb_body)> shape;
    // Served when TMDB fails and nothing is kept ("[]" for lists and search); nullopt: the
    // answer is `unavailable` (pages).
    std::optional<std::string> when_nothing_kept;
};

struct CacheSettings {
    std::chrono::seconds ttl{600};                    // lists
    std::chrono::seconds search_ttl{3600};            // search
    std::chrono::seconds page_ttl{86400};             // film and series pages
    std::chrono::seconds not_found_ttl{600};          // how long an unknown id is remembered
    std::chrono::seconds stale_limit{7 * 24 * 3600};  // older answers are not served
    std::chrono::seconds failure_backoff{30};         // no upstream call after a failure
    std::chrono::seconds empty_max_age{5};
    std::chrono::milliseconds lock_timeout{12000};  // > TMDB's total timeout
};

// The kinds this catalogue serves, from its settings and the pages' language and region.
struct AnswerKinds {
    AnswerKind list, search, movie, tv;
    static AnswerKinds from(const CacheSettings& settings, const PageOptions& pages);
};

struct CatalogueAnswer {
    std::string body;  // the kept answer; empty for not_found and unavailable
    Freshness freshness = Freshness::empty;
    std::chrono::seconds max_age{0};  // how long it may be kept (or until asking again)
};

class CatalogueCache {
  public:
    CatalogueCache(db::Database& database, db::ReadRouter lagging_reads, TmdbClient& tmdb,
                   CacheSettings settings, Metrics& metrics)
        : db_(database),
          lagging_reads_(lagging_reads),
          tmdb_(tmdb),
          settings_(settings),
          metrics_(metrics) {}

    // Called before the cache waits on something slow: TMDB, or another worker's refresh
    // of the same key. The transport gives back what it holds for other requests meanwhile.
    using BeforeWaiting = std::function<void()>;

    // The answer for TMDB's `tmdb_path` and `query` (already normalised and encoded: it is
    // the key), as `kind` keeps it.
    CatalogueAnswer get(const AnswerKind& kind, const std::string& tmdb_path,
                        const std::string& query, const BeforeWaiting& before_waiting = {});

    // Deletes the rows nobody asked for within the stale limit (they could not be served any
    // more) and failures whose retry time has passed; returns how many. With the keys bounded
    // by routes x allowed parameters, the table cannot grow past that bound.
    long purge_unused();

  private:
    struct Remembered {
        std::string body;
        bool not_found = false;
        std::chrono::steady_clock::time_point fresh_until;
        std::chrono::steady_clock::time_point stale_until;
    };
    struct Key {
        const AnswerKind& kind;
        const std::string& name;  // path?query
        const std::string& path;
        const std::string& query;
    };

    CatalogueAnswer from_database(const Key& key, const BeforeWaiting& before_waiting);
    CatalogueAnswer refresh(const Key& key, const BeforeWaiting& before_waiting);
    CatalogueAnswer without_database(const Key& key, const BeforeWaiting& before_waiting);
    CatalogueAnswer fallback(const Key& key, std::optional<std::string> body,
                             std::chrono::seconds retry_in);
    CatalogueAnswer count(CatalogueAnswer answer);
    void remember(const std::string& key, const std::string& body, std::chrono::seconds fresh_for,
                  bool not_found = false);
    // The shaped answer of a fetch, or nullopt (logged) when TMDB sent garbage.
    std::optional<std::string> shaped(const Key& key, const FetchResult& fetched);

    db::Database& db_;
    db::ReadRouter lagging_reads_;  // the first lookup; refreshes lock and write on the primary
    TmdbClient& tmdb_;
    CacheSettings settings_;
    std::unordered_map<std::string, Remembered> memory_;
    Metrics& metrics_;
};

}  // namespace cv::catalogue
