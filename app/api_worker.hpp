#pragma once
// What each worker process of the pool runs: the route table over this worker's services,
// failures answered by handlers/answers.cpp, and its housekeeping between requests.
#include <memory>

#include "app/config.hpp"
#include "app/housekeeping.hpp"
#include "app/worker_services.hpp"
#include "fcgi/pool.hpp"
#include "handlers/routes.hpp"

namespace cv {

class ApiWorker final : public fcgi::WorkerHandler {
  public:
    ApiWorker(AppConfig config, SharedMetrics& metrics, const fcgi::Scoreboard& board,
              SharedCallBudget& tmdb_budget);

    fcgi::Response handle(fcgi::Request& request) override;
    fcgi::Response answer_failure(std::exception_ptr failure,
                                  std::string_view request_id) noexcept override;
    void between_requests() override;
    // php-fpm's slow log: a request slower than CINEVERSE_SLOW_REQUEST is logged once, with
    // where its time went.
    void finished(std::string_view route, std::string_view request_id, int status,
                  std::chrono::steady_clock::duration total,
                  std::chrono::steady_clock::duration writing) override;

  private:
    AppConfig config_;  // this worker's own copy: a reload starts new workers with a new one
    WorkerServices services_;
    handlers::Api api_;
    Housekeeping housekeeping_;
};

// The pool's view of the application: its settings, and a worker's handler after fork.
class ApiService final : public fcgi::Service {
  public:
    // Made in the master, before its workers are forked: they share the TMDB budget.
    explicit ApiService(AppConfig config)
        : config_(std::move(config)),
          tmdb_budget_(
              std::make_unique<SharedCallBudget>(config_.tmdb_budget, config_.tmdb_budget_burst)) {}
    const fcgi::PoolSettings& pool_settings() const override { return config_.pool; }
    std::unique_ptr<fcgi::WorkerHandler> start_worker(
        SharedMetrics& metrics, const fcgi::Scoreboard& board) const override {
        return std::make_unique<ApiWorker>(config_, metrics, board, *tmdb_budget_);
    }
    // The jobs lane's workers (app/lanes.cpp: the one lane that listens nowhere).
    std::unique_ptr<fcgi::LoopHandler> start_loop_worker(
        const fcgi::Lane& lane, SharedMetrics& metrics,
        const fcgi::Scoreboard& board) const override;

  private:
    AppConfig config_;
    std::unique_ptr<SharedCallBudget> tmdb_budget_;
};

}  // namespace cv
