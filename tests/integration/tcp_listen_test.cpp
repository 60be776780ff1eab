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
#include "tcp_pool.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(tcp_listen)

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
