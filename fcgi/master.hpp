#pragma once
// The master process (php-fpm's fpm_children.c and fpm_process_ctl.c): forks each lane's
// workers, reaps every dead one and replaces it (with backoff when they keep dying at
// start), reloads on SIGHUP with new workers before the old ones leave, and stops on
// SIGTERM, escalating to SIGKILL after the drain timeout.
#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "core/file_descriptor.hpp"
#include "core/metrics.hpp"
#include "fcgi/pool.hpp"
#include "fcgi/scoreboard.hpp"
#include "fcgi/signals.hpp"
#include "fcgi/sockets.hpp"
#include "fcgi/supervisor.hpp"

namespace cv::fcgi {

class Master {
  public:
    // Opens (or takes from systemd) every lane's socket; throws when one cannot be had.
    Master(const ServiceLoader& load, std::unique_ptr<Service> service, SharedMetrics& metrics);
    Master(const Master&) = delete;
    Master& operator=(const Master&) = delete;

    // Until SIGTERM or SIGINT; returns the exit code.
    int run();

  private:
    using Clock = std::chrono::steady_clock;
    using LaneIndex = std::size_t;  // into PoolSettings::lanes
    struct Child {
        unsigned generation = 0;
        LaneIndex lane = 0;
        Clock::time_point started;
        std::size_t slot = 0;  // in the scoreboard
        bool killed = false;   // by the watchdog, waiting to be reaped
    };

    const PoolSettings& settings() const { return service_->pool_settings(); }
    int next_timeout_ms() const;
    void handle_signal(const SignalPipe::Arrival& arrival);
    // False when the new configuration is refused (logged); the running one stays.
    bool reload();
    // Tells the processes waiting on a reload (`cineverse-api reload`) that it is done (the
    // new workers accept: SIGUSR1) or refused (SIGUSR2).
    void answer_reload_requests(bool done);
    void reap_children();
    void top_up();
    void spawn(LaneIndex lane);
    int child_main(const sigset_t& mask, LaneIndex lane, std::size_t slot);
    void signal_all(int signo);
    // php-fpm's request_terminate_timeout: a worker still in one request past the terminate
    // timeout is killed (and replaced like any dead worker), whatever its generation.
    void kill_stuck_workers();
    // READY=1 once every lane has its workers of the current generation accepting, and the
    // lanes' busy/idle counts in STATUS=.
    void report_to_supervisor();
    // The scoreboard's lane names and sizes (the status page reads them from there).
    void describe_lanes();

    const ServiceLoader& load_;
    pid_t master_pid_;
    std::unique_ptr<Service> service_;
    SharedMetrics& metrics_;
    SignalPipe signals_;
    Scoreboard board_;
    Supervisor supervisor_;
    bool ready_pending_ = true;
    std::vector<std::unique_ptr<ListenSocket>> sockets_;  // by LaneIndex; none: a loop lane
    std::map<pid_t, Child> children_;
    std::vector<FileDescriptor> awaiting_reload_;  // pidfds of the reload's requesters
    unsigned generation_ = 0;
    int failures_ = 0;
    long restarts_ = 0;
    bool stopping_ = false;
    Clock::time_point stop_deadline_{};
    Clock::time_point respawn_at_{};
};

}  // namespace cv::fcgi
