#pragma once
// Everything one worker owns: its configuration, its database connection, its TMDB client
// and caches. Built after fork, never shared between processes.
#include <chrono>
#include <memory>
#include <string>

#include "accounts/passwords.hpp"
#include "accounts/store.hpp"
#include "app/config.hpp"
#include "catalogue/cache.hpp"
#include "catalogue/tmdb_client.hpp"
#include "db/database.hpp"
#include "fcgi/metrics.hpp"

namespace cv::handlers {

struct WorkerContext {
    WorkerContext(const AppConfig& app_config, fcgi::SharedMetrics& shared_metrics)
        : config(app_config),
          metrics(shared_metrics),
          db(app_config.database_url, app_config.prepare_statements),
          replica(app_config.replica_url.empty()
                      ? nullptr
                      : std::make_unique<db::Database>(app_config.replica_url,
                                                       app_config.prepare_statements)),
          passwords(app_config.password_cost),
          accounts(db, db::ReadRouter(db, replica.get()), app_config.sessions),
          tmdb(app_config.tmdb),
          catalogue(db, db::ReadRouter(db, replica.get()), tmdb, app_config.cache, shared_metrics) {
    }

    const AppConfig& config;
    fcgi::SharedMetrics& metrics;
    db::Database db;
    std::unique_ptr<db::Database> replica;  // CINEVERSE_DATABASE_REPLICA_URL, if set
    accounts::PasswordHasher passwords;
    accounts::AccountStore accounts;
    catalogue::TmdbClient tmdb;
    catalogue::CatalogueCache catalogue;
    std::chrono::steady_clock::time_point next_purge = std::chrono::steady_clock::now();
};

}  // namespace cv::handlers
