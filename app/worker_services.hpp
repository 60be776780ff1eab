#pragma once
// Everything one worker owns: its database connections, stores, password hasher, TMDB
// client and caches. Built after fork, never shared between processes; the handlers see it
// through a WorkerContext.
#include <memory>

#include "accounts/passwords.hpp"
#include "accounts/store.hpp"
#include "app/config.hpp"
#include "catalogue/cache.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"
#include "handlers/context.hpp"
#include "jobs/queue.hpp"
#include "platforms/store.hpp"
#include "watchlist/store.hpp"

namespace cv {

class WorkerServices {
  public:
    // `tmdb_budget` is shared by every worker of the host (made by the master before fork).
    WorkerServices(const AppConfig& config, SharedMetrics& metrics, const fcgi::Scoreboard& board,
                   SharedCallBudget& tmdb_budget);
    WorkerServices(const WorkerServices&) = delete;
    WorkerServices& operator=(const WorkerServices&) = delete;

    handlers::WorkerContext& context() { return context_; }
    accounts::AccountStore& accounts() { return accounts_; }
    db::Database& database() { return database_; }
    catalogue::CatalogueCache& catalogue() { return catalogue_; }
    Timings& timings() { return timings_; }

  private:
    Timings timings_;  // where the current request's time goes (the slow log)
    db::Database database_;
    std::unique_ptr<db::Database> replica_;  // CINEVERSE_DATABASE_REPLICA_URL, if set
    accounts::PasswordHasher passwords_;
    accounts::AccountStore accounts_;
    watchlist::WatchlistStore watchlist_;
    diary::DiaryStore diary_;
    diary::ImportStore imports_;
    catalogue::TmdbClient tmdb_;
    catalogue::AnswerKinds kinds_;
    catalogue::CatalogueCache catalogue_;
    handlers::SpaShell spa_shell_;
    platforms::PlatformsStore platforms_;
    jobs::JobQueue jobs_;
    handlers::WorkerContext context_;
};

}  // namespace cv
