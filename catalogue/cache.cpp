#include "catalogue/cache.hpp"

#include <algorithm>

#include "catalogue/discover.hpp"
#include "catalogue/people_and_sagas.hpp"
#include "catalogue/providers.hpp"
#include "core/log.hpp"

namespace cv::catalogue {
namespace {

using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

// What the database holds for a key, with times relative to the database's clock.
struct Row {
    bool exists = false;
    std::optional<std::string> body;
    bool not_found = false;
    long long fresh_for = 0;  // seconds left of freshness (<= 0: expired)
    long long retry_in = 0;   // seconds before TMDB may be asked again (<= 0: now)
    bool within_stale_limit = false;
};

Row load_row(soci::session& sql, const std::string& key) {
    Row row;
    std::string body;
    soci::indicator body_ind = soci::i_null;
    int within = 0;
    int not_found = 0;
    // Epochs rather than timestamp arithmetic: the '-infinity' defaults cannot be subtracted.
    sql << "SELECT body, not_found::int, "
           "GREATEST(-1, LEAST(2147483647, floor(extract(epoch FROM fresh_until) - extract(epoch "
           "FROM now()))))::bigint, "
           "GREATEST(-1, LEAST(2147483647, ceil(extract(epoch FROM retry_at) - extract(epoch FROM "
           "now()))))::bigint, "
           "(stale_until > now())::int "
           "FROM catalogue_cache WHERE key = :k",
        soci::use(key), soci::into(body, body_ind), soci::into(not_found),
        soci::into(row.fresh_for), soci::into(row.retry_in), soci::into(within);
    row.exists = sql.got_data();
    if (row.exists && body_ind == soci::i_ok) row.body = std::move(body);
    row.not_found = not_found != 0;
    row.within_stale_limit = within != 0;
    return row;
}

// A row's answer, when it has one to give without asking TMDB.
std::optional<CatalogueAnswer> settled(const Row& row) {
    if (row.not_found && row.retry_in > 0)
        return CatalogueAnswer{"", Freshness::not_found, seconds(row.retry_in)};
    if (row.body && row.fresh_for > 0)
        return CatalogueAnswer{*row.body, Freshness::hit, seconds(row.fresh_for)};
    return std::nullopt;
}

}  // namespace

const char* to_string(Freshness freshness) {
    switch (freshness) {
        case Freshness::hit:
            return "HIT";
        case Freshness::stale:
            return "STALE";
        case Freshness::miss:
        case Freshness::empty:
        case Freshness::not_found:
        case Freshness::unavailable:
            return "MISS";
    }
    return "MISS";
}

AnswerKinds AnswerKinds::from(const CacheSettings& settings, const Lifetimes& lifetimes,
                              const PageOptions& pages) {
    auto stale = settings.stale_limit;
    return {
        {"list", lifetimes.at("list"), stale, extract_results, "[]"},
        {"search", lifetimes.at("search"), settings.search_stale_limit, extract_results, "[]"},
        {"movie", lifetimes.at("movie"), stale,
         [pages](const std::string& body) { return movie_page(body, pages); }, std::nullopt},
        {"tv", lifetimes.at("tv"), stale,
         [pages](const std::string& body) { return tv_page(body, pages); }, std::nullopt},
        {"discover", lifetimes.at("discover"), stale, discover_page,
         R"({"page":1,"results":[],"total_pages":1,"total_results":0})"},
        {"person", lifetimes.at("person"), stale, person_page, std::nullopt},
        {"collection", lifetimes.at("collection"), stale, collection_page, std::nullopt},
        {"providers", lifetimes.at("providers"), stale,
         [pages](const std::string& body) { return provider_list(body, pages.region); }, "[]"},
    };
}

CatalogueAnswer CatalogueCache::get(const AnswerKind& kind, const std::string& tmdb_path,
                                    const std::string& query, const Patience& patience) {
    std::string name = query.empty() ? tmdb_path : tmdb_path + "?" + query;
    Key key{kind, name, tmdb_path, query};
    if (auto* kept = memory_.find(name); kept != nullptr && Clock::now() < kept->fresh_until) {
        auto left = std::chrono::duration_cast<seconds>(kept->fresh_until - Clock::now());
        left = std::max(left, seconds(1));
        tell_used(name, *kept);
        if (kept->not_found) return count({"", Freshness::not_found, left});
        return count({kept->body, Freshness::hit, left});
    }
    try {
        return count(from_database(key, patience));
    } catch (const db::Unavailable&) {
        return count(without_database(key, patience));
    }
}

void CatalogueCache::tell_used(const std::string& key, Remembered& remembered) {
    constexpr auto kEvery = std::chrono::minutes(1);
    auto now = Clock::now();
    if (now - remembered.told_used < kEvery) return;
    remembered.told_used = now;
    try {
        db_.write([&](soci::session& sql) {
            sql << "UPDATE catalogue_cache SET used_at = now() WHERE key = :k AND used_at < now() "
                   "- interval '1 minute'",
                soci::use(key);
        });
    } catch (const std::exception&) {  // a hint for eviction, not worth failing an answer
    }
}

CatalogueAnswer CatalogueCache::from_database(const Key& key, const Patience& patience) {
    Row row = lagging_reads_.read([&](soci::session& sql) { return load_row(sql, key.name); });
    if (auto answer = settled(row)) {
        remember(key.name, answer->body, answer->max_age, key.kind.stale_limit,
                 answer->freshness == Freshness::not_found);
        if (auto* kept = memory_.find(key.name)) tell_used(key.name, *kept);
        return *answer;
    }
    if (row.retry_in > 0)
        return fallback(key, row.within_stale_limit ? row.body : std::nullopt,
                        seconds(row.retry_in));

    // Single flight across workers: whoever holds the key's lock asks TMDB; the others wait
    // for it, then find the fresh row (or its failure) and do not ask again.
    try {
        return refresh(key, patience);
    } catch (const db::TimedOut&) {  // another worker's refresh took too long: serve what we have
        return fallback(key, row.within_stale_limit ? row.body : std::nullopt,
                        settings_.failure_backoff);
    }
}

std::optional<std::string> CatalogueCache::shaped(const Key& key, const FetchResult& fetched) {
    if (!fetched.ok) return std::nullopt;
    auto body = key.kind.shape(fetched.body);
    if (!body) {
        log::warn("tmdb_failed", {{"path", key.path},
                                  {"status", fetched.http_status},
                                  {"problem", "not the " + key.kind.name + " answer expected"}});
    }
    return body;
}

CatalogueAnswer CatalogueCache::refresh(const Key& key, const Patience& patience) {
    if (patience.before_waiting) patience.before_waiting();  // the lock, then TMDB, take time
    bool stored_new_key = false;
    CatalogueAnswer result = db_.write([&](soci::session& sql) -> CatalogueAnswer {
        db::Transaction tx(db_, sql);
        tx.limit_lock_wait(settings_.lock_timeout);
        sql << "SELECT pg_advisory_xact_lock(1667329645, hashtext(:k))", soci::use(key.name);
        Row current = load_row(sql, key.name);
        if (auto answer = settled(current)) {
            tx.commit();
            remember(key.name, answer->body, answer->max_age, key.kind.stale_limit,
                     answer->freshness == Freshness::not_found);
            return *answer;
        }
        auto kept = current.within_stale_limit ? current.body : std::nullopt;
        if (current.retry_in > 0) {
            tx.commit();
            return fallback(key, kept, seconds(current.retry_in));
        }
        FetchResult fetched = tmdb_.fetch(key.path, key.query, patience.deadline);
        if (fetched.not_asked) {
            // Over the budget or out of time: nothing is known about this key, so nothing is
            // stored (the next request may well be asked); it answers as on a failure.
            tx.commit();
            metrics_.add("upstream_skipped_total{reason=\"" + label_value(fetched.problem) + "\"}");
            return fallback(key, kept, seconds(1));
        }
        // `xmax = 0` tells an inserted row from an updated one: a new key may push the table
        // past its cap.
        int inserted = 0;
        if (fetched.not_found) {
            long long remembered = settings_.not_found_ttl.count();
            sql << "INSERT INTO catalogue_cache AS c (key, body, not_found, fetched_at, "
                   "fresh_until, retry_at, stale_until, last_error) "
                   "VALUES (:k, NULL, true, NULL, '-infinity', now() + make_interval(secs => :r), "
                   "'-infinity', 'not found') "
                   "ON CONFLICT (key) DO UPDATE SET body = NULL, not_found = true, fetched_at = "
                   "NULL, fresh_until = '-infinity', retry_at = EXCLUDED.retry_at, stale_until = "
                   "'-infinity', used_at = now(), last_error = EXCLUDED.last_error "
                   "RETURNING (xmax = 0)::int",
                soci::use(key.name), soci::use(remembered), soci::into(inserted);
            tx.commit();
            stored_new_key = inserted != 0;
            remember(key.name, "", settings_.not_found_ttl, seconds(0), true);
            return {"", Freshness::not_found, settings_.not_found_ttl};
        }
        if (auto body = shaped(key, fetched)) {
            long long ttl = key.kind.ttl.count();
            long long stale = key.kind.stale_limit.count();
            sql << "INSERT INTO catalogue_cache AS c (key, body, not_found, fetched_at, "
                   "fresh_until, retry_at, stale_until, last_error) "
                   "VALUES (:k, :b, false, now(), now() + make_interval(secs => :ttl), "
                   "'-infinity', now() + make_interval(secs => :stale), NULL) "
                   "ON CONFLICT (key) DO UPDATE SET body = EXCLUDED.body, not_found = false, "
                   "fetched_at = EXCLUDED.fetched_at, fresh_until = EXCLUDED.fresh_until, "
                   "retry_at = EXCLUDED.retry_at, stale_until = EXCLUDED.stale_until, "
                   "used_at = now(), last_error = NULL "
                   "RETURNING (xmax = 0)::int",
                soci::use(key.name), soci::use(*body), soci::use(ttl), soci::use(stale),
                soci::into(inserted);
            tx.commit();
            stored_new_key = inserted != 0;
            remember(key.name, *body, key.kind.ttl, key.kind.stale_limit);
            return {*body, Freshness::miss, key.kind.ttl};
        }
        metrics_.add("upstream_errors_total");
        // TMDB's Retry-After is honoured (capped at an hour); other failures back off briefly.
        seconds wait =
            std::min(fetched.retry_after.value_or(settings_.failure_backoff), seconds(3600));
        wait = std::max(wait, seconds(1));
        long long wait_seconds = wait.count();
        std::string problem = fetched.ok ? "unexpected answer" : fetched.problem;
        sql << "INSERT INTO catalogue_cache AS c (key, retry_at, last_error) "
               "VALUES (:k, now() + make_interval(secs => :w), :e) "
               "ON CONFLICT (key) DO UPDATE SET retry_at = EXCLUDED.retry_at, last_error = "
               "EXCLUDED.last_error "
               "RETURNING (xmax = 0)::int",
            soci::use(key.name), soci::use(wait_seconds), soci::use(problem), soci::into(inserted);
        tx.commit();
        stored_new_key = inserted != 0;
        return fallback(key, kept, wait);
    });
    if (stored_new_key) {
        try {
            db_.write([&](soci::session& sql) { evict_over_cap(sql); });
        } catch (const std::exception&) {  // the next new key, or the purge, evicts instead
        }
    }
    return result;
}

void CatalogueCache::evict_over_cap(soci::session& sql) {
    long long cap = settings_.max_rows;
    long long evicted = 0;
    sql << "WITH evicted AS (DELETE FROM catalogue_cache WHERE key IN (SELECT key FROM "
           "catalogue_cache ORDER BY used_at LIMIT GREATEST(0, (SELECT count(*) FROM "
           "catalogue_cache) - :cap)) RETURNING 1) SELECT count(*) FROM evicted",
        soci::use(cap), soci::into(evicted);
    if (evicted > 0)
        metrics_.add("catalogue_cache_evicted_total", static_cast<std::uint64_t>(evicted));
}

long CatalogueCache::purge_unused() {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        long long purged = 0;
        sql << "WITH purged AS (DELETE FROM catalogue_cache WHERE retry_at < now() AND "
               "stale_until < now() RETURNING 1) SELECT count(*) FROM purged",
            soci::into(purged);
        long long before_cap = purged;
        evict_over_cap(sql);
        tx.commit();
        return static_cast<long>(before_cap);
    });
}

