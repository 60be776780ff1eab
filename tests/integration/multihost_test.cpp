// Beyond one VPS: two independent pools (two "hosts" on loopback ports), PgBouncer in
// transaction pooling in front of PostgreSQL, and one nginx balancing both.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "fastcgi_client.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"
#include "tcp_pool.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// A host's lanes, each on its own loopback TCP port.
struct HostPorts {
    int main = free_port();
    int hashing = free_port();
    int catalogue = free_port();
};

// "127.0.0.1:<a's port> 127.0.0.1:<b's port>" for one lane: render-nginx's *FASTCGI values.
std::string both(const HostPorts& a, const HostPorts& b, int HostPorts::*lane) {
    return "127.0.0.1:" + std::to_string(a.*lane) + " 127.0.0.1:" + std::to_string(b.*lane);
}

class MultiHost {
  public:
    MultiHost() : dir_(stack().dir() + "/multihost") {
        std::filesystem::create_directories(dir_ + "/log");
        std::filesystem::create_directories(dir_ + "/run");
        pgbouncer_port_ = free_port();
        std::ofstream(dir_ + "/userlist.txt") << "\"cineverse\" \"\"\n";
        std::ofstream(dir_ + "/pgbouncer.ini")
            << "[databases]\ncineverse = host=" << stack().dir()
            << "/run/pg dbname=cineverse user=cineverse\n"
            << "[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = " << pgbouncer_port_
            << "\nunix_socket_dir =\n"
            << "auth_type = trust\nauth_file = " << dir_
            << "/userlist.txt\npool_mode = transaction\n"
            << "max_client_conn = 200\ndefault_pool_size = 8\nlogfile = " << dir_
            << "/log/pgbouncer.log\n"
            << "pidfile = " << dir_ << "/run/pgbouncer.pid\n";
        pgbouncer_ = OwnedProcess(spawn_logged({"/usr/sbin/pgbouncer", dir_ + "/pgbouncer.ini"}, {},
                                               dir_ + "/log/pgbouncer.out"));
        start_host_a();
        host_b_ = start_host(ports_b_, "b");
        https_port_ = free_port();
        auto rendered = run({std::string(CV_SOURCE_DIR) + "/scripts/render-nginx"},
                            {{"CINEVERSE_API", CV_API_BINARY},
                             {"STATE", dir_},
                             {"HTTPS_PORT", std::to_string(https_port_)},
                             {"HTTP_PORT", std::to_string(free_port())},
                             {"DEMO_PORT", std::to_string(free_port())},
                             {"FASTCGI", both(ports_a_, ports_b_, &HostPorts::main)},
                             {"HASHING_FASTCGI", both(ports_a_, ports_b_, &HostPorts::hashing)},
                             {"CATALOGUE_FASTCGI", both(ports_a_, ports_b_, &HostPorts::catalogue)},
                             {"CERT", stack().certificate()},
                             {"CERT_KEY", stack().dir() + "/tls/localhost.key"}});
        BOOST_REQUIRE_MESSAGE(rendered.exit_code == 0, rendered.output);
        nginx_ = OwnedProcess(spawn_logged({"nginx", "-e", dir_ + "/log/nginx-error.log", "-p",
                                            dir_ + "/nginx", "-c", dir_ + "/nginx/nginx.conf"},
                                           {}, dir_ + "/log/nginx.out"),
                              SIGQUIT);
        BOOST_REQUIRE(wait_until(
            [&] { return HttpClient(base_url()).get("/healthz").status == 200; }, kPatience));
    }

    std::string base_url() const { return "https://localhost:" + std::to_string(https_port_); }
    int host_a_port() const { return ports_a_.main; }
    int host_a_hashing_port() const { return ports_a_.hashing; }
    int host_b_port() const { return ports_b_.main; }
    std::string host_a_log() const { return dir_ + "/log/host-a.log"; }

    void start_host_a() { host_a_ = start_host(ports_a_, "a"); }

