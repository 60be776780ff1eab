// The foundation over the real thing: nginx → FastCGI pool → PostgreSQL.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>

#include "fastcgi_client.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// Loops GET /healthz in a thread, counting answers that are not 200.
class SteadyLoad {
  public:
    explicit SteadyLoad(std::string path = "/healthz")
        : path_(std::move(path)), thread_([this] { loop(); }) {}
    ~SteadyLoad() { stop(); }
    void stop() {
        running_ = false;
        if (thread_.joinable()) thread_.join();
    }
    long sent() const { return sent_; }
    long failed() const { return failed_; }
    std::string first_failure() const { return first_failure_; }

  private:
    void loop() {
        HttpClient client;
        while (running_) {
            auto r = client.get(path_);
            ++sent_;
            if (r.status != 200) {
                if (failed_++ == 0)
                    first_failure_ = std::to_string(r.status) +
                                     " curl=" + std::to_string(r.curl_code) + " " + r.body;
            }
        }
    }
    std::string path_;
    std::atomic<bool> running_{true};
    std::atomic<long> sent_{0}, failed_{0};
    std::string first_failure_;  // written by the load thread, read after stop()
    std::thread thread_;
};

// The number of main-lane workers once it settles (they are forked one after another).
size_t settled_worker_count(size_t expected) {
    wait_until([&] { return stack().worker_pids("main").size() == expected; }, kPatience);
    return stack().worker_pids("main").size();
}

// Whether none of `pids` is a worker of the pool any more.
bool all_gone(const std::vector<pid_t>& pids) {
    auto now = stack().worker_pids();
    return std::none_of(pids.begin(), pids.end(), [&](pid_t pid) {
        return std::find(now.begin(), now.end(), pid) != now.end();
    });
}

// Waits until `load` has sent `more` requests besides those it had sent so far.
bool sends_more(const SteadyLoad& load, long more) {
    long from = load.sent();
    return wait_until([&] { return load.sent() >= from + more; }, kPatience);
}

// Niceness of a process: field 19 of /proc/<pid>/stat, the 17th after the command's ')'.
int niceness(pid_t pid) {
    std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 0; i < 17; ++i) fields >> field;
    return std::stoi(field);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(foundation)

BOOST_AUTO_TEST_CASE(healthz_reports_the_database) {
    HttpClient client;
    auto r = client.get("/healthz");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == R"({"database":"ok","status":"ok"})");
    BOOST_TEST(r.header("content-type") == "application/json; charset=utf-8");
    BOOST_TEST(r.header("strict-transport-security").find("max-age=") != std::string::npos);
    BOOST_TEST(r.header("x-content-type-options") == "nosniff");
}

BOOST_AUTO_TEST_CASE(unknown_path_and_wrong_method_are_json) {
    HttpClient client;
    auto missing = client.get("/api/no-such-route");
    BOOST_TEST(missing.status == 404);
    BOOST_TEST(missing.body == R"({"error":"Not found"})");
    auto wrong = client.request("DELETE", "/api/users/connected");
    BOOST_TEST(wrong.status == 405);
    BOOST_TEST(wrong.body == R"({"error":"Method not allowed"})");
    BOOST_TEST(wrong.header("allow") == "GET, HEAD");
}

BOOST_AUTO_TEST_CASE(head_is_get_without_body) {
    HttpClient client;
    auto r = client.request("HEAD", "/healthz");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.empty());
    BOOST_TEST(r.header("content-length") == "31");
}

BOOST_AUTO_TEST_CASE(oversized_body_is_413_json_and_not_buffered) {
    HttpClient client;
    std::string big(70 * 1024, 'x');
    auto r = client.request("POST", "/login", "{\"username\":\"" + big + "\"}",
                            {"Content-Type: application/json"});
    BOOST_TEST(r.status == 413);
    BOOST_TEST(r.json()["error"].asString() == "Request body too large");
}

BOOST_AUTO_TEST_CASE(http_redirects_to_https) {
    auto r = run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                  "http://localhost:" + std::to_string(stack().http_port()) + "/profil?x=1",
                  "--resolve", "localhost:" + std::to_string(stack().http_port()) + ":127.0.0.1"});
    BOOST_TEST(r.output ==
               "301 https://localhost:" + std::to_string(stack().https_port()) + "/profil?x=1");
}

