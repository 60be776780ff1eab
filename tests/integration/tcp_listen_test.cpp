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

BOOST_AUTO_TEST_CASE(a_second_pool_serves_fastcgi_over_tcp) {
    int port = free_port();
    auto env = stack().pool_environment();
    env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(port);
    env.erase("CINEVERSE_HASHING_LISTEN");  // the stack's own pool holds that socket
    env["CINEVERSE_WORKERS"] = "2";
    pid_t pool = spawn_logged({CV_API_BINARY, "serve"}, env, stack().dir() + "/log/tcp-pool.log");
    std::string answer;
    for (int i = 0; i < 100; ++i) {
        answer = fastcgi_request(port, "GET", "/healthz");
        if (answer.find("Status: 200") != std::string::npos) break;
        std::this_thread::sleep_for(50ms);
    }
    BOOST_TEST(answer.find("Status: 200 OK") == 0u, answer);
    BOOST_TEST(answer.find(R"({"database":"ok","status":"ok"})") != std::string::npos, answer);
    BOOST_TEST(fastcgi_request(port, "GET", "/nope").find("Status: 404") == 0u);
    kill(pool, SIGTERM);
    int status = reap(pool, std::chrono::seconds(20));
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
