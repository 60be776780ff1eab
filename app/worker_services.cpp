#include "app/worker_services.hpp"

#include <filesystem>

namespace cv {

WorkerServices::WorkerServices(const AppConfig& config, SharedMetrics& metrics,
                               const fcgi::Scoreboard& board, SharedCallBudget& tmdb_budget)
    : database_(config.database_url, config.prepare_statements, config.pool.request_timeout),
      replica_(config.replica_url.empty()
                   ? nullptr
                   : std::make_unique<db::Database>(config.replica_url, config.prepare_statements,
                                                    config.pool.request_timeout)),
      passwords_(config.password_cost, &timings_),
      accounts_(database_, db::ReadRouter(database_, replica_.get()), config.sessions),
      watchlist_(database_, config.watchlist_max),
      diary_(database_, config.reviews),
      imports_(database_),
      tmdb_(config.tmdb, &tmdb_budget),
      kinds_(catalogue::AnswerKinds::from(
          config.cache, config.cache_lifetimes,
          {config.tmdb.languages.front().substr(0, 2), config.tmdb.region})),
      catalogue_(database_, db::ReadRouter(database_, replica_.get()), tmdb_, config.cache,
                 metrics),
      spa_shell_(std::filesystem::path(config.web_root) / "index.html"),
      platforms_(database_),
      jobs_(database_),
      context_{database_,
               accounts_,
               passwords_,
               watchlist_,
               diary_,
               imports_,
               catalogue_,
               config.tmdb,
               kinds_,
               config.cache_lifetimes,
               metrics,
               config.public_origins,
               board,
               spa_shell_,
               platforms_,
               jobs_,
               config.offers.refresh_after} {
    database_.set_timings(&timings_);
    if (replica_) replica_->set_timings(&timings_);
    tmdb_.set_timings(&timings_);
}

}  // namespace cv
