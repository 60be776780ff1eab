#pragma once
// A second pool of the stack's service on a loopback TCP port, spoken to with the FastCGI
// client and stopped by pid.
#include <signal.h>

#include <chrono>
#include <initializer_list>
#include <string>
#include <utility>

#include "fastcgi_client.hpp"
#include "stack.hpp"

namespace cv::it {

class TcpPool {
  public:
    using Overrides = std::initializer_list<std::pair<std::string, std::string>>;

    // One lane (the stack's own pool holds the side lanes' sockets and runs the jobs);
    // `overrides` on top of the stack's environment; output in the stack's log directory
    // under `log_name`.
    explicit TcpPool(Overrides overrides, const std::string& log_name = "tcp-pool.log") {
        auto env = stack().pool_environment();
        env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(port_);
        env.erase("CINEVERSE_HASHING_LISTEN");
        env.erase("CINEVERSE_CATALOGUE_LISTEN");
        // The stack's pool runs the background jobs; a second jobs lane would take some of
        // them and call TMDB on its own schedule.
        env["CINEVERSE_JOBS_WORKERS"] = "0";
        for (const auto& [name, value] : overrides) env[name] = value;
        pid_ = spawn_logged({CV_API_BINARY, "serve"}, env, stack().dir() + "/log/" + log_name);
        ready_ = wait_until(
            [&] { return fastcgi_request(port_, "GET", "/healthz").rfind("Status: 200", 0) == 0; },
            std::chrono::seconds(20));
    }
    ~TcpPool() {
        if (pid_ > 0) stop();
    }
    TcpPool(const TcpPool&) = delete;
    TcpPool& operator=(const TcpPool&) = delete;

    int port() const { return port_; }
    // Whether /healthz answered 200 within 20 s of the start.
    bool ready() const { return ready_; }
    // SIGTERM; the exit status.
    int stop() {
        kill(pid_, SIGTERM);
        int status = reap(pid_, std::chrono::seconds(20));
        pid_ = -1;
        return status;
    }

  private:
    int port_ = free_port();
    pid_t pid_ = -1;
    bool ready_ = false;
};

}  // namespace cv::it
