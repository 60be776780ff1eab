// What an operator sees: the status page and `cineverse-api status`, the slow log, journald's
// priorities, and the admin commands.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <thread>

#include "core/json.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// The status page's lane of that name.
Json::Value lane_of(const Json::Value& status, const std::string& name) {
    for (const auto& lane : status["lanes"]) {
        if (lane["name"].asString() == name) return lane;
    }
    return Json::Value();
}

std::map<std::string, std::string> admin_environment() {
    auto env = stack().pool_environment();
    env["CINEVERSE_CONFIG_FILE"] = "";
    return env;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(operations)

BOOST_AUTO_TEST_CASE(the_status_page_counts_requests_held_in_flight) {
    ScopedPool pool{{"CINEVERSE_TMDB_TIMEOUT", "20s"}, {"CINEVERSE_REQUEST_TIMEOUT", "30s"}};
    ScopedTmdbMode slow{R"({"mode": "slow", "delay": 4, "path": "/3/movie/900040"})"};
    HttpClient client;
    auto before = lane_of(client.get("/status").json(), "catalogue");
    std::thread held([] { HttpClient(stack().base_url()).get("/__direct/api/movie/900040"); });
    Json::Value status;
    BOOST_TEST(wait_until(
        [&] {
            status = client.get("/status?full").json();
            return lane_of(status, "catalogue")["busy"].asInt() >= 1;
        },
        10s));
    auto catalogue = lane_of(status, "catalogue");
    BOOST_TEST(catalogue["workers"].asInt() == Stack::kCatalogueWorkers);
    BOOST_TEST(catalogue["accepted"].asUInt64() > before["accepted"].asUInt64());
    BOOST_TEST(catalogue["max_busy"].asInt() >= 1);
    BOOST_TEST(status["uptime_seconds"].isIntegral());
    BOOST_TEST(status["started"].asString().size() == 20u);
    bool seen = false;
    for (const auto& worker : status["workers"]) {
        if (worker["state"].asString() != "busy" || worker["lane"].asString() != "catalogue")
            continue;
        seen = worker["route"].asString() == "/api/movie/{id:int}";
        BOOST_TEST(worker["busy_ms"].asInt() >= 0);
        BOOST_TEST(worker["rss_kib"].asInt() > 0);
        BOOST_TEST(!worker["request_id"].asString().empty());
    }
    BOOST_TEST(seen, status);
    // The command line reads the same page through the main lane's socket.
    auto table = run({CV_API_BINARY, "status"}, admin_environment());
    BOOST_TEST(table.exit_code == 0, table.output);
    for (const char* needle : {"LANE", "main", "hashing", "catalogue", "/api/movie/{id:int}"})
        BOOST_TEST(table.output.find(needle) != std::string::npos,
                   needle << " in " << table.output);
    held.join();
    HttpClient outsider;
    outsider.set_source_address("127.0.0.2");
    BOOST_TEST(outsider.get("/status").status == 403);
}

BOOST_AUTO_TEST_CASE(a_slow_request_is_logged_once_with_where_its_time_went) {
    ScopedPool pool{{"CINEVERSE_SLOW_REQUEST", "500ms"}, {"CINEVERSE_TMDB_TIMEOUT", "5s"}};
    ScopedTmdbMode slow{R"({"mode": "slow", "delay": 1, "path": "/3/movie/900041"})"};
    LogWatch log;
    HttpClient client;
    for (int i = 0; i < 5; ++i) BOOST_TEST(client.get("/healthz").status == 200);  // quick ones
    auto r = client.get("/__direct/api/movie/900041");
    BOOST_TEST(r.status == 200);
    BOOST_REQUIRE(log.wait_for({"event=request", "path=/api/movie/900041"}));
    BOOST_REQUIRE(log.wait_for({"event=slow_request"}));
    auto lines = log.lines({"event=slow_request"});
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    const std::string& line = lines.front();
    for (const char* field : {"route=/api/movie/{id:int}", "rid=", "ms=", "database_ms=",
                              "tmdb_ms=", "hashing_ms=", "writing_ms=", "status=200"})
        BOOST_TEST(line.find(field) != std::string::npos, field << " in " << line);
    // The second went waiting on TMDB.
    auto at = line.find("tmdb_ms=") + 8;
    BOOST_TEST(std::stod(line.substr(at, line.find(' ', at) - at)) >= 900, line);
}

BOOST_AUTO_TEST_CASE(under_journald_each_line_carries_its_priority) {
    std::string log_path = stack().dir() + "/log/journal-stream.log";
    std::ofstream(log_path).close();
    struct stat file {};
    BOOST_REQUIRE(stat(log_path.c_str(), &file) == 0);
    int port = free_port();
    auto env = stack().pool_environment();
    env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(port);
    env.erase("CINEVERSE_HASHING_LISTEN");
    env.erase("CINEVERSE_CATALOGUE_LISTEN");
    env["CINEVERSE_WORKERS"] = "1";
    // What systemd sets when stderr is the journal: its device and inode.
    env["JOURNAL_STREAM"] = std::to_string(file.st_dev) + ":" + std::to_string(file.st_ino);
    OwnedProcess pool(spawn_logged({CV_API_BINARY, "serve"}, env, log_path));
    LogWatch log(log_path);
    BOOST_REQUIRE(log.wait_for({"event=pool_ready"}));
    // A worker killed: its death is a warning.
    auto workers = read_file("/proc/" + std::to_string(pool.pid()) + "/task/" +
                             std::to_string(pool.pid()) + "/children");
    kill(std::stoi(workers), SIGKILL);
    BOOST_REQUIRE(log.wait_for({"event=worker_died"}));
    for (const auto& line : LogWatch(log_path).lines({"event="})) {
        bool prefixed = line.rfind("<6>ts=", 0) == 0 || line.rfind("<4>ts=", 0) == 0 ||
                        line.rfind("<3>ts=", 0) == 0;
        BOOST_TEST(prefixed, line);
    }
    auto died = log.lines({"event=worker_died"});
    BOOST_TEST(died.front().rfind("<4>", 0) == 0u, died.front());
    auto ready = log.lines({"event=pool_ready"});
    BOOST_TEST(ready.front().rfind("<6>", 0) == 0u, ready.front());
    // Without it (a terminal, a file), lines stay as they are.
    BOOST_TEST(read_file(stack().api_log()).find("\n<6>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(admin_commands_revoke_sessions_and_purge) {
    HttpClient client;
    std::string name = "revoked" + std::to_string(getpid());
    BOOST_REQUIRE_EQUAL(client.post_json("/register", registration(name)).status, 200);
    BOOST_TEST(client.get("/@me").status == 200);
    auto revoked = run({CV_API_BINARY, "sessions", "revoke", name}, admin_environment());
    BOOST_TEST(revoked.exit_code == 0, revoked.output);
    BOOST_TEST(revoked.output.find("1 session(s) of " + name + " ended") != std::string::npos,
               revoked.output);
    BOOST_TEST(client.get("/@me").status == 401);
    auto unknown =
        run({CV_API_BINARY, "sessions", "revoke", "nobody-" + name}, admin_environment());
    BOOST_TEST(unknown.exit_code == 3, unknown.output);
    auto purged = run({CV_API_BINARY, "purge"}, admin_environment());
    BOOST_TEST(purged.exit_code == 0, purged.output);
    BOOST_TEST(purged.output.find("stale catalogue row(s) deleted") != std::string::npos);
    BOOST_TEST(run({CV_API_BINARY, "sessions"}, admin_environment()).exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
