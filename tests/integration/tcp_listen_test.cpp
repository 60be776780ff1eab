// The pool on TCP (host:port), spoken to with a minimal FastCGI client: the transport a
// multi-host deployment uses between nginx and app hosts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>
#include <thread>
#include <vector>

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
    BOOST_TEST(oversized.closed_by_worker(kPatience));

    // Stopping closes the idle kept connection and the pool exits cleanly.
    int status = pool.stop();
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    BOOST_TEST(kept.closed_by_worker(kPatience));
}

// nginx keeps up to 64 idle connections per nginx worker: one pool worker takes more than
// one nginx worker's worth, so a new connection never waits for a kept one to close.
BOOST_AUTO_TEST_CASE(one_worker_keeps_more_connections_than_one_nginx_worker_caches) {
    TcpPool pool({{"CINEVERSE_WORKERS", "1"}});
    std::vector<std::unique_ptr<FastcgiConnection>> kept;
    for (int i = 0; i < 150; ++i) kept.push_back(std::make_unique<FastcgiConnection>(pool.port()));
    int answered = 0;
    for (auto& connection : kept) {
        if (connection->request("GET", "/healthz").find("Status: 200") != 0) break;
        ++answered;
    }
    BOOST_TEST(answered == 150);
    BOOST_TEST(kept.front()->request("GET", "/healthz").find("Status: 200") == 0u);
}

// A worker about to wait on TMDB hands its other kept connections back, so that nginx sends
// nothing more on them for the whole wait (it retries elsewhere what it already sent).
BOOST_AUTO_TEST_CASE(a_worker_waiting_on_tmdb_hands_back_its_other_connections) {
    // TMDB (frozen) takes the call and answers only when the test lets it: the wait lasts
    // until then, not until a timeout. A fake of the test's own, so that the stack's workers
    // (its jobs lane calls TMDB on a schedule) neither wait on the frozen fake nor count among
    // the connections it holds.
    OwnFakeTmdb own_tmdb("fake-tmdb-tcp-pool");
    TcpPool pool({{"CINEVERSE_WORKERS", "1"},
                  {"TMDB_BASE_URL", own_tmdb.base_url()},
                  {"CINEVERSE_TMDB_TIMEOUT", "60s"},
                  {"CINEVERSE_REQUEST_TIMEOUT", "90s"}});
    const std::string accepted_series = "cineverse_fastcgi_connections_total";
    FastcgiConnection idle(pool.port());
    BOOST_TEST(idle.request("GET", "/healthz").find("Status: 200") == 0u);
    // A connection nginx has just opened for a request it has not sent yet: nginx would not
    // retry that request, so the worker keeps the connection and answers it after the wait.
    long accepted_before = metric(fastcgi_request(pool.port(), "GET", "/metrics"), accepted_series);
    FastcgiConnection opened(pool.port());
    // The only worker takes connections in the order they came: by the time it answers a
    // later one, it has accepted `opened` (counted with the later one itself).
    BOOST_REQUIRE_EQUAL(metric(fastcgi_request(pool.port(), "GET", "/metrics"), accepted_series),
                        accepted_before + 2);
    std::string waited;
    std::atomic<bool> answered{false};
    std::jthread waiting;  // joined after TMDB thaws, whatever happens
    Frozen tmdb({own_tmdb.pid()});
    waiting = std::jthread([&] {
        FastcgiConnection busy(pool.port());
        waited = busy.request("GET", "/api/discover-music-movies?page=477");
        answered = true;
    });
    // The worker's call waits at TMDB: whatever it did with its connections before the
    // call is done.
    BOOST_REQUIRE(
        wait_until([&] { return tcp_connections_unread(own_tmdb.port()) == 1; }, kPatience));
    bool handed_back = idle.closed_by_worker(kPatience);
    bool opened_kept = !opened.closed_by_worker(0ms);
    bool during_the_wait = !answered;
    tmdb.thaw();
    std::string after_the_wait = opened.request("GET", "/healthz");
    waiting.join();
    BOOST_TEST(handed_back);
    BOOST_TEST(during_the_wait);
    BOOST_TEST(opened_kept);
    BOOST_TEST(after_the_wait.find("Status: 200") == 0u, after_the_wait);
    BOOST_TEST(waited.find("Status: 200") == 0u, waited);  // once TMDB answered
    auto metrics = fastcgi_request(pool.port(), "GET", "/metrics");
    BOOST_TEST(
        metrics.find("\ncineverse_fastcgi_connections_released_total 1\n") != std::string::npos,
        metrics);
}

