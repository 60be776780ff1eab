#pragma once
// TMDB answers cached in PostgreSQL (shared by every worker, kept across restarts) with a
// small per-worker memory layer in front. One worker refreshes a key at a time (an advisory
// lock); a failing or rate-limiting TMDB is left alone until its retry time and the last
// good answer is served meanwhile; an id TMDB does not know is remembered for a while, so a
// flood of unknown ids is not a flood of TMDB calls. What a key holds, for how long, and
// what is served when TMDB fails with nothing kept, depend on its kind (lists, search,
// pages). The table is bounded: past its cap, the least recently used rows go.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/pages.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/bounded_memory.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"

namespace cv::catalogue {

enum class Freshness { hit, miss, stale, empty, not_found, unavailable };
const char* to_string(Freshness freshness);

// One kind of answer the cache keeps.
struct AnswerKind {
    std::string name;  // "list", "search", "movie", "tv"
    std::chrono::seconds ttl;
    std::chrono::seconds stale_limit;  // an answer older than this is not served any more
    // TMDB's body → the answer kept and served; nullopt when TMDB answered garbage.
    std::function<std::optional<std::string>(const std::string& tmdb_body)> shape;
    // Served when TMDB fails and nothing is kept ("[]" for lists and search); nullopt: the
    // answer is `unavailable` (pages).
    std::optional<std::string> when_nothing_kept;
};

struct CacheSettings {
    std::chrono::seconds not_found_ttl{600};          // how long an unknown id is remembered
    std::chrono::seconds stale_limit{7 * 24 * 3600};  // older answers are not served
    // Searches are the one key space a visitor fills at will (any text): kept stale for less.
    std::chrono::seconds search_stale_limit{24 * 3600};
    std::chrono::seconds failure_backoff{30};  // no upstream call after a failure
    std::chrono::seconds empty_max_age{5};
    std::chrono::milliseconds lock_timeout{12000};  // > TMDB's total timeout
    long max_rows = 20000;  // past this, the least recently used rows are deleted
};

// How fresh each kind of answer stays, by kind name ("list" → 10 min): the route table's.
using Lifetimes = std::map<std::string, std::chrono::seconds>;

// The kinds this catalogue serves, from its settings, the route table's lifetimes and the
// pages' language and region.
struct AnswerKinds {
    AnswerKind list, search, movie, tv, discover, person, collection, providers;
    // Throws std::out_of_range when `lifetimes` lacks one of the kinds.
    static AnswerKinds from(const CacheSettings& settings, const Lifetimes& lifetimes,
                            const PageOptions& pages);
};

// What a request waiting on the cache asks of it: to be told before a long wait (the
// transport then gives back what it holds for other requests), and that TMDB be given no
// more than what is left of its time.
struct Patience {
    std::function<void()> before_waiting;
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
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

    // The answer for TMDB's `tmdb_path` and `query` (already normalised and encoded: it is
    // the key), as `kind` keeps it.
    CatalogueAnswer get(const AnswerKind& kind, const std::string& tmdb_path,
                        const std::string& query, const Patience& patience = {});

    // Deletes the rows that could not be served any more (past their stale limit) and
    // failures whose retry time has passed, then the least recently used rows past the cap;
    // returns how many.
    long purge_unused();

    // The TMDB paths of the pages kept (films, series, people, sagas: "/movie/653"), the most
    // recently used first, at most `limit`: the site's pages worth listing for search engines.
    std::vector<std::string> kept_pages(int limit);

  private:
    struct Remembered {
        std::string body;
        bool not_found = false;
        std::chrono::steady_clock::time_point fresh_until;
        std::chrono::steady_clock::time_point stale_until;
        // When this worker last told the table the key was used (eviction is by last use,
        // and a key served from memory would otherwise look unused).
        std::chrono::steady_clock::time_point told_used;
    };
    struct Key {
        const AnswerKind& kind;
        const std::string& name;  // path?query
        const std::string& path;
        const std::string& query;
    };

    CatalogueAnswer from_database(const Key& key, const Patience& patience);
    CatalogueAnswer refresh(const Key& key, const Patience& patience);
    CatalogueAnswer without_database(const Key& key, const Patience& patience);
    CatalogueAnswer fallback(const Key& key, std::optional<std::string> body,
                             std::chrono::seconds retry_in);
    CatalogueAnswer count(CatalogueAnswer answer);
    void remember(const std::string& key, const std::string& body, std::chrono::seconds fresh_for,
                  std::chrono::seconds stale_limit, bool not_found = false);
    // Marks the key used now in the table, at most once a minute a key and worker.
    void tell_used(const std::string& key, Remembered& remembered);
    // Past the cap, deletes the least recently used rows (after a new key was stored).
    void evict_over_cap(soci::session& sql);
    // The shaped answer of a fetch, or nullopt (logged) when TMDB sent garbage.
    std::optional<std::string> shaped(const Key& key, const FetchResult& fetched);

    db::Database& db_;
    db::ReadRouter lagging_reads_;  // the first lookup; refreshes lock and write on the primary
    TmdbClient& tmdb_;
    CacheSettings settings_;
    BoundedMemory<Remembered> memory_{2000};  // keys a worker remembers at most
    Metrics& metrics_;
};

}  // namespace cv::catalogue
