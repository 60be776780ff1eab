#include <fcgiapp.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <vector>

#include "core/failure.hpp"
#include "core/log.hpp"
#include "fcgi/signals.hpp"
#include "fcgi/worker.hpp"

namespace cv::fcgi {
namespace {

using Clock = std::chrono::steady_clock;

// How many connections one worker keeps open; past this it stops accepting and leaves new
// connections to the others. nginx keeps up to `keepalive` (64) idle connections per nginx
// worker, one a core, besides those in flight, and a connection no worker accepts waits
// until one closes: 256 leaves room even for a pool of one worker a core.
constexpr std::size_t kMaxConnections = 256;
// A stopping worker closes a kept connection once it has been idle this long: nginx reuses
// its most recently used connections first, so a connection idle for a while is unlikely to
// be picked in the instant it closes.
constexpr auto kDrainIdle = std::chrono::milliseconds(50);
// ... and closes every connection after this, whatever nginx keeps sending on it.
constexpr auto kDrainLimit = std::chrono::seconds(1);
// A body the handler did not read is skipped up to this size to keep the connection;
// beyond it, closing the connection is cheaper.
constexpr std::size_t kMaxSkippedBody = std::size_t{64} * 1024;

// One connection from nginx. With fastcgi_keep_conn it carries one request after another;
// libfcgi's FCGX_Request holds the request's streams between FCGX_Accept_r and
// FCGX_Finish_r, and points at itself, so a Connection never moves.
class Connection {
  public:
    explicit Connection(int fd) {
        // No listening socket: libfcgi must never accept by itself, since the worker
        // decides when to take connections. keepConnection = 1 until the first request's
        // begin record sets it, or the FCGX_Finish_r that FCGX_Accept_r starts with would
        // close the fresh connection.
        FCGX_InitRequest(&request_, -1, 0);
        request_.ipcFd = fd;
        request_.keepConnection = 1;
    }
    ~Connection() {
        FCGX_Free(&request_, 0);
        if (request_.ipcFd >= 0) close(request_.ipcFd);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    FCGX_Request& request() { return request_; }
    int fd() const { return request_.ipcFd; }
    bool open() const { return request_.ipcFd >= 0; }
    // Closes the connection between requests (a request nginx already sent on it is dropped
    // unread, and nginx retries it elsewhere).
    void hang_up() {
        if (request_.ipcFd >= 0) close(request_.ipcFd);
        request_.ipcFd = -1;
    }
    Clock::time_point last_used = Clock::now();
    // nginx sends a request on a connection it opened for it, then on later ones only once
    // it took the connection from its cache of idle ones.
    bool reused_by_nginx = false;

  private:
    FCGX_Request request_{};
};

// The next request on a kept connection starts where this one's records end: whatever the
// handler left of the body is read and dropped, or the connection is closed after the answer.
void skip_unread_body(FCGX_Request& request) {
    if (!request.keepConnection || request.in == nullptr) return;
    char sink[4096];
    std::size_t skipped = 0;
    while (skipped <= kMaxSkippedBody) {
        int n = FCGX_GetStr(sink, sizeof sink, request.in);
        if (n <= 0) return;
        skipped += static_cast<std::size_t>(n);
    }
    request.keepConnection = 0;
}

// Owns one accepted FastCGI request: it is finished whatever path the code takes, and the
// connection stays open only when nginx asked for it and nothing of the request is left.
class AcceptedRequest {
  public:
    explicit AcceptedRequest(FCGX_Request& request) : request_(request) {}
    ~AcceptedRequest() {
        skip_unread_body(request_);
        FCGX_Finish_r(&request_);
    }
    AcceptedRequest(const AcceptedRequest&) = delete;
    AcceptedRequest& operator=(const AcceptedRequest&) = delete;