    // Host A's workers of one lane: freezing them stops them in their tracks, and whatever
    // nginx sends that lane of host A is then in flight, accepted by the kernel but never
    // answered.
    std::vector<pid_t> host_a_workers(const std::string& lane) const {
        std::vector<pid_t> workers;
        for (pid_t worker : children(host_a_.pid())) {
            if (read_file("/proc/" + std::to_string(worker) + "/comm") == "cv-" + lane + "\n")
                workers.push_back(worker);
        }
        return workers;
    }

    // The whole host at once: master and workers, as a machine that loses power. The
    // workers are listed before anything dies (a dead master has no children to list) and
    // the master is stopped first, so that it forks no replacement in between: a worker
    // left behind would hold the host's sockets and the requests in them.
    void kill_host_a() {
        kill(host_a_.pid(), SIGSTOP);
        auto workers = children(host_a_.pid());
        for (pid_t worker : workers) kill(worker, SIGKILL);
        host_a_.stop(SIGKILL);
    }

  private:
    static std::vector<pid_t> children(pid_t master) {
        std::ifstream in("/proc/" + std::to_string(master) + "/task/" + std::to_string(master) +
                         "/children");
        std::vector<pid_t> pids;
        for (pid_t pid; in >> pid;) pids.push_back(pid);
        return pids;
    }

    // A host: its three lanes, each on a TCP port.
    OwnedProcess start_host(const HostPorts& ports, const std::string& name) {
        auto env = stack().pool_environment();
        env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(ports.main);
        env["CINEVERSE_HASHING_LISTEN"] = "127.0.0.1:" + std::to_string(ports.hashing);
        env["CINEVERSE_CATALOGUE_LISTEN"] = "127.0.0.1:" + std::to_string(ports.catalogue);
        env["CINEVERSE_WORKERS"] = "2";
        env["CINEVERSE_DATABASE_URL"] =
            "postgresql://cineverse@127.0.0.1:" + std::to_string(pgbouncer_port_) + "/cineverse";
        env["CINEVERSE_DATABASE_PREPARED"] = "off";  // PgBouncer in transaction mode
        OwnedProcess host(
            spawn_logged({CV_API_BINARY, "serve"}, env, dir_ + "/log/host-" + name + ".log"));
        BOOST_REQUIRE(wait_until(
            [&] {
                return fastcgi_request(ports.main, "GET", "/healthz").rfind("Status: 200", 0) == 0;
            },
            kPatience));
        return host;
    }

    std::string dir_;
    int pgbouncer_port_ = 0, https_port_ = 0;
    HostPorts ports_a_, ports_b_;
    // Stopped in the reverse order, even when the constructor fails halfway: nginx first,
    // PgBouncer last.
    OwnedProcess pgbouncer_, host_a_, host_b_, nginx_;
};

