#pragma once
// The pre-forking FastCGI pool, in the manner of php-fpm: a master that owns the listening
// socket and N single-threaded workers that each run an accept loop.
#include <functional>
#include <memory>

#include "fcgi/metrics.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "fcgi/settings.hpp"

namespace cv::fcgi {

using RequestHandler = std::function<Response(const Request&)>;

// What the pool serves. The master loads it at start and again on SIGHUP; every worker
// calls start_worker() once after fork to build its own state (DB session, HTTP client).
class Service {
  public:
    virtual ~Service() = default;
    virtual const PoolSettings& pool_settings() const = 0;
    virtual RequestHandler start_worker(SharedMetrics& metrics) const = 0;
};

// Throws ConfigError when the configuration is invalid.
using ServiceLoader = std::function<std::unique_ptr<Service>()>;

// Runs the master until SIGTERM/SIGINT; returns the process exit code.
int run_pool(const ServiceLoader& load);

// One worker's accept loop (exposed so a single-process mode and tests can use it).
// Returns when told to stop or after max_requests; in-flight requests always complete.
void run_worker(int listen_fd, const PoolSettings& settings, const RequestHandler& handler,
                int stop_fd, SharedMetrics& metrics);

}  // namespace cv::fcgi
