#include "fcgi/master.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

#include "core/file_descriptor.hpp"
#include "core/log.hpp"
#include "fcgi/loop_worker.hpp"
#include "fcgi/worker.hpp"

namespace cv::fcgi {
namespace {

// glibc 2.36's <sys/pidfd.h> declares these without C linkage in C++: the system calls direct.
int open_pidfd(pid_t pid) {
    return static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
}

void send_through_pidfd(int pidfd, int signo) {
    syscall(SYS_pidfd_send_signal, pidfd, signo, nullptr, 0);
}

std::string describe_exit(int status) {
    if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        return std::string("signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    }
    return "status " + std::to_string(status);
}

// A worker's place in the scheduler, as its lane says (fcgi/pool.hpp, Lane::scheduling).
void apply_scheduling(const Lane& lane) {
    if (lane.scheduling == Lane::Scheduling::own_group && setsid() >= 0) {
        // A new session is a new autogroup; its niceness weighs the whole group. The kernel
        // lets an unprivileged process change an autogroup's niceness once every 100 ms
        // (EAGAIN meanwhile): the lane's workers start together, so each tries again.
        const std::string nice = std::to_string(lane.nice);
        bool set = false;
        for (int attempt = 0; attempt < 50 && !set; ++attempt) {
            FileDescriptor autogroup(open("/proc/self/autogroup", O_WRONLY | O_CLOEXEC));
            set = autogroup && write(autogroup.get(), nice.data(), nice.size()) ==
                                   static_cast<ssize_t>(nice.size());
            if (!set) std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        if (!set) log::warn("worker_autogroup_failed", {{"lane", lane.name}, {"errno", errno}});
    }
    if (lane.nice > 0 && setpriority(PRIO_PROCESS, 0, lane.nice) != 0)
        log::warn("worker_nice_failed", {{"errno", errno}});
    if (lane.scheduling == Lane::Scheduling::idle) {
        sched_param none{};
        if (sched_setscheduler(0, SCHED_IDLE, &none) != 0)
            log::warn("worker_sched_idle_failed", {{"errno", errno}});
    }
}

bool same_lane_names(const PoolSettings& a, const PoolSettings& b) {
    return std::equal(a.lanes.begin(), a.lanes.end(), b.lanes.begin(), b.lanes.end(),
                      [](const Lane& x, const Lane& y) { return x.name == y.name; });
}

bool same_addresses(const PoolSettings& a, const PoolSettings& b) {
    return std::equal(a.lanes.begin(), a.lanes.end(), b.lanes.begin(), b.lanes.end(),
                      [](const Lane& x, const Lane& y) { return x.listen == y.listen; });
}

}  // namespace

Master::Master(const ServiceLoader& load, std::unique_ptr<Service> service, SharedMetrics& metrics)
    : load_(load), master_pid_(getpid()), service_(std::move(service)), metrics_(metrics) {
    if (settings().lanes.empty()) throw std::runtime_error("a pool needs at least one lane");
    InheritedSockets inherited;
    for (const auto& lane : settings().lanes) {
        // A lane that listens nowhere has no socket: its workers run the service's loop.
        sockets_.push_back(
            lane.listen ? std::make_unique<ListenSocket>(*lane.listen, settings().socket_mode,
                                                         inherited.take(*lane.listen))
                        : nullptr);
    }
    inherited.refuse_leftovers();
}

int Master::run() {
    SignalPipe::forward({SIGTERM, SIGINT, SIGHUP, SIGCHLD});
    signal(SIGPIPE, SIG_IGN);
    for (LaneIndex lane = 0; lane < sockets_.size(); ++lane) {
        log::info("lane_listening",
                  {{"lane", settings().lanes[lane].name},
                   {"listen", sockets_[lane] ? sockets_[lane]->origin() : std::string("none")},
                   {"workers", settings().lanes[lane].workers}});
    }
    board_.start(Clock::now(), std::chrono::system_clock::now());
    describe_lanes();
    log::info("pool_started", {{"lanes", sockets_.size()}});
    top_up();
    while (true) {
        pollfd fd{signals_.read_fd(), POLLIN, 0};
        poll(&fd, 1, next_timeout_ms());
        for (const auto& arrival : signals_.drain()) handle_signal(arrival);
        reap_children();
        kill_stuck_workers();
        report_to_supervisor();
        if (stopping_) {
            if (children_.empty()) break;
            if (Clock::now() >= stop_deadline_) signal_all(SIGKILL);
        } else {
            top_up();
        }
    }
    log::info("pool_stopped", {{"restarts", restarts_}});
    return 0;
}

void Master::describe_lanes() {
    for (LaneIndex lane = 0; lane < settings().lanes.size(); ++lane) {
        board_.describe_lane(lane, settings().lanes[lane].name,
                             static_cast<unsigned>(settings().lanes[lane].workers));
    }
}

void Master::report_to_supervisor() {
    supervisor_.keep_alive();
    std::vector<int> accepting(sockets_.size(), 0), busy(sockets_.size(), 0);
    for (const auto& [pid, child] : children_) {
        auto worker = board_.read(child.slot);
        if (child.generation == generation_ && worker.accepting) ++accepting[child.lane];
        if (worker.busy_since) ++busy[child.lane];
    }
    bool all_ready = !stopping_;
    std::string status;
    for (LaneIndex lane = 0; lane < sockets_.size(); ++lane) {
        const Lane& settings_lane = settings().lanes[lane];
        all_ready = all_ready && accepting[lane] >= settings_lane.workers;
        const std::string label = "{lane=\"" + label_value(settings_lane.name) + "\"}";
        metrics_.set("lane_workers" + label, static_cast<std::uint64_t>(accepting[lane]));
        metrics_.set("lane_busy_workers" + label, static_cast<std::uint64_t>(busy[lane]));
        if (!status.empty()) status += "; ";
        status += settings_lane.name + " " + std::to_string(busy[lane]) + " busy, " +
                  std::to_string(std::max(0, accepting[lane] - busy[lane])) + " idle";
    }
    if (ready_pending_ && all_ready) {
        supervisor_.ready();
        ready_pending_ = false;
        log::info("pool_ready", {{"generation", generation_}});
        answer_reload_requests(true);
    }
    supervisor_.status(status);
}

int Master::next_timeout_ms() const {
    auto deadline = stopping_ ? stop_deadline_ : respawn_at_;
    auto wait =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(wait, 10, supervisor_.longest_sleep().count()));
}

void Master::handle_signal(const SignalPipe::Arrival& arrival) {
    const int signo = arrival.signo;
    if (signo == SIGTERM || signo == SIGINT) {
        if (!stopping_) {
            log::info("pool_stopping", {{"signal", strsignal(signo)},
                                        {"drain_ms", settings().drain_timeout.count()}});
            stopping_ = true;
            supervisor_.stopping();
            stop_deadline_ = Clock::now() + settings().drain_timeout;
            signal_all(SIGTERM);
            answer_reload_requests(false);
        }
    } else if (signo == SIGHUP) {
        if (arrival.requester > 0) {
            // A pidfd, so that the answer never reaches another process that took the pid.
            FileDescriptor requester(open_pidfd(arrival.requester));
            if (requester) awaiting_reload_.push_back(std::move(requester));
        }
        // Refused while stopping, or when the new configuration is; otherwise answered once
        // the new workers accept (report_to_supervisor).
        if (stopping_ || !reload()) answer_reload_requests(false);
    }
}

void Master::answer_reload_requests(bool done) {
    for (const auto& requester : awaiting_reload_) {
        send_through_pidfd(requester.get(), done ? SIGUSR1 : SIGUSR2);
    }
    awaiting_reload_.clear();
}

bool Master::reload() {
    std::unique_ptr<Service> fresh;
    try {
        fresh = load_();
    } catch (const std::exception& e) {
        log::error("reload_refused", {{"reason", e.what()}});
        return false;
    }
    if (!same_lane_names(settings(), fresh->pool_settings())) {
        log::error("reload_refused", {{"reason", "adding or removing a lane needs a restart"}});
        return false;
    }
    if (!same_addresses(settings(), fresh->pool_settings())) {
        log::warn("reload_listen_unchanged",
                  {{"reason", "changing a listen address needs a restart"}});
    }
    supervisor_.reloading();
    ready_pending_ = true;
    service_ = std::move(fresh);
    describe_lanes();
    ++generation_;
    failures_ = 0;
    respawn_at_ = Clock::now();
    // New workers first, then the old ones are asked to finish their request and leave:
    // the socket always has someone accepting, so no request fails during a reload.
    top_up();
    for (auto& [pid, child] : children_) {
        if (child.generation != generation_) kill(pid, SIGTERM);
    }
    log::info("pool_reloaded", {{"generation", generation_}});
    return true;
}

void Master::reap_children() {
    int status = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        auto it = children_.find(pid);
        if (it == children_.end()) continue;
        Child child = it->second;
        children_.erase(it);
        board_.release(child.slot);
        bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        // Stopping, replaced by a reload, or recycled after max_requests: nothing to repair.
        if (stopping_ || child.generation != generation_ || clean) {
            log::info("worker_exited", {{"worker", pid}, {"status", describe_exit(status)}});
            continue;
        }
        ++restarts_;
        metrics_.add("workers_restarted_total");
        board_.count_restart(child.lane);
        auto lived = Clock::now() - child.started;
        // A worker that dies at start again and again (bad database URL, missing file)
        // is respawned with exponential backoff instead of a fork storm.
        failures_ = lived < std::chrono::seconds(2) ? std::min(failures_ + 1, 10) : 0;
        auto delay = failures_ == 0 ? std::chrono::milliseconds(0)
                                    : std::min(std::chrono::milliseconds(100 << (failures_ - 1)),
                                               std::chrono::milliseconds(10000));
        respawn_at_ = Clock::now() + delay;
        log::warn("worker_died", {{"worker", pid},
                                  {"lane", settings().lanes[child.lane].name},
                                  {"status", describe_exit(status)},
                                  {"respawn_in_ms", static_cast<long>(delay.count())}});
    }
}

void Master::top_up() {
    if (Clock::now() < respawn_at_) return;
    for (LaneIndex lane = 0; lane < sockets_.size(); ++lane) {
        auto current = std::count_if(children_.begin(), children_.end(), [&](const auto& entry) {
            return entry.second.generation == generation_ && entry.second.lane == lane;
        });
        for (auto i = current; i < settings().lanes[lane].workers; ++i) spawn(lane);
    }
}

void Master::spawn(LaneIndex lane) {
    auto slot = board_.claim(lane, generation_);
    if (!slot) {
        log::error("scoreboard_full", {{"slots", Scoreboard::kSlots}});
        respawn_at_ = Clock::now() + std::chrono::seconds(1);
        return;
    }
    // Signals stay blocked across fork until the child has its own handlers: a SIGTERM
    // arriving in between would otherwise run the master's handler in the child.
    sigset_t all, previous;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &previous);
    pid_t pid = fork();
    if (pid == 0) _exit(child_main(previous, lane, *slot));
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    if (pid < 0) {
        log::error("fork_failed", {{"errno", errno}});
        board_.release(*slot);
        respawn_at_ = Clock::now() + std::chrono::seconds(1);
        return;
    }
    board_.assign(*slot, pid);
    children_[pid] = Child{generation_, lane, Clock::now(), *slot, false};
}

