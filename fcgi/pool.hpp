#pragma once
// The pre-forking FastCGI pool, in the manner of php-fpm: a master that owns the listening
// sockets and, for each lane, single-threaded workers that each run an accept loop. Lanes
// are generic named pools (php-fpm's [pool] sections): which lanes exist and what they
// serve is the application's business. A lane may also listen nowhere: its workers then run
// a loop the application gives (background work), watched by the master like the others.
#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metrics.hpp"
#include "fcgi/listen_address.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "fcgi/scoreboard.hpp"

namespace cv::fcgi {

struct Lane {
    std::string name;  // in the log, and in the workers' process names
    // Where its workers accept FastCGI connections. A lane without an address takes no
    // requests: its workers run the application's loop instead (Service::start_loop_worker).
    std::optional<ListenAddress> listen;
    int workers = 1;
    int nice = 0;  // CPU niceness of its workers (0-19)
    // How the scheduler weighs the lane's workers against everything else on the host:
    //  - normal: their niceness, which only counts against processes of their own scheduling
    //    group (the pool's session, or its service's cgroup);
    //  - idle: SCHED_IDLE, run only when nothing else in their group wants the CPU;
    //  - own_group: a session and so a scheduling group of their own (the kernel's autogroup),
    //    whose niceness is the lane's: the host's other groups (nginx, PostgreSQL, the other
    //    lanes) come first. Under systemd, autogroups do not apply: see docs/deployment.md.
    enum class Scheduling { normal, idle, own_group } scheduling = Scheduling::normal;
    // Whether its workers keep a connection open after a request when the front server asks
    // (FastCGI's keep-conn flag); when false, every connection carries one request.
    bool keep_connections = true;
    bool operator==(const Lane&) const = default;
};

struct PoolSettings {
    std::vector<Lane> lanes;  // at least one
    unsigned socket_mode = 0660;
    long max_requests = 0;  // a worker is recycled after this many requests (0: never)
    std::chrono::milliseconds drain_timeout{30000};
    std::size_t body_limit = std::size_t{64} * 1024;
    // A request's deadline (Request::deadline()), which the application keeps to; past the
    // terminate timeout the master kills a worker still in the same request, as php-fpm's
    // request_terminate_timeout does.
    std::chrono::milliseconds request_timeout{10000};
    std::chrono::milliseconds terminate_timeout{15000};
    // A connection that stops in the middle of a FastCGI record is dropped after this.
    std::chrono::milliseconds read_timeout{3000};
    std::string process_name_prefix;  // workers are named <prefix><lane name>
};

// What one worker runs: built once after fork, so it may own connections and clients.
class WorkerHandler {
  public:
    virtual ~WorkerHandler() = default;
    // Answers one request. Whatever it throws goes to answer_failure().
    virtual Response handle(Request& request) = 0;
    // The answer to a request that failed, in handle() or in the transport before it (a
    // malformed request, a body over the limit). `request_id` names it in the log.
    virtual Response answer_failure(std::exception_ptr failure,
                                    std::string_view request_id) noexcept = 0;
    // Called between requests, at least once a second even when no request arrives.
    virtual void between_requests() {}
    // After each answer is written: how long the request took, and its writing.
    virtual void finished(std::string_view route, std::string_view request_id, int status,
                          std::chrono::steady_clock::duration total,
                          std::chrono::steady_clock::duration writing) {
        (void)route, (void)request_id, (void)status, (void)total, (void)writing;
    }
};

// What a worker of a lane without a socket offers the application's loop while it runs.
class LoopControl {
  public:
    virtual ~LoopControl() = default;
    // The worker was told to stop (SIGTERM or SIGINT: the pool stops or reloads, or its
    // master is gone): the loop puts down what it holds and returns.
    virtual bool stop_requested() = 0;
    // Waits `duration`, or less when told to stop; false when told to stop.
    virtual bool pause(std::chrono::milliseconds duration) = 0;
    // Busy with `what` (shown on the status page as a request's route is), named `id` (as a
    // request id), until done(). The master kills a worker busy past the terminate timeout
    // since its last sign of life, as it kills a request stuck that long: long work calls
    // alive() between its steps.
    virtual void busy(std::string_view what, std::string_view id) = 0;
    virtual void alive() = 0;
    virtual void done() = 0;
};

// How long a loop's worker rests before the next round, and what ends the rest early.
struct LoopPause {
    std::chrono::milliseconds wait{1000};
    int wake_fd = -1;  // readable: the next round starts at once (-1: none)
};

// What a worker of a lane without a socket runs: the application's loop, in rounds.
class LoopHandler {
  public:
    virtual ~LoopHandler() = default;
    // One round of work. Whatever it throws is logged, and the worker rests a second.
    virtual LoopPause round(LoopControl& control) = 0;
};

// What the pool serves. The master loads it at start and again on SIGHUP.
class Service {
  public:
    virtual ~Service() = default;
    virtual const PoolSettings& pool_settings() const = 0;
    // `board`: what every worker of the pool is doing (for a status page).
    virtual std::unique_ptr<WorkerHandler> start_worker(SharedMetrics& metrics,
                                                        const Scoreboard& board) const = 0;
    // A worker of `lane`, a lane that listens nowhere. The default has no loop to give: a
    // service that declares such a lane says what its workers do.
    virtual std::unique_ptr<LoopHandler> start_loop_worker(const Lane& lane, SharedMetrics& metrics,
                                                           const Scoreboard& board) const;
};

// Throws ConfigError when the configuration is invalid.
using ServiceLoader = std::function<std::unique_ptr<Service>()>;

// Runs the master until SIGTERM/SIGINT; returns the process exit code. `metrics` is the
// pool-wide counters' mapping, made before any fork.
int run_pool(const ServiceLoader& load, SharedMetrics& metrics);

}  // namespace cv::fcgi