std::string header_of(const std::string& answer, const std::string& name) {
    auto at = answer.find(name + ": ");
    if (at == std::string::npos) return "";
    auto start = at + name.size() + 2;
    return answer.substr(start, answer.find("\r\n", start) - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multihost)

BOOST_AUTO_TEST_CASE(two_pools_behind_one_nginx_through_pgbouncer) {
    MultiHost hosts;
    std::string tag = std::to_string(getpid());

    // A session opened through host A is valid on host B.
    auto registered =
        fastcgi_request(hosts.host_a_port(), "POST", "/register", registration("mh_a_" + tag));
    BOOST_REQUIRE_MESSAGE(registered.rfind("Status: 200", 0) == 0, registered);
    std::string cookie = header_of(registered, "Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    auto me_on_b =
        fastcgi_request(hosts.host_b_port(), "GET", "/@me", "", {{"HTTP_COOKIE", cookie}});
    BOOST_TEST(me_on_b.rfind("Status: 200", 0) == 0u, me_on_b);

    // A catalogue answer cached by A is served by B without calling TMDB.
    stack().tmdb_reset();
    auto on_a = fastcgi_request(hosts.host_a_port(), "GET", "/api/trending-tv?page=333");
    BOOST_TEST(header_of(on_a, "X-Cache") == "MISS");
    auto on_b = fastcgi_request(hosts.host_b_port(), "GET", "/api/trending-tv?page=333");
    BOOST_TEST(header_of(on_b, "X-Cache") == "HIT");
    BOOST_TEST(stack().tmdb_count("/3/trending/tv/week") == 1);

    // Keep-alive to the hosts: nginx sends request after request on the connections it
    // keeps, instead of a connect, accept and close each time.
    auto connections_accepted = [&] {
        long total = 0;
        for (int port : {hosts.host_a_port(), hosts.host_b_port()}) {
            auto metrics = fastcgi_request(port, "GET", "/metrics");
            const std::string series = "\ncineverse_fastcgi_connections_total ";
            auto at = metrics.find(series);
            if (at != std::string::npos) total += std::stol(metrics.substr(at + series.size()));
        }
        return total;
    };
    long accepted_before = connections_accepted();
    HttpClient sequential(hosts.base_url());
    for (int i = 0; i < 40; ++i) BOOST_TEST(sequential.get("/healthz").status == 200);
    long opened = connections_accepted() - accepted_before - 2;  // 2: the metrics reads
    BOOST_TEST(opened >= 0);
    BOOST_TEST(opened <= 4, opened << " connections for 40 requests over 2 hosts");

    // POSTs in flight on a host that dies fail cleanly: never retried elsewhere, never twice.
    // nginx shares the registrations between the hosts; those sent to A wait on its frozen
    // hashing workers until A dies.
    constexpr int kPosts = 8;
    std::vector<std::string> names;
    std::vector<std::atomic<long>> statuses(kPosts);
    std::vector<std::jthread> posts;  // joined after the thaw, whatever happens
    Frozen host_a_hashing(hosts.host_a_workers("hashing"));
    for (int i = 0; i < kPosts; ++i) names.push_back("mh_post_" + tag + "_" + std::to_string(i));
    for (int i = 0; i < kPosts; ++i) {
        posts.emplace_back([&, i] {
            HttpClient client(hosts.base_url());
            statuses[i] = client.post_json("/register", registration(names[i])).status;
        });
    }
    // Every POST is placed: answered by host B, or sent to host A, whose kernel holds it
    // unread for the frozen workers.
    auto answered = [&] {
        return std::count_if(statuses.begin(), statuses.end(),
                             [](const std::atomic<long>& status) { return status.load() != 0; });
    };
    BOOST_TEST(wait_until(
        [&] {
            auto on_host_a = tcp_connections_unread(hosts.host_a_hashing_port());
            return on_host_a >= 1 && answered() + on_host_a == kPosts;
        },
        kPatience));
    hosts.kill_host_a();
    for (auto& t : posts) t.join();
    int failed = 0;
    for (int i = 0; i < kPosts; ++i) {
        std::string rows =
            stack().sql("SELECT count(*) FROM users WHERE username = '" + names[i] + "'");
        if (statuses[i] == 200) {
            BOOST_TEST(rows == "1", names[i]);
        } else {
            ++failed;
            BOOST_TEST(statuses[i] == 502, names[i] << ": " << statuses[i]);
            BOOST_TEST(rows == "0", names[i]);
        }
    }
    std::string seen;
    for (const auto& status : statuses) seen += " " + std::to_string(status.load());
    BOOST_TEST(failed >= 1, "no POST was in flight on host A; statuses:" << seen);

    // Killing host A entirely during a steady GET load fails no GET.
    const std::string connected =
        "/api/users/connected?user_id=00000000-0000-0000-0000-000000000000";
    LogWatch host_a_log(hosts.host_a_log());
    hosts.start_host_a();
    // nginx gives a failed server another try after fail_timeout: until then host A gets
    // nothing from it.
    HttpClient probe(hosts.base_url());
    BOOST_TEST(wait_until(
        [&] {
            probe.get(connected);
            return host_a_log.count({"event=request", "path=/api/users/connected"}) >= 1;
        },
        kPatience + std::chrono::seconds(5)));
    std::atomic<bool> running{true};
    std::atomic<long> sent{0}, errors{0};
    LogWatch load_on_host_a(hosts.host_a_log());
    std::jthread load([&] {
        HttpClient client(hosts.base_url());
        while (running) {
            ++sent;
            if (client.get(connected).status != 401) ++errors;
        }
    });
    ScopeGuard stop_load([&] { running = false; });
    // Host A takes its share of the load when it dies.
    BOOST_TEST(load_on_host_a.wait_for({"event=request", "path=/api/users/connected"}, 10));
    hosts.kill_host_a();
    long sent_at_the_kill = sent.load();
    BOOST_TEST(wait_until([&] { return sent.load() >= sent_at_the_kill + 50; }, kPatience));
    running = false;
    load.join();
    BOOST_TEST(sent.load() > 50);
    BOOST_TEST(errors.load() == 0, errors.load() << " of " << sent.load());
}

BOOST_AUTO_TEST_CASE(a_streaming_replica_serves_the_reads_that_tolerate_lag) {
    std::string dir = stack().dir() + "/replica";
    std::filesystem::create_directories(dir + "/run");
    std::filesystem::permissions(dir + "/run", std::filesystem::perms::owner_all);
    int replica_port = free_port();
    auto backup =
        run({stack().pg_bin("pg_basebackup"), "-h", stack().dir() + "/run/pg", "-U", "cineverse",
             "-D", dir + "/data", "-R", "-X", "stream", "--checkpoint=fast"});
    BOOST_REQUIRE_MESSAGE(backup.exit_code == 0, backup.output);
    auto pg_ctl = [&](const std::string& action) {
        return run({stack().pg_bin("pg_ctl"), "-D", dir + "/data", "-w", "-l", dir + "/replica.log",
                    "-o",
                    "-c port=" + std::to_string(replica_port) +
                        " -c listen_addresses='' -c unix_socket_directories='" + dir +
                        "/run' -c hot_standby=on -c max_connections=200",
                    action});
    };
    auto started = pg_ctl("start");
    ScopeGuard stop_replica([&] { pg_ctl("stop"); });  // a no-op once the test has stopped it
    BOOST_REQUIRE_MESSAGE(started.exit_code == 0,
                          started.output << read_file(dir + "/replica.log"));
    auto on_replica = [&](const std::string& query) {
        return run({stack().pg_bin("psql"), "-X", "-tA", "-h", dir + "/run", "-p",
                    std::to_string(replica_port), "-U", "cineverse", "-d", "cineverse", "-c",
                    query});
    };

    TcpPool pool(
        {{"CINEVERSE_WORKERS", "1"},
         {"CINEVERSE_DATABASE_REPLICA_URL", "postgresql:///cineverse?host=" + dir + "/run&port=" +
                                                std::to_string(replica_port) + "&user=cineverse"}},
        "replica-pool.log");
    BOOST_REQUIRE(pool.ready());
    const int port = pool.port();
    auto register_user = [&](const std::string& name) {
        auto answer = fastcgi_request(port, "POST", "/register", registration(name));
        std::string cookie = header_of(answer, "Set-Cookie");
        auto id_at = answer.find("\"id\":\"") + 6;
        return std::make_pair(cookie.substr(0, cookie.find(';')), answer.substr(id_at, 36));
    };
    auto connected = [&](const std::string& id) {
        return fastcgi_request(port, "GET", "/api/users/connected?user_id=" + id).substr(0, 11);
    };
    std::string tag = std::to_string(getpid());
    auto [first_cookie, first_id] = register_user("rep_first_" + tag);
    BOOST_TEST(wait_until([&] { return connected(first_id) == "Status: 200"; }, kPatience));

    // With replay paused on the replica, a new user is known to the primary (its session
    // works) but not yet to users/connected, which reads the replica.
    BOOST_REQUIRE(on_replica("SELECT pg_wal_replay_pause()").exit_code == 0);
    auto [cookie, id] = register_user("rep_lagging_" + tag);
    BOOST_TEST(fastcgi_request(port, "GET", "/@me", "", {{"HTTP_COOKIE", cookie}})
                   .rfind("Status: 200", 0) == 0u);
    BOOST_TEST(connected(id) == "Status: 401");
    BOOST_REQUIRE(on_replica("SELECT pg_wal_replay_resume()").exit_code == 0);
    BOOST_TEST(wait_until([&] { return connected(id) == "Status: 200"; }, kPatience));

    // The replica down: the same reads fall back to the primary.
    BOOST_REQUIRE(pg_ctl("stop").exit_code == 0);
    BOOST_TEST(connected(first_id) == "Status: 200");
}

BOOST_AUTO_TEST_SUITE_END()
