#include "app/api_worker.hpp"

#include "core/log.hpp"
#include "handlers/answers.hpp"

namespace cv {

ApiWorker::ApiWorker(AppConfig config, SharedMetrics& metrics)
    : config_(std::move(config)), services_(config_, metrics), router_(handlers::build_router()) {
    housekeeping_.add("sessions_purge", config_.session_purge_interval, [this] {
        long purged = services_.accounts().purge_expired_sessions();
        if (purged > 0) log::info("sessions_purged", {{"count", purged}});
    });
}

fcgi::Response ApiWorker::handle(fcgi::Request& request) {
    return router_.dispatch(services_.context(), request);
}

fcgi::Response ApiWorker::answer_failure(std::exception_ptr failure,
                                         std::string_view request_id) noexcept {
    return handlers::answer_failure(std::move(failure), request_id);
}

void ApiWorker::between_requests() {
    housekeeping_.run_due();
}

}  // namespace cv