  private:
    FCGX_Request& request_;
};

// Views into libfcgi's params, valid until FCGX_Finish_r; Request copies what it keeps.
Request::Params view_params(FCGX_ParamArray envp) {
    Request::Params params;
    params.reserve(32);
    for (char** entry = envp; entry && *entry; ++entry) {
        std::string_view pair(*entry);
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        params.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    }
    return params;
}

std::string read_body(FCGX_Stream* in, size_t length) {
    std::string body(length, '\0');
    size_t got = 0;
    while (got < length) {
        int n = FCGX_GetStr(body.data() + got, static_cast<int>(length - got), in);
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    body.resize(got);
    return body;
}

class RequestIds {
  public:
    RequestIds() : engine_(std::random_device{}()) {}
    std::string next() {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(engine_()));
        return buf;
    }

  private:
    std::mt19937_64 engine_;
};

// Runs one request through the handler; whatever goes wrong becomes the handler's answer
// for that failure, so the transport itself never decides what an error looks like.
void serve_one(FCGX_Request& raw, const PoolSettings& settings, WorkerHandler& handler,
               RequestIds& ids, SharedMetrics& metrics, Seat seat,
               const std::function<void()>& before_long_wait) {
    auto started = std::chrono::steady_clock::now();
    AcceptedRequest finish_guard(raw);
    Response response;
    std::string method = "?";
    std::string path = "?";
    std::string route;
    std::string request_id;
    try {
        Request request = Request::from_params(
            view_params(raw.envp), [in = raw.in](size_t length) { return read_body(in, length); },
            settings.body_limit);
        if (request.request_id().empty()) request.set_request_id(ids.next());
        request.set_before_long_wait(before_long_wait);
        request.set_deadline(started + settings.request_timeout);
        method = request.method();
        path = request.path();
        request_id = request.request_id();
        seat.board.begin_request(seat.slot, request_id, path);
        request.set_route_observer(
            [seat](const std::string& matched) { seat.board.set_route(seat.slot, matched); });
        try {
            response = handler.handle(request);
        } catch (...) {
            response = handler.answer_failure(std::current_exception(), request_id);
        }
        route = request.route();
    } catch (...) {  // the request itself could not be read
        if (request_id.empty()) request_id = ids.next();
        response = handler.answer_failure(std::current_exception(), request_id);
    }
    struct Done {  // the worker is idle again once its answer is written, whatever happens
        Seat seat;
        ~Done() { seat.board.end_request(seat.slot); }
    } done{seat};
    // Head and body go to libfcgi's buffer separately: the body is never copied twice.
    auto writing = std::chrono::steady_clock::now();
    std::string head = serialize_head(response);
    FCGX_PutStr(head.data(), static_cast<int>(head.size()), raw.out);
    if (method != "HEAD")
        FCGX_PutStr(response.body.data(), static_cast<int>(response.body.size()), raw.out);
    // (libfcgi sends what is left with the end of the request, in one write.)
    auto written = std::chrono::steady_clock::now();
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    // The matched route's pattern, so hostile URLs cannot grow the metrics without bound.
    metrics.observe_request(route.empty() ? "unmatched" : route, response.status, ms / 1000);
    log::info("request", {{"rid", request_id},
                          {"method", method},
                          {"path", path},
                          {"status", response.status},
                          {"ms", ms}});
    handler.finished(route.empty() ? "unmatched" : route, request_id, response.status,
                     written - started, written - writing);
}

// No replies are coalesced on a FastCGI connection: an answer over libfcgi's 8 KiB buffer
// is several writes, and Nagle would hold the last one until nginx acknowledges the first.
void disable_nagle(int fd, const sockaddr_storage& peer) {
    if (peer.ss_family != AF_INET && peer.ss_family != AF_INET6) return;
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

// libfcgi reads and writes a connection with blocking calls: a peer that stops in the middle
// of a record (or stops reading an answer) would hold the worker, and every other connection
// it keeps, for as long as it likes. With these, such a call fails after `timeout` and the
// connection is dropped.
void bound_reads_and_writes(int fd, std::chrono::milliseconds timeout) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    timeval limit{static_cast<time_t>(seconds.count()),
                  static_cast<suseconds_t>((timeout - seconds).count() * 1000)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
}

// One worker: accepts connections while it has room, and serves one request at a time from
// whichever of its connections nginx sent one on. Once told to stop (or recycled after
// max_requests) it accepts nothing more, answers what arrives on its kept connections and
// closes each once idle, so nginx is not left holding a connection nobody reads.
class Worker {
  public:
    Worker(int listen_fd, const Lane& lane, const PoolSettings& settings, WorkerHandler& handler,
           int stop_fd, SharedMetrics& metrics, Seat seat)
        : listen_fd_(listen_fd),
          stop_fd_(stop_fd),
          lane_(lane),
          settings_(settings),
          handler_(handler),
          metrics_(metrics),
          seat_(seat) {
        // Stop signals are only delivered inside ppoll. Anywhere else they would interrupt
        // libfcgi's reads and writes halfway through a request.
        sigprocmask(SIG_SETMASK, nullptr, &waiting_);
        sigdelset(&waiting_, SIGTERM);
        sigdelset(&waiting_, SIGINT);
        sigdelset(&waiting_, SIGABRT);
    }

    void run() {
        seat_.board.mark_accepting(seat_.slot);
        for (;;) {
            if (accepting_ && settings_.max_requests > 0 && served_ >= settings_.max_requests) {
                log::info("worker_recycled", {{"requests", served_}});
                start_draining();
            }
            if (!accepting_) {
                close_idle_connections();
                if (connections_.empty() || Clock::now() >= drain_deadline_) return;
            }
            if (!wait_and_serve()) return;
            handler_.between_requests();
        }
    }

  private:
    // One ppoll over the listening socket, the stop pipe and every kept connection; serves
    // each connection that has a request. Returns false when the worker must exit at once.
    bool wait_and_serve() {
        std::vector<pollfd>& fds = poll_set_;  // kept across rounds: no allocation a request
        fds.clear();
        const bool listening = accepting_ && connections_.size() < kMaxConnections;
        if (accepting_) fds.push_back({stop_fd_, POLLIN, 0});
        if (listening) fds.push_back({listen_fd_, POLLIN, 0});
        const std::size_t first_connection = fds.size();
        for (auto& connection : connections_) fds.push_back({connection->fd(), POLLIN, 0});
        timespec timeout = accepting_ ? timespec{1, 0} : until_next_idle_close();
        int ready = ppoll(fds.data(), fds.size(), &timeout, &waiting_);
        if (ready < 0 && errno != EINTR) {
            log::error("worker_poll_failed", {{"errno", errno}});
            return false;
        }
        if (ready <= 0) return true;
        // When a connection is ready, ppoll returns without delivering a stop signal that
        // arrived during the previous request (the kernel only delivers it on EINTR): under
        // steady load the worker would never stop. Look for it before accepting more.
        if (accepting_ && (fds[0].revents != 0 || stop_signal_pending())) start_draining();
        // Requests already sent on kept connections are answered even when stopping: nginx
        // wrote them, and closing the connection now would fail them.
        for (std::size_t i = first_connection; i < fds.size(); ++i) {
            auto& connection = *connections_[i - first_connection];
            if (fds[i].revents != 0 && connection.open()) serve_next(connection);
        }
        std::erase_if(connections_, [](const auto& connection) { return !connection->open(); });
        if (listening && accepting_ && (fds[1].revents & POLLIN) != 0) accept_connection();
        return true;
    }

    void accept_connection() {
        sockaddr_storage peer{};
        socklen_t length = sizeof peer;
        // The listening socket is non-blocking: when another worker won the race for this
        // connection, accept fails with EAGAIN and we go back to waiting.
        int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED)
                log::error("worker_accept_failed", {{"errno", errno}});
            return;
        }
        disable_nagle(fd, peer);
        bound_reads_and_writes(fd, settings_.read_timeout);
        connections_.push_back(std::make_unique<Connection>(fd));
        metrics_.add("fastcgi_connections_total");
    }