// systemd socket activation (systemd-socket-activate passes its sockets the way the socket
// unit does): each lane takes the socket bound to its own address, whatever the order of the
// ListenStream lines, and a socket no lane claims stops the pool instead of hanging clients.
BOOST_AUTO_TEST_CASE(socket_activation_gives_each_lane_the_socket_of_its_address) {
    const std::vector<std::pair<std::string, int>> lanes = {
        {"main", free_port()}, {"hashing", free_port()}, {"catalogue", free_port()}};
    auto address = [](int port) { return "127.0.0.1:" + std::to_string(port); };
    auto env = stack().pool_environment();
    env["CINEVERSE_LISTEN"] = address(lanes[0].second);
    env["CINEVERSE_HASHING_LISTEN"] = address(lanes[1].second);
    env["CINEVERSE_CATALOGUE_LISTEN"] = address(lanes[2].second);
    env["CINEVERSE_WORKERS"] = "1";
    env["CINEVERSE_CATALOGUE_WORKERS"] = "1";
    auto activate = [&](const std::vector<int>& ports, const std::string& log) {
        std::vector<std::string> argv = {"systemd-socket-activate"};
        for (int port : ports) argv.insert(argv.end(), {"-l", address(port)});
        for (const auto& [name, value] : env) argv.insert(argv.end(), {"-E", name + "=" + value});
        argv.insert(argv.end(), {CV_API_BINARY, "serve"});
        // It listens, then becomes the pool (exec) when the first connection arrives.
        return spawn_logged(argv, {}, log);
    };

    // The catalogue lane's socket first, the main lane's last.
    std::string log = stack().dir() + "/log/socket-activation.log";
    OwnedProcess pool(activate({lanes[2].second, lanes[1].second, lanes[0].second}, log));
    BOOST_REQUIRE(wait_until(
        [&] {
            return fastcgi_request(lanes[0].second, "GET", "/healthz").rfind("Status: 200", 0) == 0;
        },
        kPatience));
    LogWatch watch(log);
    for (const auto& [lane, port] : lanes) {
        BOOST_TEST(fastcgi_request(port, "GET", "/healthz").rfind("Status: 200", 0) == 0u, lane);
    }
    BOOST_REQUIRE(watch.wait_for({"event=request"}, lanes.size()));
    auto served_by = watch.pids({"event=request"});
    BOOST_REQUIRE(served_by.size() == lanes.size());
    for (size_t i = 0; i < lanes.size(); ++i) {
        BOOST_TEST(read_file("/proc/" + std::to_string(served_by[i]) + "/comm") ==
                       "cv-" + lanes[i].first + "\n",
                   lanes[i].first << " lane's socket answered by pid " << served_by[i]);
    }
    BOOST_TEST(read_file(log).find("listen=\"systemd socket activation\"") != std::string::npos);
    int status = pool.stop();
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0));

    // A fourth socket that no lane listens on.
    std::string refused_log = stack().dir() + "/log/socket-activation-refused.log";
    int stray = free_port();
    OwnedProcess refused(
        activate({lanes[0].second, lanes[1].second, lanes[2].second, stray}, refused_log));
    auto connects = [](int port) {  // a connection is what starts an activated pool
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<uint16_t>(port));
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bool connected = connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
        close(fd);
        return connected;
    };
    BOOST_REQUIRE(wait_until([&] { return connects(stray); }, kPatience));
    status = refused.wait();
    BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 1));
    BOOST_TEST(read_file(refused_log).find("no lane listens on") != std::string::npos,
               read_file(refused_log));
}

BOOST_AUTO_TEST_SUITE_END()
