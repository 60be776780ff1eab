#include <fcgiapp.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <random>

#include "fcgi/log.hpp"
#include "fcgi/pool.hpp"

namespace cv::fcgi {
namespace {

// Owns one accepted FastCGI request: FCGX_Finish_r runs whatever path the code takes.
class AcceptedRequest {
  public:
    explicit AcceptedRequest(FCGX_Request& request) : request_(request) {}
    ~AcceptedRequest() { FCGX_Finish_r(&request_); }
    AcceptedRequest(const AcceptedRequest&) = delete;
    AcceptedRequest& operator=(const AcceptedRequest&) = delete;

  private:
    FCGX_Request& request_;
};

// Owns the libfcgi request structure for the worker's lifetime.
class RequestSlot {
  public:
    explicit RequestSlot(int listen_fd) { FCGX_InitRequest(&request_, listen_fd, 0); }
    ~RequestSlot() { FCGX_Free(&request_, 0); }
    RequestSlot(const RequestSlot&) = delete;
    RequestSlot& operator=(const RequestSlot&) = delete;
    FCGX_Request& get() { return request_; }

  private:
    FCGX_Request request_{};
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

Response handle_safely(const RequestHandler& handler, const Request& request) {
    try {
        return handler(request);
    } catch (const std::exception& e) {
        log::error("handler_exception", {{"rid", request.request_id()}, {"what", e.what()}});
    } catch (...) {
        log::error("handler_exception", {{"rid", request.request_id()}, {"what", "unknown"}});
    }
    return error(500, "Internal server error");
}

void serve_one(FCGX_Request& raw, const PoolSettings& settings, const RequestHandler& handler,
               RequestIds& ids, SharedMetrics& metrics) {
    auto started = std::chrono::steady_clock::now();
    AcceptedRequest finish_guard(raw);
    Response response;
    std::string method = "?";
    std::string path = "?";
    std::string request_id;
    bool routed = true;
    try {
        Request request = Request::from_params(
            view_params(raw.envp), [in = raw.in](size_t length) { return read_body(in, length); });
        if (request.request_id().empty()) request.set_request_id(ids.next());
        method = request.method();
        path = request.path();
        request_id = request.request_id();
        // Refused before a byte of the body is read.
        if (request.content_length().value_or(0) > settings.body_limit) {
            response = error(413, "Request body too large");
        } else {
            response = handle_safely(handler, request);
        }
    } catch (const MalformedRequest& e) {
        if (request_id.empty()) request_id = ids.next();
        response = error(400, e.what());
        routed = false;
    }
    // Head and body go to libfcgi's buffer separately: the body is never copied twice.
    std::string head = serialize_head(response);
    FCGX_PutStr(head.data(), static_cast<int>(head.size()), raw.out);
    if (method != "HEAD")
        FCGX_PutStr(response.body.data(), static_cast<int>(response.body.size()), raw.out);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    // Unknown paths share one label, so hostile URLs cannot grow the metrics without bound.
    metrics.observe_request(routed && response.status != 404 ? path : "unmatched", response.status,
                            ms / 1000);
    log::info("request", {{"rid", request_id},
                          {"method", method},
                          {"path", path},
                          {"status", response.status},
                          {"ms", ms}});
}

bool stop_pending() {
    sigset_t pending;
    sigpending(&pending);
    return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
}

}  // namespace

void run_worker(int listen_fd, const PoolSettings& settings, const RequestHandler& handler,
                int stop_fd, SharedMetrics& metrics) {
    RequestSlot slot(listen_fd);
    RequestIds ids;
    long served = 0;
    // Stop signals are only delivered inside ppoll. Anywhere else they would interrupt
    // libfcgi, which drops a freshly accepted unix-socket connection when its select(2)
    // sees EINTR: nginx would answer 502 during a reload.
    sigset_t waiting;
    sigprocmask(SIG_SETMASK, nullptr, &waiting);
    sigdelset(&waiting, SIGTERM);
    sigdelset(&waiting, SIGINT);
    const timespec tick{1, 0};
    while (settings.max_requests == 0 || served < settings.max_requests) {
        // Wait on both the listening socket and the stop pipe: a worker idle here stops at
        // once on SIGTERM, which a worker blocked inside accept(2) would not.
        pollfd fds[2] = {{listen_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
        int ready = ppoll(fds, 2, &tick, &waiting);
        if (ready < 0 && errno != EINTR) {
            log::error("worker_poll_failed", {{"errno", errno}});
            return;
        }
        if (fds[1].revents != 0) return;
        if (ready <= 0 || (fds[0].revents & POLLIN) == 0) continue;
        // When a connection is ready, ppoll returns without delivering a stop signal that
        // arrived during the previous request (the kernel only delivers it on EINTR): under
        // steady load the worker would never stop. Look for it before taking more work.
        if (stop_pending()) return;
        // The listening socket is non-blocking: when another worker won the race for this
        // connection, accept fails with EAGAIN and we go back to waiting.
        int rc = FCGX_Accept_r(&slot.get());
        if (rc < 0) {
            if (-rc == EAGAIN || -rc == EWOULDBLOCK || -rc == EINTR || -rc == ECONNABORTED)
                continue;
            log::error("worker_accept_failed", {{"rc", rc}});
            return;
        }
        serve_one(slot.get(), settings, handler, ids, metrics);
        ++served;
    }
    log::info("worker_recycled", {{"requests", served}});
}

}  // namespace cv::fcgi
