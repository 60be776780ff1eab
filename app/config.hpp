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
#include "fcgi/pool.hpp"

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
    int watchlist_max = 2000;                      // items a user may keep
    std::chrono::milliseconds slow_request{1000};  // the slow log's threshold (0: off)
    bool migrate_on_start = true;
    std::chrono::milliseconds purge_interval{600000};

    // Throws ConfigError naming the first invalid variable.
    static AppConfig load(const Settings& settings);
    // From the environment and the env file CINEVERSE_CONFIG_FILE names.
    static AppConfig from_environment();
};

}  // namespace cv