BOOST_AUTO_TEST_CASE(request_log_lines_are_structured_and_carry_the_request_id) {
    LogWatch api_log;
    LogWatch access_log(stack().dir() + "/log/nginx-access.log");
    HttpClient client;
    auto r = client.request("GET", "/healthz", "", {"X-Test-Marker: yes"});
    BOOST_TEST(r.status == 200);
    BOOST_REQUIRE(api_log.wait_for({"event=request", "path=/healthz"}));
    auto line = api_log.lines({"event=request", "path=/healthz"}).front();
    for (const char* field : {"ts=", "rid=", "pid=", "method=", "path=", "status=", "ms="}) {
        BOOST_TEST(line.find(field) != std::string::npos, field << " in " << line);
    }
    // The request id is nginx's: the same on both sides.
    BOOST_REQUIRE(access_log.wait_for({"\"GET /healthz\""}));
    auto access = access_log.lines({"\"GET /healthz\""}).front();
    auto rid = [](const std::string& text) {
        auto at = text.find("rid=") + 4;
        return text.substr(at, text.find(' ', at) - at);
    };
    BOOST_TEST(rid(line).size() == 32u, line);
    BOOST_TEST(rid(line) == rid(access), line << "\n" << access);
}

BOOST_AUTO_TEST_CASE(password_hashing_has_its_own_lane_and_cannot_hold_up_other_routes) {
    auto hashing = stack().worker_pids("hashing");
    BOOST_TEST(hashing.size() == static_cast<size_t>(Stack::kHashingWorkers));
    for (pid_t pid : hashing) BOOST_TEST(niceness(pid) == 10);
    for (const char* lane : {"main", "catalogue"}) {
        for (pid_t pid : stack().worker_pids(lane)) BOOST_TEST(niceness(pid) == 0);
    }
    BOOST_TEST(stack().worker_pids("main").size() == 4u);

    // Every hashing worker frozen, as if busy with a flood of logins: a registration waits
    // for its lane while the other routes are answered as usual.
    std::string body = registration("lane" + std::to_string(getpid()));
    std::atomic<long> registered{0};
    std::jthread registering;  // joined after the thaw, whatever happens
    Frozen frozen(hashing);
    registering = std::jthread([&] {
        HttpClient client;
        registered = client.post_json("/register", body).status;
    });
    // In flight: nginx's connection waits on the hashing lane's socket, taken by no worker.
    BOOST_REQUIRE(wait_until(
        [] { return unix_connections_waiting(stack().dir() + "/run/api-hashing.sock") >= 1; },
        kPatience));
    HttpClient client;
    int answered = 0;
    for (int i = 0; i < 20; ++i) answered += client.get("/healthz").status == 200 ? 1 : 0;
    BOOST_TEST(
        client.get("/api/users/connected?user_id=00000000-0000-0000-0000-000000000000").status ==
        401);
    long while_frozen = registered.load();
    frozen.thaw();
    registering.join();
    BOOST_TEST(answered == 20);
    BOOST_TEST(while_frozen == 0);  // still waiting for a hashing worker
    BOOST_TEST(registered.load() == 200);

    // The worker that served it belongs to the hashing lane.
    auto served_by = logged_pids(read_file(stack().api_log()),
                                 {"event=request", "path=/register", "status=200"});
    BOOST_REQUIRE(!served_by.empty());
    BOOST_TEST((std::find(hashing.begin(), hashing.end(), served_by.back()) != hashing.end()));
}

BOOST_AUTO_TEST_CASE(nginx_keeps_its_connections_to_the_main_lane) {
    HttpClient client;
    auto accepted = [&] {
        return metric(client.get("/metrics").body, "cineverse_fastcgi_connections_total");
    };
    long before = accepted();
    BOOST_REQUIRE(before >= 0);
    for (int i = 0; i < 30; ++i) BOOST_TEST(client.get("/healthz").status == 200);
    long opened = accepted() - before;
    BOOST_TEST(opened <= 2, opened << " connections accepted for 31 requests");
}

BOOST_AUTO_TEST_CASE(a_killed_worker_is_replaced_and_at_most_in_flight_requests_fail) {
    auto before = stack().worker_pids();
    BOOST_REQUIRE(!before.empty());
    pid_t killed = before.front();
    LogWatch log;
    SteadyLoad load;
    BOOST_TEST(sends_more(load, 10));
    kill(killed, SIGKILL);
    BOOST_TEST(log.wait_for({"event=worker_died", "worker=" + std::to_string(killed) + " "}));
    BOOST_TEST(wait_until(
        [&] { return all_gone({killed}) && stack().worker_pids().size() == before.size(); },
        kPatience));
    BOOST_TEST(sends_more(load, 10));  // after the replacement too
    load.stop();
    BOOST_TEST(load.sent() > 20);
    BOOST_TEST(load.failed() <= 1,
               "failed " << load.failed() << " of " << load.sent() << ": " << load.first_failure());
    auto after = stack().worker_pids();
    BOOST_TEST(after.size() == before.size());
    BOOST_TEST((std::find(after.begin(), after.end(), killed) == after.end()));
}

