// The sd_notify protocol, against a socket the test listens on as systemd would: READY=1
// only once the workers accept, RELOADING=1 then READY=1 around SIGHUP, WATCHDOG=1 at half the
// interval from the master's loop, and none while the master is stopped.
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "fastcgi_client.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// A unix datagram socket in the stack's directory: what systemd's NOTIFY_SOCKET is.
class NotifySocket {
  public:
    NotifySocket() : path_(stack().dir() + "/run/notify-" + std::to_string(getpid()) + ".sock") {
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path_.c_str());
        unlink(path_.c_str());
        BOOST_REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~NotifySocket() {
        close(fd_);
        unlink(path_.c_str());
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    const std::string& path() const { return path_; }

    // The next message, or "" when none comes within `patience`.
    std::string next(std::chrono::milliseconds patience) {
        timeval limit{static_cast<time_t>(patience.count() / 1000),
                      static_cast<suseconds_t>((patience.count() % 1000) * 1000)};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        char buffer[4096];
        ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }
    // Messages until one contains `wanted` (included), within `patience`.
    std::vector<std::string> until(const std::string& wanted, std::chrono::milliseconds patience) {
        std::vector<std::string> seen;
        auto deadline = std::chrono::steady_clock::now() + patience;
        while (std::chrono::steady_clock::now() < deadline) {
            std::string message = next(200ms);
            if (message.empty()) continue;
            seen.push_back(message);
            if (message.find(wanted) != std::string::npos) break;
        }
        return seen;
    }

  private:
    std::string path_;
    int fd_ = -1;
};

bool has(const std::vector<std::string>& messages, const std::string& wanted) {
    for (const auto& message : messages) {
        if (message.find(wanted) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(supervisor)

BOOST_AUTO_TEST_CASE(the_pool_speaks_sd_notify_to_its_service_manager) {
    NotifySocket notify;
    int port = free_port();
    auto env = stack().pool_environment();
    env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(port);
    env.erase("CINEVERSE_HASHING_LISTEN");
    env.erase("CINEVERSE_CATALOGUE_LISTEN");
    env["CINEVERSE_WORKERS"] = "2";
    env["NOTIFY_SOCKET"] = notify.path();
    env["WATCHDOG_USEC"] = "400000";  // WATCHDOG=1 every 200 ms
    OwnedProcess pool(
        spawn_logged({CV_API_BINARY, "serve"}, env, stack().dir() + "/log/notify-pool.log"));

    // READY=1 comes once the workers accept: a request right after it is answered.
    auto start = notify.until("READY=1", 30s);
    BOOST_REQUIRE(has(start, "READY=1"));
    BOOST_TEST(fastcgi_request(port, "GET", "/healthz").rfind("Status: 200", 0) == 0u);
    BOOST_TEST(has(notify.until("STATUS=", 5s), "main 0 busy, 2 idle"));

    // The watchdog is fed from the master's loop.
    int fed = 0;
    auto deadline = std::chrono::steady_clock::now() + 1500ms;
    while (std::chrono::steady_clock::now() < deadline)
        fed += notify.next(300ms).find("WATCHDOG=1") != std::string::npos ? 1 : 0;
    BOOST_TEST(fed >= 3, fed << " WATCHDOG=1 in 1.5 s");

    // A reload is announced, and ready again once the new workers accept.
    kill(pool.pid(), SIGHUP);
    auto reload = notify.until("READY=1", 30s);
    BOOST_TEST(has(reload, "RELOADING=1"));
    BOOST_TEST(reload.back().find("READY=1") != std::string::npos);
    bool reloading_first = false;
    for (const auto& message : reload) {
        if (message.find("RELOADING=1") != std::string::npos) reloading_first = true;
        if (message.find("READY=1") != std::string::npos) break;
    }
    BOOST_TEST(reloading_first);

    // A master that is stopped sends nothing: systemd's watchdog would then restart it.
    kill(pool.pid(), SIGSTOP);
    while (!notify.next(100ms).empty()) {
    }  // what was sent before the stop
    BOOST_TEST(notify.next(1s).empty());
    kill(pool.pid(), SIGCONT);
    BOOST_TEST(has(notify.until("WATCHDOG=1", 5s), "WATCHDOG=1"));

    kill(pool.pid(), SIGTERM);
    BOOST_TEST(has(notify.until("STOPPING=1", 10s), "STOPPING=1"));
}

BOOST_AUTO_TEST_SUITE_END()
