#include "fcgi/pool.hpp"

#include <arpa/inet.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "fcgi/log.hpp"

namespace cv::fcgi {
namespace {

using Clock = std::chrono::steady_clock;

// A signal handler can only reach a file descriptor through a global; this one is the write
// end of the process's self-pipe, set once before any handler is installed.
volatile sig_atomic_t signal_pipe_write_fd = -1;

void forward_signal(int signo) {
    int saved = errno;
    auto byte = static_cast<unsigned char>(signo);
    [[maybe_unused]] auto n = write(signal_pipe_write_fd, &byte, 1);
    errno = saved;
}

class FileDescriptor {
  public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) close(fd_);
        fd_ = -1;
    }

  private:
    int fd_ = -1;
};

// Signals become bytes on a pipe that the owning loop polls (the php-fpm pattern).
class SignalPipe {
  public:
    SignalPipe() {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("pipe2 failed");
        read_ = FileDescriptor(fds[0]);
        write_ = FileDescriptor(fds[1]);
        signal_pipe_write_fd = fds[1];
    }
    int read_fd() const { return read_.get(); }

    static void forward(std::initializer_list<int> signals) {
        for (int signo : signals) {
            struct sigaction action {};
            action.sa_handler = forward_signal;
            sigemptyset(&action.sa_mask);
            // SA_RESTART keeps libfcgi's reads and writes of an in-flight request intact;
            // poll(2) is never restarted, so the loops still wake up.
            action.sa_flags = SA_RESTART;
            sigaction(signo, &action, nullptr);
        }
    }

    std::vector<int> drain() const {
        std::vector<int> signals;
        unsigned char buf[64];
        ssize_t n;
        while ((n = read(read_.get(), buf, sizeof buf)) > 0) {
            signals.insert(signals.end(), buf, buf + n);
        }
        return signals;
    }

  private:
    FileDescriptor read_;
    FileDescriptor write_;
};

void set_default(std::initializer_list<int> signals) {
    for (int signo : signals) signal(signo, SIG_DFL);
}

void set_nonblocking(int fd) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

