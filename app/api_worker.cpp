#include "app/api_worker.hpp"

#include <chrono>
#include <thread>

#include "app/jobs_worker.hpp"
#include "core/log.hpp"
#include "handlers/answers.hpp"

namespace cv {

ApiWorker::ApiWorker(AppConfig config, SharedMetrics& metrics, const fcgi::Scoreboard& board,
                     SharedCallBudget& tmdb_budget)
    : config_(std::move(config)), services_(config_, metrics, board, tmdb_budget) {
    housekeeping_.add("sessions_purge", config_.purge_interval, [this] {
        long purged = services_.accounts().purge_expired_sessions();
        if (purged > 0) log::info("sessions_purged", {{"count", purged}});
    });
    housekeeping_.add("catalogue_purge", config_.purge_interval, [this] {
        long purged = services_.catalogue().purge_unused();
        if (purged > 0) log::info("catalogue_rows_purged", {{"count", purged}});
    });
}

namespace {

// The database keeps to the request's deadline while it is served, and to none between
// requests (housekeeping has its own limits: the role's defaults).
class DeadlineScope {
  public:
    DeadlineScope(db::Database& database, std::chrono::steady_clock::time_point deadline)
        : database_(database) {
        database_.set_deadline(deadline);
    }
    ~DeadlineScope() { database_.set_deadline(std::nullopt); }
    DeadlineScope(const DeadlineScope&) = delete;
    DeadlineScope& operator=(const DeadlineScope&) = delete;

  private:
    db::Database& database_;
};

#ifdef CINEVERSE_FAULT_INJECTION
// Test builds only (CINEVERSE_FAULTS=ON): a request carrying this header makes its worker hang
// the way a bug would, ignoring its deadline, so the tests can watch the master's watchdog.
[[noreturn]] void hang_like_a_bug() {
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}
#endif

}  // namespace

void ApiWorker::finished(std::string_view route, std::string_view request_id, int status,
                         std::chrono::steady_clock::duration total,
                         std::chrono::steady_clock::duration writing) {
    const Timings& timings = services_.timings();
    if (config_.slow_request.count() > 0 && total >= config_.slow_request) {
        auto ms = [](std::chrono::steady_clock::duration spent) {
            return std::chrono::duration<double, std::milli>(spent).count();
        };
        auto database = timings.of(Timings::Part::database);
        auto upstream = timings.of(Timings::Part::upstream);
        auto hashing = timings.of(Timings::Part::hashing);
        log::warn("slow_request",
                  {{"rid", request_id},
                   {"route", route},
                   {"status", status},
                   {"ms", ms(total)},
                   {"database_ms", ms(database)},
                   {"tmdb_ms", ms(upstream)},
                   {"hashing_ms", ms(hashing)},
                   {"writing_ms", ms(writing)},
                   {"other_ms", ms(total - database - upstream - hashing - writing)}});
    }
}

fcgi::Response ApiWorker::handle(fcgi::Request& request) {
    services_.timings().reset();
#ifdef CINEVERSE_FAULT_INJECTION
    if (request.header("x-cineverse-fault") == "hang") hang_like_a_bug();
#endif
    DeadlineScope deadline(services_.database(), request.deadline());
    return api_.answer(services_.context(), request);
}

fcgi::Response ApiWorker::answer_failure(std::exception_ptr failure,
                                         std::string_view request_id) noexcept {
    // A request the transport could not read matched no row: nobody may keep the answer.
    auto response = handlers::answer_failure(std::move(failure), request_id);
    try {
        fcgi::keep_private(response);
    } catch (...) {
    }
    return response;
}

void ApiWorker::between_requests() {
    housekeeping_.run_due();
}

std::unique_ptr<fcgi::LoopHandler> ApiService::start_loop_worker(const fcgi::Lane& lane,
                                                                 SharedMetrics& metrics,
                                                                 const fcgi::Scoreboard&) const {
    if (lane.name != handlers::name_of(handlers::Lane::jobs))
        throw std::logic_error("no loop for lane " + lane.name);
    return std::make_unique<JobsWorker>(config_, metrics, *tmdb_budget_);
}

}  // namespace cv
