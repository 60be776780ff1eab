#pragma once
// Every setting of the service, read from the environment (see README, "Configuration").
#include <chrono>
#include <string>
#include <vector>

#include "accounts/passwords.hpp"
#include "accounts/store.hpp"
#include "catalogue/cache.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/settings.hpp"
#include "diary/import_run.hpp"
#include "diary/store.hpp"
#include "fcgi/pool.hpp"
#include "handlers/context.hpp"
#include "jobs/runner.hpp"
#include "platforms/refresh.hpp"

namespace cv {

struct AppConfig {
    fcgi::PoolSettings pool;
    std::string database_url;
    // The role that owns the schema and applies the migrations; the service's own role
    // (database_url) only reads and writes rows. Defaults to database_url: one role for both.
    std::string migration_database_url;
    std::string replica_url;         // empty: no replica, every read on the primary
    bool prepare_statements = true;  // off behind PgBouncer in transaction mode
    std::vector<std::string> public_origins;
    accounts::SessionPolicy sessions;
    accounts::PasswordCost password_cost;
    catalogue::TmdbSettings tmdb;
    catalogue::CacheSettings cache;
    // How long each kind of shared answer stays fresh: the route table's rows, each kind
    // overridable by CINEVERSE_CACHE_TTL_<KIND>.
    handlers::CacheLifetimes cache_lifetimes;
    // TMDB calls a second for the whole host (all workers), and the burst allowed.
    double tmdb_budget = 20;
    double tmdb_budget_burst = 40;
    int watchlist_max = 2000;                      // items a user may keep
    diary::ReviewPolicy reviews;                   // reviews an account may write a while
    std::chrono::milliseconds slow_request{1000};  // the slow log's threshold (0: off)
    bool migrate_on_start = true;
    // The built web client (its index.html carries a shared page's link-preview tags).
    std::string web_root = "/usr/share/cineverse/web";
    std::chrono::milliseconds purge_interval{600000};
    // Background work (the jobs lane): leases, polling, retries; how long finished jobs stay.
    jobs::RunnerSettings jobs;
    std::string jobs_listen_url;  // LISTEN/NOTIFY's connection; empty: poll only
    std::chrono::seconds jobs_keep{7 * 24 * 3600};
    // The offers job, and how long news is kept.
    platforms::RefreshSettings offers;
    std::chrono::seconds news_keep{90 * 24 * 3600};
    // The import job of a Letterboxd export.
    diary::ImportSettings imports;

    // Throws ConfigError naming the first invalid variable.
    static AppConfig load(const Settings& settings);
    // From the environment and the env file CINEVERSE_CONFIG_FILE names.
    static AppConfig from_environment();
};

// A kind of shared answer as its setting spells it: "now-playing" → "NOW_PLAYING"
// (CINEVERSE_CACHE_TTL_NOW_PLAYING).
std::string cache_kind_variable(const std::string& kind);

}  // namespace cv