std::vector<std::string> CatalogueCache::kept_pages(int limit) {
    return db_.read([&](soci::session& sql) {
        std::vector<std::string> paths;
        // A page's key is its path and its query; lists (/movie/now_playing) are not pages.
        soci::rowset<std::string> keys =
            (sql.prepare << "SELECT path FROM (SELECT split_part(key, '?', 1) AS path, used_at "
                            "FROM catalogue_cache WHERE body IS NOT NULL AND NOT not_found) k "
                            "WHERE path ~ '^/(movie|tv|person|collection)/[0-9]+$' GROUP BY path "
                            "ORDER BY max(used_at) DESC, path LIMIT :n",
             soci::use(limit));
        for (const auto& path : keys) paths.push_back(path);
        return paths;
    });
}

// PostgreSQL is down: the catalogue keeps answering from memory, or straight from TMDB.
CatalogueAnswer CatalogueCache::without_database(const Key& key, const Patience& patience) {
    if (auto* kept = memory_.find(key.name); kept != nullptr && Clock::now() < kept->stale_until) {
        if (kept->not_found) return {"", Freshness::not_found, settings_.empty_max_age};
        return {kept->body, Freshness::stale, settings_.empty_max_age};
    }
    if (patience.before_waiting) patience.before_waiting();
    FetchResult fetched = tmdb_.fetch(key.path, key.query, patience.deadline);
    if (fetched.not_found) {
        remember(key.name, "", settings_.not_found_ttl, seconds(0), true);
        return {"", Freshness::not_found, settings_.not_found_ttl};
    }
    if (auto body = shaped(key, fetched)) {
        remember(key.name, *body, key.kind.ttl, key.kind.stale_limit);
        return {*body, Freshness::miss, key.kind.ttl};
    }
    if (!fetched.not_asked) metrics_.add("upstream_errors_total");
    return fallback(key, std::nullopt, fetched.not_asked ? seconds(1) : settings_.failure_backoff);
}

