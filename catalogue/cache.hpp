#pragma once
// TMDB answers cached in PostgreSQL (shared by every worker, kept across restarts) with a
// small per-worker memory layer in front. One worker refreshes a key at a time (an advisory
// lock); a failing or rate-limiting TMDB is left alone until its retry time and the last
// good answer is served meanwhile.
#include <chrono>
#include <functional>
#include <string>
#include <unordered_map>

#include "catalogue/tmdb_client.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"

namespace cv::catalogue {

enum class Freshness { hit, miss, stale, empty };
const char* to_string(Freshness freshness);

struct CacheSettings {
    std::chrono::seconds ttl{600};
    std::chrono::seconds stale_limit{7 * 24 * 3600};  // older answers are not served
    std::chrono::seconds failure_backoff{30};         // no upstream call after a failure
    std::chrono::seconds empty_max_age{5};
    std::chrono::milliseconds lock_timeout{12000};  // > TMDB's total timeout
};

struct CatalogueAnswer {
    std::string body;  // a JSON array
    Freshness freshness = Freshness::empty;
    std::chrono::seconds max_age{0};
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

    CatalogueAnswer get(const std::string& tmdb_path, const std::string& query,
                        const BeforeWaiting& before_waiting = {});

    // Deletes the rows nobody asked for within the stale limit (they could not be served any
    // more) and failures whose retry time has passed; returns how many. With the keys bounded
    // by routes x allowed parameters, the table cannot grow past that bound.
    long purge_unused();

  private:
    struct Remembered {
        std::string body;
        std::chrono::steady_clock::time_point fresh_until;
        std::chrono::steady_clock::time_point stale_until;
    };

    CatalogueAnswer from_database(const std::string& key, const std::string& path,
                                  const std::string& query, const BeforeWaiting& before_waiting);
    CatalogueAnswer refresh(const std::string& key, const std::string& path,
                            const std::string& query, const BeforeWaiting& before_waiting);
    CatalogueAnswer without_database(const std::string& key, const std::string& path,
                                     const std::string& query, const BeforeWaiting& before_waiting);
    CatalogueAnswer fallback(const std::string& key, std::optional<std::string> body,
                             std::chrono::seconds retry_in);
    CatalogueAnswer count(CatalogueAnswer answer);
    void remember(const std::string& key, const std::string& body, std::chrono::seconds fresh_for);

    db::Database& db_;
    db::ReadRouter lagging_reads_;  // the first lookup; refreshes lock and write on the primary
    TmdbClient& tmdb_;
    CacheSettings settings_;
    std::unordered_map<std::string, Remembered> memory_;
    Metrics& metrics_;
};

}  // namespace cv::catalogue