BOOST_AUTO_TEST_CASE(metrics_cover_the_whole_pool_and_stay_on_loopback) {
    HttpClient client;
    for (int i = 0; i < 10; ++i) client.get("/healthz");
    client.get("/api/trending-movies");
    client.get("/no/such/path/" + std::to_string(getpid()));
    auto r = client.get("/metrics");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.header("content-type").rfind("text/plain; version=0.0.4", 0) == 0u);
    for (const char* needle :
         {"cineverse_requests_total{route=\"/healthz\",status=\"200\"} ",
          "# TYPE cineverse_request_duration_seconds histogram",
          "cineverse_request_duration_seconds_bucket{le=\"+Inf\"} ",
          "cineverse_workers_restarted_total ", "cineverse_catalogue_cache_total{result="}) {
        BOOST_TEST(r.body.find(needle) != std::string::npos, needle);
    }
    BOOST_TEST(r.body.find("/no/such/path") == std::string::npos);  // unknown paths share a label
    HttpClient outsider;
    outsider.set_source_address("127.0.0.2");
    BOOST_TEST(outsider.get("/metrics").status == 403);
}

BOOST_AUTO_TEST_CASE(reload_under_load_fails_nothing) {
    auto before = stack().worker_pids();
    LogWatch log;
    SteadyLoad load;
    for (size_t reloads = 1; reloads <= 3; ++reloads) {
        BOOST_TEST(sends_more(load, 10));
        kill(stack().pool_pid(), SIGHUP);
        BOOST_TEST(log.wait_for({"event=pool_reloaded"}, reloads));
    }
    // The last generation has taken over from every worker there was, under load.
    BOOST_TEST(wait_until(
        [&] { return all_gone(before) && stack().worker_pids().size() == before.size(); },
        kPatience));
    BOOST_TEST(sends_more(load, 10));
    load.stop();
    BOOST_TEST(load.sent() > 30);
    BOOST_TEST(load.failed() == 0,
               "failed " << load.failed() << " of " << load.sent() << ": " << load.first_failure());
    auto after = stack().worker_pids();
    BOOST_TEST(after.size() == before.size());
    for (pid_t pid : before)
        BOOST_TEST((std::find(after.begin(), after.end(), pid) == after.end()));
}

BOOST_AUTO_TEST_CASE(recycling_after_max_requests_fails_nothing) {
    ScopedPool pool{{"CINEVERSE_MAX_REQUESTS", "5"}, {"CINEVERSE_WORKERS", "2"}};
    LogWatch log;
    HttpClient client;
    int failures = 0;
    for (int i = 0; i < 40; ++i) failures += client.get("/healthz").status == 200 ? 0 : 1;
    BOOST_TEST(failures == 0);
    // Which workers were recycled (nginx's kept connection may have sent everything to one).
    auto recycled = log.pids({"event=worker_recycled"});
    BOOST_TEST(!recycled.empty());
    // A recycled worker answers what nginx still sends on its kept connections, then leaves
    // within a second (kDrainLimit in fcgi/worker.cpp) and is replaced.
    BOOST_TEST(wait_until([&] { return all_gone(recycled); }, kPatience));
    BOOST_TEST(settled_worker_count(2) == 2u);
}