CatalogueAnswer CatalogueCache::fallback(const Key& key, std::optional<std::string> body,
                                         seconds retry_in) {
    if (!body) {
        if (auto* kept = memory_.find(key.name);
            kept != nullptr && !kept->not_found && Clock::now() < kept->stale_until) {
            body = kept->body;
        }
    }
    auto retry = std::clamp(retry_in, seconds(1), seconds(60));
    if (body) return {*body, Freshness::stale, retry};
    if (key.kind.when_nothing_kept)
        return {*key.kind.when_nothing_kept, Freshness::empty, settings_.empty_max_age};
    return {"", Freshness::unavailable, retry};
}

void CatalogueCache::remember(const std::string& key, const std::string& body, seconds fresh_for,
                              seconds stale_limit, bool not_found) {
    auto now = Clock::now();
    memory_.remember(
        key, Remembered{body, not_found, now + fresh_for, now + fresh_for + stale_limit, now});
}

CatalogueAnswer CatalogueCache::count(CatalogueAnswer answer) {
    static constexpr const char* kSeries[] = {"catalogue_cache_total{result=\"hit\"}",
                                              "catalogue_cache_total{result=\"miss\"}",
                                              "catalogue_cache_total{result=\"stale\"}",
                                              "catalogue_cache_total{result=\"empty\"}",
                                              "catalogue_cache_total{result=\"not_found\"}",
                                              "catalogue_cache_total{result=\"unavailable\"}"};
    metrics_.add(kSeries[static_cast<int>(answer.freshness)]);
    return answer;
}

}  // namespace cv::catalogue