void Master::kill_stuck_workers() {
    auto now = Clock::now();
    for (auto& [pid, child] : children_) {
        if (child.killed) continue;
        auto worker = board_.read(child.slot);
        if (!worker.busy_since || now - *worker.busy_since < settings().terminate_timeout) continue;
        kill(pid, SIGKILL);
        child.killed = true;
        board_.count_kill(child.lane);
        const std::string& lane = settings().lanes[child.lane].name;
        metrics_.add("workers_killed_total{lane=\"" + label_value(lane) + "\"}");
        log::error(
            "worker_killed",
            {{"worker", pid},
             {"lane", lane},
             {"route", worker.route},
             {"rid", worker.request_id},
             {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(now - *worker.busy_since)
                        .count()},
             {"reason", "request_terminate_timeout"}});
    }
}

int Master::child_main(const sigset_t& mask, LaneIndex lane_index, std::size_t slot) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != master_pid_) return 0;  // the master died while forking us
    reset_to_default({SIGCHLD});
    const Lane& lane = settings().lanes[lane_index];
    try {
        SignalPipe stop;  // the worker's own pipe
        // SIGABRT too: systemd's watchdog signal (WatchdogSignal=) reaches every process of
        // the unit when the master hangs; the master dies of it, its workers finish their
        // request first. A worker's own abort() still ends it: glibc's abort() raises the
        // signal again with the default action once a handler returns.
        SignalPipe::forward({SIGTERM, SIGINT, SIGABRT});
        signal(SIGHUP, SIG_IGN);
        // The stop signals stay blocked except while the worker waits in ppoll (see
        // fcgi/worker.cpp); everything else gets the master's original mask back.
        sigset_t worker_mask = mask;
        sigaddset(&worker_mask, SIGTERM);
        sigaddset(&worker_mask, SIGINT);
        sigaddset(&worker_mask, SIGABRT);
        sigprocmask(SIG_SETMASK, &worker_mask, nullptr);
        // `ps` and the logs tell the lanes apart.
        prctl(PR_SET_NAME, (settings().process_name_prefix + lane.name).c_str());
        apply_scheduling(lane);
        if (sockets_[lane_index]) {
            auto handler = service_->start_worker(metrics_, board_);
            run_worker(sockets_[lane_index]->fd(), lane, settings(), *handler, stop.read_fd(),
                       metrics_, Seat{board_, slot});
        } else {
            auto handler = service_->start_loop_worker(lane, metrics_, board_);
            run_loop_worker(lane, *handler, stop.read_fd(), Seat{board_, slot});
        }
    } catch (const std::exception& e) {
        log::error("worker_failed", {{"lane", lane.name}, {"reason", e.what()}});
        return 1;
    }
    return 0;
}

void Master::signal_all(int signo) {
    for (auto& [pid, child] : children_) kill(pid, signo);
}

}  // namespace cv::fcgi