    // Reads the request nginx sent on `connection` and answers it. A connection nginx
    // closed (or that broke the protocol) is closed by libfcgi and then dropped.
    void serve_next(Connection& connection) {
        FCGX_Request& request = connection.request();
        if (FCGX_Accept_r(&request) < 0) {
            if (request.ipcFd >= 0) close(request.ipcFd);
            request.ipcFd = -1;
            return;
        }
        if (!lane_.keep_connections) request.keepConnection = 0;
        serve_one(request, settings_, handler_, ids_, metrics_, seat_,
                  [this, &connection] { hang_up_all_but(connection); });
        ++served_;
        connection.last_used = Clock::now();
        connection.reused_by_nginx = true;
    }

    // The request on `busy` is about to wait on something slow (an upstream service). A request
    // nginx sends on one of this worker's other kept connections would wait with it, so they go
    // back: nginx drops a closed idle connection from its cache, and retries a request it had
    // already sent on one (a failure on a cached connection is retried; the routes that wait
    // are GETs). A connection that has not carried a request yet stays: nginx opened it for a
    // request it is sending now, and would answer that request 502 rather than retry it.
    // New connections go to other workers while this one waits.
    void hang_up_all_but(const Connection& busy) {
        for (auto& connection : connections_) {
            if (connection.get() == &busy || !connection->open() || !connection->reused_by_nginx)
                continue;
            connection->hang_up();
            metrics_.add("fastcgi_connections_released_total");
        }
    }

    void start_draining() {
        accepting_ = false;
        drain_deadline_ = Clock::now() + kDrainLimit;
    }

    void close_idle_connections() {
        auto now = Clock::now();
        std::erase_if(connections_, [&](const auto& connection) {
            return now - connection->last_used >= kDrainIdle || now >= drain_deadline_;
        });
    }

    timespec until_next_idle_close() const {
        auto next = drain_deadline_;
        for (const auto& connection : connections_)
            next = std::min(next, connection->last_used + kDrainIdle);
        auto wait = std::max(next - Clock::now(), Clock::duration::zero());
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait);
        auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(wait - seconds);
        return timespec{static_cast<time_t>(seconds.count()),
                        static_cast<long>(nanoseconds.count())};
    }

    const int listen_fd_;
    const int stop_fd_;
    const Lane& lane_;
    const PoolSettings& settings_;
    WorkerHandler& handler_;
    SharedMetrics& metrics_;
    Seat seat_;
    sigset_t waiting_{};
    RequestIds ids_;
    std::vector<std::unique_ptr<Connection>> connections_;
    std::vector<pollfd> poll_set_;
    bool accepting_ = true;
    Clock::time_point drain_deadline_{};
    long served_ = 0;
};

}  // namespace

void run_worker(int listen_fd, const Lane& lane, const PoolSettings& settings,
                WorkerHandler& handler, int stop_fd, SharedMetrics& metrics, Seat seat) {
    Worker(listen_fd, lane, settings, handler, stop_fd, metrics, seat).run();
}

}  // namespace cv::fcgi