BOOST_AUTO_TEST_CASE(reload_rereads_the_configuration_file) {
    std::string file = stack().dir() + "/reload.env";
    std::ofstream(file) << "CINEVERSE_WORKERS=2\n";
    ScopedPool pool{{"CINEVERSE_CONFIG_FILE", file}};
    const size_t side_lanes =
        Stack::kHashingWorkers + Stack::kCatalogueWorkers + Stack::kJobsWorkers;
    BOOST_TEST(
        wait_until([&] { return stack().worker_pids().size() == 2 + side_lanes; }, kPatience));
    auto first = stack().worker_pids();
    std::ofstream(file) << "# more workers\nCINEVERSE_WORKERS=3\n";
    kill(pool.master_pid(), SIGHUP);
    // Every lane is reloaded: settled once the first generation has left.
    BOOST_TEST(wait_until([&] { return all_gone(first); }, kPatience));
    BOOST_TEST(settled_worker_count(3) == 3u);
    // An invalid file is refused: the pool keeps serving with what it had.
    auto second = stack().worker_pids();
    LogWatch log;
    std::ofstream(file) << "CINEVERSE_WORKERS=many\n";
    kill(pool.master_pid(), SIGHUP);
    BOOST_TEST(log.wait_for({"event=reload_refused"}));
    auto after = stack().worker_pids();
    BOOST_TEST(after.size() == 3u + side_lanes);
    BOOST_TEST((std::set<pid_t>(after.begin(), after.end()) ==
                std::set<pid_t>(second.begin(), second.end())));
    HttpClient client;
    BOOST_TEST(client.get("/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(the_pool_refuses_a_body_over_its_own_limit_without_reading_it) {
    // nginx's client_max_body_size usually answers first; the pool holds the line anyway.
    ScopedPool pool{{"CINEVERSE_BODY_LIMIT", "2k"}};
    HttpClient client;
    auto r = client.post_json(
        "/login", "{\"username\": \"" + std::string(4000, 'x') + "\", \"password\": \"y\"}");
    BOOST_TEST(r.status == 413);
    BOOST_TEST(r.body == R"({"error":"Request body too large"})");
    BOOST_TEST(
        client.post_json("/login", R"({"username": "nobody_at_all", "password": "whatever1"})")
            .status == 401);
}

BOOST_AUTO_TEST_CASE(sigterm_lets_the_in_flight_request_finish_then_exits_zero) {
    // A slow request: the catalogue with a TMDB that hangs past the client's timeout.
    const std::string tmdb_path = "/3/trending/movie/week";
    long calls_before = stack().tmdb_count(tmdb_path);
    ScopedTmdbMode hanging{R"({"mode": "hang", "delay": 4})"};
    std::atomic<long> status{0};
    std::jthread slow([&] {
        HttpClient client;
        status = client.get("/__direct/api/trending-movies?page=401").status;
    });
    // In flight: a worker has made its call and waits for TMDB's answer.
    BOOST_REQUIRE(
        wait_until([&] { return stack().tmdb_count(tmdb_path) > calls_before; }, kPatience));
    ScopedPoolStopped stopped(SIGTERM);
    slow.join();
    BOOST_TEST(status.load() == 200);
    BOOST_TEST(WIFEXITED(stopped.wait_status()));
    BOOST_TEST(WEXITSTATUS(stopped.wait_status()) == 0);
}

BOOST_AUTO_TEST_CASE(idle_workers_stop_at_once_on_sigterm) {
    // A worker still there when the drain timeout ends is killed (SIGKILL): with a short one,
    // a worker that does not leave at once shows in how it exited.
    ScopedPool pool{{"CINEVERSE_DRAIN_TIMEOUT", "5s"}};
    const size_t workers =
        4 + Stack::kHashingWorkers + Stack::kCatalogueWorkers + Stack::kJobsWorkers;
    BOOST_REQUIRE(wait_until([&] { return stack().worker_pids().size() == workers; }, kPatience));
    LogWatch log;
    int wait_status = pool.stop(SIGTERM);
    BOOST_TEST(WIFEXITED(wait_status));
    BOOST_TEST(WEXITSTATUS(wait_status) == 0);
    auto exits = log.lines({"event=worker_exited"});
    BOOST_TEST(exits.size() == workers);
    for (const auto& line : exits)
        BOOST_TEST(line.find("status=\"exit 0\"") != std::string::npos, line);
}

BOOST_AUTO_TEST_CASE(pool_down_gives_json_502) {
    ScopedPoolStopped down;
    HttpClient client;
    auto r = client.get("/healthz");
    BOOST_TEST(r.status == 502);
    BOOST_TEST(r.json()["error"].asString() == "Service unavailable");
}

BOOST_AUTO_TEST_CASE(database_restart_gives_503_then_recovers_without_restarting_the_pool) {
    HttpClient client;
    BOOST_TEST(client.get("/healthz").status == 200);
    pid_t pool = stack().pool_pid();
    {
        ScopedPostgresStopped database_down;
        // Answered, not hung on the missing server: a hang would end in the client's timeout.
        auto down = client.get("/healthz");
        BOOST_TEST(down.status == 503);
        BOOST_TEST(down.body == R"({"database":"unreachable","status":"degraded"})");
        // A well-formed session token makes /@me ask the database.
        auto me =
            client.request("GET", "/@me", "", {"Cookie: __Host-session=" + std::string(43, 'A')});
        BOOST_TEST(me.status == 503);
        BOOST_TEST(me.body == R"({"error":"Database unavailable"})");
    }
    // Every worker's first request after the restart must succeed. nginx sends one client's
    // requests on the connection it keeps, to one worker: each worker takes one directly
    // instead, the others frozen so that they cannot.
    LogWatch log;
    auto main_lane = stack().worker_pids("main");
    for (pid_t worker : main_lane) {
        std::vector<pid_t> others;
        std::copy_if(main_lane.begin(), main_lane.end(), std::back_inserter(others),
                     [&](pid_t pid) { return pid != worker; });
        Frozen frozen(others);
        auto answer = fastcgi_request(stack().dir() + "/run/api.sock", "GET", "/healthz");
        BOOST_TEST(answer.rfind("Status: 200", 0) == 0u, "worker " << worker << ": " << answer);
    }
    auto served_by = log.pids({"event=request", "path=/healthz", "status=200"});
    BOOST_TEST((std::set<pid_t>(served_by.begin(), served_by.end()) ==
                std::set<pid_t>(main_lane.begin(), main_lane.end())));
    for (int i = 0; i < 12; ++i) BOOST_TEST(client.get("/healthz").status == 200);
    BOOST_TEST(stack().pool_pid() == pool);
}

BOOST_AUTO_TEST_CASE(invalid_configuration_exits_2_naming_the_variable) {
    auto env = stack().pool_environment();
    env["CINEVERSE_WORKERS"] = "lots";
    auto r = run({CV_API_BINARY, "check-config"}, env);
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.output.find("CINEVERSE_WORKERS") != std::string::npos);
    env["CINEVERSE_WORKERS"] = "2";
    BOOST_TEST(run({CV_API_BINARY, "check-config"}, env).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(migrations_are_recorded_and_idempotent) {
    auto versions =
        stack().sql("SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations");
    BOOST_TEST(versions.find("001_accounts.sql") != std::string::npos);
    auto r = run({CV_API_BINARY, "migrate"}, stack().pool_environment());
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(
        stack().sql("SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations") ==
        versions);
}

BOOST_AUTO_TEST_CASE(concurrent_migrations_are_serialised) {
    // Two processes migrating a fresh database at once: both succeed, each migration once.
    stack().sql("DROP DATABASE IF EXISTS migrate_race");
    stack().sql("CREATE DATABASE migrate_race");
    auto env = stack().pool_environment();
    env["CINEVERSE_DATABASE_URL"] =
        "postgresql:///migrate_race?host=" + stack().dir() + "/run/pg&user=cineverse";
    RunResult a, b;
    std::thread first([&] { a = run({CV_API_BINARY, "migrate"}, env); });
    std::thread second([&] { b = run({CV_API_BINARY, "migrate"}, env); });
    first.join();
    second.join();
    BOOST_TEST(a.exit_code == 0, a.output);
    BOOST_TEST(b.exit_code == 0, b.output);
    // Each migration applied once between them, and all of them.
    std::multiset<std::string> applied;
    for (const auto& output : {a.output, b.output}) {
        std::istringstream lines(output);
        for (std::string line; std::getline(lines, line);) {
            auto at = line.find("event=migration_applied");
            if (at == std::string::npos) continue;
            at = line.find(" version=", at) + 9;
            applied.insert(line.substr(at, line.find(' ', at) - at));
        }
    }
    auto versions =
        stack().sql("SELECT string_agg(version, ' ' ORDER BY version) FROM schema_migrations");
    std::istringstream expected_versions(versions);
    std::multiset<std::string> expected{std::istream_iterator<std::string>(expected_versions),
                                        std::istream_iterator<std::string>()};
    BOOST_TEST(!expected.empty());
    BOOST_TEST((applied == expected), a.output << b.output);
}

BOOST_AUTO_TEST_CASE(nginx_configurations_pass_nginx_t) {
    auto local = run({"nginx", "-t", "-e", stack().dir() + "/log/nginx-t.log", "-p",
                      stack().dir() + "/nginx", "-c", stack().nginx_conf()});
    BOOST_TEST(local.exit_code == 0, local.output);
    // The production site, wrapped in a minimal main config, with test paths and certificate.
    namespace fs = std::filesystem;
    std::string prod_dir = stack().dir() + "/nginx-prod";
    fs::create_directories(prod_dir);
    std::string site = read_file(std::string(CV_SOURCE_DIR) + "/nginx/cineverse.conf");
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (size_t at = 0; (at = site.find(from, at)) != std::string::npos; at += to.size())
            site.replace(at, from.size(), to);
    };
    replace_all("/etc/letsencrypt/live/api.example.org/fullchain.pem", stack().certificate());
    replace_all("/etc/letsencrypt/live/api.example.org/privkey.pem",
                stack().dir() + "/tls/localhost.key");
    replace_all("/var/cache/nginx/cineverse", prod_dir + "/cache");
    replace_all("/var/log/nginx/", prod_dir + "/");
    // nginx -t binds the listen sockets: free loopback ports instead of 80 and 443.
    replace_all("listen [::]:80;", "");
    replace_all("listen [::]:443 ssl http2;", "");
    replace_all("listen [::]:443 ssl http2 default_server;", "");
    replace_all("listen 80;", "listen 127.0.0.1:" + std::to_string(free_port()) + ";");
    replace_all("listen 443 ssl", "listen 127.0.0.1:" + std::to_string(free_port()) + " ssl");
    std::ofstream(prod_dir + "/site.conf") << site;
    std::ofstream(prod_dir + "/nginx.conf")
        << "pid " << prod_dir << "/nginx.pid;\nevents {}\nhttp {\ninclude /etc/nginx/mime.types;\n"
        << "access_log " << prod_dir << "/access.log;\n"
        << "client_body_temp_path " << prod_dir << "/b; fastcgi_temp_path " << prod_dir << "/f;\n"
        << "proxy_temp_path " << prod_dir << "/p; uwsgi_temp_path " << prod_dir
        << "/u; scgi_temp_path " << prod_dir << "/s;\ninclude site.conf;\n}\n";
    // A copy of the snippets, as the package installs them: the keep-alive case edits one.
    fs::copy(std::string(CV_SOURCE_DIR) + "/nginx/snippets", prod_dir + "/snippets-cineverse",
             fs::copy_options::recursive);
    auto prod_t = [&] {
        return run({"nginx", "-t", "-e", prod_dir + "/error.log", "-p", prod_dir, "-c",
                    prod_dir + "/nginx.conf"});
    };
    auto prod = prod_t();
    BOOST_TEST(prod.exit_code == 0, prod.output);
    // And with keep-alive to the workers switched off, as docs/deployment.md describes for a
    // pool without a catalogue lane.
    std::string upstreams_path = prod_dir + "/snippets-cineverse/upstreams.conf";
    std::string upstreams = read_file(upstreams_path);
    for (std::string line :
         {"include snippets-cineverse/upstream-keepalive.conf;", "fastcgi_keep_conn on;"}) {
        BOOST_REQUIRE(upstreams.find(line) != std::string::npos);
        for (size_t at = 0; (at = upstreams.find(line, at)) != std::string::npos;
             at += line.size() + 2)
            upstreams.replace(at, line.size(), "# " + line);
    }
    std::ofstream(upstreams_path) << upstreams;
    auto without_keepalive = prod_t();
    BOOST_TEST(without_keepalive.exit_code == 0, without_keepalive.output);
}

BOOST_AUTO_TEST_CASE(systemd_units_verify) {
    namespace fs = std::filesystem;
    std::string units = stack().dir() + "/units";
    fs::create_directories(units);
    for (const char* unit : {"cineverse-api.socket", "cineverse-api.service"}) {
        std::string text = read_file(std::string(CV_SOURCE_DIR) + "/systemd/" + unit);
        // verify checks that ExecStart exists: point it at the built binary.
        for (size_t at; (at = text.find("/usr/bin/cineverse-api")) != std::string::npos;) {
            text.replace(at, 22, CV_API_BINARY);
        }
        std::ofstream(units + "/" + unit) << text;
    }
    auto r = run({"systemd-analyze", "verify", "--man=no", units + "/cineverse-api.service"},
                 {{"SYSTEMD_LOG_LEVEL", "warning"}});
    // verify prints every complaint about a unit with the unit's path.
    BOOST_TEST(r.exit_code == 0, r.output);
    BOOST_TEST(r.output.find("cineverse-api") == std::string::npos, r.output);
}

BOOST_AUTO_TEST_SUITE_END()
