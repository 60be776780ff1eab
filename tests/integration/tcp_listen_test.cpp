// The pool on TCP (host:port), spoken to with a minimal FastCGI client: the transport a
// multi-host deployment uses between nginx and app hosts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <thread>

#include "fastcgi_client.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(tcp_listen)

namespace {

// A second pool of the stack's service on a loopback TCP port, stopped by pid.
class TcpPool {
  public:
    explicit TcpPool(std::initializer_list<std::pair<std::string, std::string>> overrides) {
        auto env = stack().pool_environment();
        env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(port_);
        env.erase("CINEVERSE_HASHING_LISTEN");  // the stack's own pool holds that socket
        for (const auto& [name, value] : overrides) env[name] = value;
        pid_ = spawn_logged({CV_API_BINARY, "serve"}, env, stack().dir() + "/log/tcp-pool.log");
        for (int i = 0; i < 100; ++i) {
            if (fastcgi_request(port_, "GET", "/healthz").find("Status: 200") == 0) break;
            std::this_thread::sleep_for(50ms);
        }
    }
    ~TcpPool() {
        if (pid_ > 0) stop();
    }
    TcpPool(const TcpPool&) = delete;
    TcpPool& operator=(const TcpPool&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
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
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_second_pool_serves_fastcgi_over_tcp) {
    TcpPool pool({{"CINEVERSE_WORKERS", "2"}});
    std::string answer = fastcgi_request(pool.port(), "GET", "/healthz");
    BOOST_TEST(answer.find("Status: 200 OK") == 0u, answer);
    BOOST_TEST(answer.find(R"({"database":"ok","status":"ok"})") != std::string::npos, answer);
    BOOST_TEST(fastcgi_request(pool.port(), "GET", "/nope").find("Status: 404") == 0u);
    int status = pool.stop();
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
}

// fastcgi_keep_conn: one worker answers request after request on one connection, whatever
// the previous request left unread, while still taking other connections.
BOOST_AUTO_TEST_CASE(a_kept_connection_carries_request_after_request) {
    TcpPool pool({{"CINEVERSE_WORKERS", "1"}, {"CINEVERSE_BODY_LIMIT", "2048"}});
    FastcgiConnection kept(pool.port());
    for (int i = 0; i < 5; ++i)
        BOOST_TEST(kept.request("GET", "/healthz").find("Status: 200") == 0u, "request " << i);
    // A body the handler reads, one it never reads (GET), and one refused unread (413) that
    // spans several records and more than libfcgi's buffer: the next request still parses.
    BOOST_TEST(kept.request("POST", "/login", "{not json").find("Status: 400") == 0u);
    BOOST_TEST(kept.request("GET", "/healthz", std::string(1500, 'x')).find("Status: 200") == 0u);
    BOOST_TEST(kept.request("POST", "/login", std::string(20000, 'x')).find("Status: 413") == 0u);
    auto after = kept.request("GET", "/api/users/connected");
    BOOST_TEST(after.find("Status: 401") == 0u, after);
    BOOST_TEST(after.find(R"({"error":"disconnected"})") != std::string::npos, after);
    // The only worker holds an idle kept connection and still answers a new one.
    BOOST_TEST(fastcgi_request(pool.port(), "GET", "/healthz").find("Status: 200") == 0u);
    BOOST_TEST(kept.request("GET", "/healthz").find("Status: 200") == 0u);

    // A body too large to skip is answered, then the connection is closed.
    FastcgiConnection oversized(pool.port());
    BOOST_TEST(oversized.request("POST", "/login", std::string(200000, 'x')).find("Status: 413") ==
               0u);
    BOOST_TEST(oversized.closed_by_worker(5s));

    // Stopping closes the idle kept connection and the pool exits cleanly.
    int status = pool.stop();
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    BOOST_TEST(kept.closed_by_worker(1s));
}

BOOST_AUTO_TEST_SUITE_END()
