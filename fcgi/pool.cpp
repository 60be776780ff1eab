#include "fcgi/pool.hpp"

#include <fcgiapp.h>

#include <stdexcept>

#include "core/log.hpp"
#include "core/settings.hpp"
#include "fcgi/master.hpp"

namespace cv::fcgi {

std::unique_ptr<LoopHandler> Service::start_loop_worker(const Lane& lane, SharedMetrics&,
                                                        const Scoreboard&) const {
    throw std::logic_error("lane " + lane.name +
                           " listens nowhere and the service gives it no loop");
}

int run_pool(const ServiceLoader& load, SharedMetrics& metrics) {
    FCGX_Init();
    try {
        Master master(load, load(), metrics);
        return master.run();
    } catch (const ConfigError& e) {
        log::error("config_invalid", {{"variable", e.variable()}, {"reason", e.what()}});
        return 2;
    } catch (const std::exception& e) {
        log::error("pool_failed", {{"reason", e.what()}});
        return 1;
    }
}

}  // namespace cv::fcgi