std::string describe_exit(int status) {
    if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        return std::string("signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    }
    return "status " + std::to_string(status);
}

// The socket all workers accept on. It lives in the master, so a reload never leaves a
// moment with nobody listening.
class ListenSocket {
  public:
    // `inherited_fd` is the socket systemd passed for this address, or -1.
    ListenSocket(const ListenAddress& address, unsigned mode, int inherited_fd) {
        if (inherited_fd >= 0) {
            fd_ = FileDescriptor(inherited_fd);
            fcntl(inherited_fd, F_SETFD, FD_CLOEXEC);
            set_nonblocking(inherited_fd);
            origin_ = "systemd socket activation";
            return;
        }
        if (address.kind == ListenAddress::Kind::unix_socket) {
            open_unix(address.path, mode);
        } else {
            open_tcp(address.host, address.port);
        }
        set_nonblocking(fd_.get());
    }
    ~ListenSocket() {
        if (!unix_path_.empty()) unlink(unix_path_.c_str());
    }
    ListenSocket(const ListenSocket&) = delete;
    ListenSocket& operator=(const ListenSocket&) = delete;
    int fd() const { return fd_.get(); }
    std::string origin() const { return origin_; }

  private:
    void open_unix(const std::string& path, unsigned mode) {
        fd_ = FileDescriptor(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (fd_.get() < 0) fail("socket", path);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
        struct stat existing {};
        if (lstat(path.c_str(), &existing) == 0 && S_ISSOCK(existing.st_mode)) {
            // A socket left by a pool that died is replaced; one that still answers belongs
            // to a running pool, which must not lose it to a second one started by mistake.
            FileDescriptor probe(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
            if (connect(probe.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
                errno = EADDRINUSE;
                fail("bind", path);
            }
            unlink(path.c_str());
        }
        if (bind(fd_.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            fail("bind", path);
        unix_path_ = path;
        chmod(path.c_str(), mode);
        if (listen(fd_.get(), SOMAXCONN) != 0) fail("listen", path);
        origin_ = "unix:" + path;
    }

    void open_tcp(const std::string& host, int port) {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
        addrinfo* found = nullptr;
        std::string service = std::to_string(port);
        if (getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || !found) {
            fail("resolve", host);
        }
        std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> guard(found, freeaddrinfo);
        fd_ = FileDescriptor(socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (fd_.get() < 0) fail("socket", host);
        int one = 1;
        setsockopt(fd_.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd_.get(), found->ai_addr, found->ai_addrlen) != 0)
            fail("bind", host + ":" + service);
        if (listen(fd_.get(), SOMAXCONN) != 0) fail("listen", host + ":" + service);
        origin_ = host + ":" + service;
    }

    [[noreturn]] static void fail(const char* what, const std::string& where) {
        throw std::runtime_error(std::string(what) + " " + where + ": " + std::strerror(errno));
    }

    FileDescriptor fd_;
    std::string unix_path_;
    std::string origin_;
};

// The sockets systemd passed (socket activation). Each lane takes the one bound to its own
// address, whatever the order of the socket unit's ListenStream lines. Read once.
class InheritedSockets {
  public:
    InheritedSockets() {
        const char* pid = getenv("LISTEN_PID");
        const char* fds = getenv("LISTEN_FDS");
        if (pid && fds && std::atol(pid) == getpid()) {
            constexpr int kFirstSystemdFd = 3;  // SD_LISTEN_FDS_START
            for (int i = 0; i < std::atoi(fds); ++i) fds_.push_back(kFirstSystemdFd + i);
        }
        unsetenv("LISTEN_PID");
        unsetenv("LISTEN_FDS");
        unsetenv("LISTEN_FDNAMES");
    }

    // The passed socket bound to `address`, or -1 (the lane opens its own).
    int take(const ListenAddress& address) {
        auto found =
            std::find_if(fds_.begin(), fds_.end(), [&](int fd) { return bound_to(fd, address); });
        if (found == fds_.end()) return -1;
        int fd = *found;
        fds_.erase(found);
        return fd;
    }

    // A socket nobody takes would still accept connections that no worker ever answers.
    void refuse_leftovers() const {
        if (!fds_.empty()) {
            throw std::runtime_error(
                "systemd passed a socket that no lane listens on: give every ListenStream "
                "of the socket unit its CINEVERSE_*_LISTEN address");
        }
    }

  private:
    static bool bound_to(int fd, const ListenAddress& address) {
        sockaddr_storage bound{};
        socklen_t length = sizeof bound;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) != 0) return false;
        if (address.kind == ListenAddress::Kind::unix_socket) {
            const auto* unix_address = reinterpret_cast<const sockaddr_un*>(&bound);
            return bound.ss_family == AF_UNIX && address.path == unix_address->sun_path;
        }
        if (bound.ss_family == AF_INET)
            return ntohs(reinterpret_cast<const sockaddr_in*>(&bound)->sin_port) == address.port;
        if (bound.ss_family == AF_INET6)
            return ntohs(reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port) == address.port;
        return false;
    }

    std::vector<int> fds_;
};

// Lane 0 is the main lane; lane i > 0 is PoolSettings::side_lanes[i - 1].
using LaneIndex = std::size_t;

struct WorkerInfo {
    unsigned generation = 0;
    LaneIndex lane = 0;
    Clock::time_point started;
};

class Master {
  public:
    Master(const ServiceLoader& load, std::unique_ptr<Service> service, SharedMetrics& metrics)
        : load_(load), service_(std::move(service)), metrics_(metrics) {
        InheritedSockets inherited;
        sockets_.push_back(std::make_unique<ListenSocket>(settings().listen, settings().socket_mode,
                                                          inherited.take(settings().listen)));
        for (const auto& lane : settings().side_lanes) {
            sockets_.push_back(std::make_unique<ListenSocket>(lane.listen, settings().socket_mode,
                                                              inherited.take(lane.listen)));
        }
        inherited.refuse_leftovers();
    }

    int run() {
        SignalPipe::forward({SIGTERM, SIGINT, SIGHUP, SIGCHLD});
        signal(SIGPIPE, SIG_IGN);
        for (LaneIndex lane = 0; lane < sockets_.size(); ++lane) {
            log::info("lane_listening", {{"lane", lane_name(lane)},
                                         {"listen", sockets_[lane]->origin()},
                                         {"workers", workers_wanted(lane)}});
        }
        log::info("pool_started", {{"lanes", sockets_.size()}});
        top_up();
        while (true) {
            pollfd fd{signals_.read_fd(), POLLIN, 0};
            poll(&fd, 1, next_timeout_ms());
            for (int signo : signals_.drain()) handle_signal(signo);
            reap_children();
            if (stopping_) {
                if (workers_.empty()) break;
                if (Clock::now() >= stop_deadline_) kill_all(SIGKILL);
            } else {
                top_up();
            }
        }
        log::info("pool_stopped", {{"restarts", restarts_}});
        return 0;
    }

  private:
    const PoolSettings& settings() const { return service_->pool_settings(); }

    int next_timeout_ms() const {
        auto deadline = stopping_ ? stop_deadline_ : respawn_at_;
        auto wait =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        return static_cast<int>(std::clamp<long long>(wait, 10, 1000));
    }

    void handle_signal(int signo) {
        if (signo == SIGTERM || signo == SIGINT) {
            if (!stopping_) {
                log::info("pool_stopping", {{"signal", strsignal(signo)},
                                            {"drain_ms", settings().drain_timeout.count()}});
                stopping_ = true;
                stop_deadline_ = Clock::now() + settings().drain_timeout;
                kill_all(SIGTERM);
            }
        } else if (signo == SIGHUP && !stopping_) {
            reload();
        }
    }

    void reload() {
        std::unique_ptr<Service> fresh;
        try {
            fresh = load_();
        } catch (const std::exception& e) {
            log::error("reload_refused", {{"reason", e.what()}});
            return;
        }
        const auto& now = settings();
        const auto& next = fresh->pool_settings();
        auto same_lanes =
            std::equal(now.side_lanes.begin(), now.side_lanes.end(), next.side_lanes.begin(),
                       next.side_lanes.end(),
                       [](const SideLane& a, const SideLane& b) { return a.name == b.name; });
        if (!same_lanes) {
            log::error("reload_refused", {{"reason", "adding or removing a lane needs a restart"}});
            return;
        }
        auto same_addresses =
            now.listen == next.listen &&
            std::equal(now.side_lanes.begin(), now.side_lanes.end(), next.side_lanes.begin(),
                       [](const auto& a, const auto& b) { return a.listen == b.listen; });
        if (!same_addresses) {
            log::warn("reload_listen_unchanged",
                      {{"reason", "changing a listen address needs a restart"}});
        }
        service_ = std::move(fresh);
        ++generation_;
        failures_ = 0;
        respawn_at_ = Clock::now();
        // New workers first, then the old ones are asked to finish their request and leave:
        // the socket always has someone accepting, so no request fails during a reload.
        top_up();
        for (auto& [pid, info] : workers_) {
            if (info.generation != generation_) kill(pid, SIGTERM);
        }
        log::info("pool_reloaded", {{"generation", generation_}, {"workers", settings().workers}});
    }

    void reap_children() {
        int status = 0;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            auto it = workers_.find(pid);
            if (it == workers_.end()) continue;
            WorkerInfo info = it->second;
            workers_.erase(it);
            bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (stopping_ || info.generation != generation_) {
                log::info("worker_exited", {{"worker", pid}, {"status", describe_exit(status)}});
                continue;
            }
            if (clean) {  // recycled after max_requests
                log::info("worker_exited", {{"worker", pid}, {"status", describe_exit(status)}});
                continue;
            }
            ++restarts_;
            metrics_.add("cineverse_workers_restarted_total");
            auto lived = Clock::now() - info.started;
            // A worker that dies at start again and again (bad database URL, missing file)
            // is respawned with exponential backoff instead of a fork storm.
            failures_ = lived < std::chrono::seconds(2) ? std::min(failures_ + 1, 10) : 0;
            auto delay = failures_ == 0
                             ? std::chrono::milliseconds(0)
                             : std::min(std::chrono::milliseconds(100 << (failures_ - 1)),
                                        std::chrono::milliseconds(10000));
            respawn_at_ = Clock::now() + delay;
            log::warn("worker_died", {{"worker", pid},
                                      {"status", describe_exit(status)},
                                      {"respawn_in_ms", static_cast<long>(delay.count())}});
        }
    }

    int workers_wanted(LaneIndex lane) const {
        return lane == 0 ? settings().workers : settings().side_lanes[lane - 1].workers;
    }
    std::string lane_name(LaneIndex lane) const {
        return lane == 0 ? "main" : settings().side_lanes[lane - 1].name;
    }

    void top_up() {
        if (Clock::now() < respawn_at_) return;
        for (LaneIndex lane = 0; lane < sockets_.size(); ++lane) {
            int current =
                static_cast<int>(std::count_if(workers_.begin(), workers_.end(), [&](auto& w) {
                    return w.second.generation == generation_ && w.second.lane == lane;
                }));
            for (int i = current; i < workers_wanted(lane); ++i) spawn(lane);
        }
    }

    void spawn(LaneIndex lane) {
        // Signals stay blocked across fork until the child has its own handlers: a SIGTERM
        // arriving in between would otherwise run the master's handler in the child.
        sigset_t all, previous;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &previous);
        pid_t pid = fork();
        if (pid == 0) _exit(worker_main(previous, lane));
        sigprocmask(SIG_SETMASK, &previous, nullptr);
        if (pid < 0) {
            log::error("fork_failed", {{"errno", errno}});
            respawn_at_ = Clock::now() + std::chrono::seconds(1);
            return;
        }
        workers_[pid] = WorkerInfo{generation_, lane, Clock::now()};
    }

    int worker_main(const sigset_t& mask, LaneIndex lane) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != master_pid_) return 0;  // the master died while forking us
        set_default({SIGCHLD});
        int code = 0;
        try {
            SignalPipe stop;  // the worker's own pipe
            SignalPipe::forward({SIGTERM, SIGINT});
            signal(SIGHUP, SIG_IGN);
            // SIGTERM and SIGINT stay blocked except while the worker waits in ppoll (see
            // run_worker); everything else gets the master's original mask back.
            sigset_t worker_mask = mask;
            sigaddset(&worker_mask, SIGTERM);
            sigaddset(&worker_mask, SIGINT);
            sigprocmask(SIG_SETMASK, &worker_mask, nullptr);
            // `ps` and the logs tell the lanes apart: cv-main, cv-hashing, cv-catalogue.
            prctl(PR_SET_NAME, ("cv-" + lane_name(lane)).c_str());
            if (lane > 0 && settings().side_lanes[lane - 1].nice > 0) {
                // Lower priority: the scheduler serves the other lanes' cheap requests first.
                if (setpriority(PRIO_PROCESS, 0, settings().side_lanes[lane - 1].nice) != 0)
                    log::warn("worker_nice_failed", {{"errno", errno}});
            }
            RequestHandler handler = service_->start_worker(metrics_);
            run_worker(sockets_[lane]->fd(), settings(), handler, stop.read_fd(), metrics_);
        } catch (const std::exception& e) {
            log::error("worker_failed", {{"reason", e.what()}});
            code = 1;
        }
        return code;
    }

    void kill_all(int signo) {
        for (auto& [pid, info] : workers_) kill(pid, signo);
    }

    const ServiceLoader& load_;
    pid_t master_pid_ = getpid();
    std::unique_ptr<Service> service_;
    SharedMetrics& metrics_;
    SignalPipe signals_;
    std::vector<std::unique_ptr<ListenSocket>> sockets_;  // by LaneIndex
    std::map<pid_t, WorkerInfo> workers_;
    unsigned generation_ = 0;
    int failures_ = 0;
    long restarts_ = 0;
    bool stopping_ = false;
    Clock::time_point stop_deadline_{};
    Clock::time_point respawn_at_{};
};

}  // namespace

int run_pool(const ServiceLoader& load) {
    FCGX_Init();
    try {
        SharedMetrics metrics;  // before any fork: every worker shares it
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
