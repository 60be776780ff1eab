// The hashing lane against a login flood (docs/benchmarks.md): its workers in a session, and
// so an autogroup, of their own at the lane's niceness; logins queued in the lane and served
// in arrival order; the lane run as a pool of its own, as a second systemd unit does.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
namespace fs = std::filesystem;

namespace {

// The children of a pool's master with that process name.
std::vector<pid_t> children_named(pid_t master, const std::string& name) {
    std::vector<pid_t> found;
    std::ifstream in("/proc/" + std::to_string(master) + "/task/" + std::to_string(master) +
                     "/children");
    for (pid_t pid; in >> pid;)
        if (read_file("/proc/" + std::to_string(pid) + "/comm") == name + "\n")
            found.push_back(pid);
    return found;
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

bool a_hashing_worker_answers() {
    HttpClient client;
    auto r = client.post_json("/login", R"({"username": "nobody_here", "password": "whatever1"})");
    return r.status == 401 && r.body == R"({"error":"Incorrect Login"})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scheduling)

BOOST_AUTO_TEST_CASE(hashing_workers_have_a_session_and_a_scheduling_group_of_their_own) {
    ScopedPool pool{{"CINEVERSE_HASHING_NICE", "10"}};
    BOOST_REQUIRE(wait_until([] { return !stack().worker_pids("hashing").empty(); }, kPatience));
    auto hashing = stack().worker_pids("hashing");
    auto main = stack().worker_pids("main");
    BOOST_REQUIRE(!main.empty());
    for (pid_t pid : hashing) {
        // setsid() before serving: the worker leads its own session, so the kernel gives it
        // an autogroup, whose niceness (the lane's) weighs it against nginx and PostgreSQL.
        BOOST_TEST(wait_until([&] { return getsid(pid) == pid; }, kPatience));
        BOOST_TEST(wait_until(
            [&] {
                return ends_with(read_file("/proc/" + std::to_string(pid) + "/autogroup"),
                                 " nice 10\n");
            },
            kPatience));
        BOOST_TEST(getpriority(PRIO_PROCESS, static_cast<id_t>(pid)) == 10);
    }
    // The main lane stays in the master's session, at full priority.
    for (pid_t pid : main) {
        BOOST_TEST(getsid(pid) == getsid(pool.master_pid()));
        BOOST_TEST(getpriority(PRIO_PROCESS, static_cast<id_t>(pid)) == 0);
    }
    BOOST_TEST(a_hashing_worker_answers());
}

BOOST_AUTO_TEST_CASE(logins_queue_in_their_lane_and_are_served_in_arrival_order) {
    // One hashing worker (the suite's pool), stopped as if busy with the first login of a
    // flood: the next logins wait on the lane's socket, and are then served first come,
    // first served (the kernel's accept queue), none refused.
    const std::string prefix = "order" + std::to_string(getpid()) + "_";
    constexpr int kLogins = 5;
    std::string expected;
    for (int i = 0; i < kLogins; ++i) {
        HttpClient client;
        BOOST_REQUIRE_EQUAL(
            client.post_json("/register", registration(prefix + std::to_string(i))).status, 200);
        expected += (i ? "," : "") + prefix + std::to_string(i);
    }
    const std::string since = stack().sql("SELECT clock_timestamp()");
    const std::string socket = stack().dir() + "/run/api-hashing.sock";
    std::vector<std::atomic<long>> statuses(kLogins);
    std::vector<std::jthread> logins;  // joined after the thaw, whatever happens
    Frozen frozen(stack().worker_pids("hashing"));
    for (int i = 0; i < kLogins; ++i) {
        logins.emplace_back([&, i] {
            HttpClient client;
            Json::Value body(Json::objectValue);
            body["username"] = prefix + std::to_string(i);
            body["password"] = "correct horse";
            statuses[i] = client.post_json("/login", cv::json::write(body)).status;
        });
        // The next login leaves only once this one waits in the lane's queue.
        BOOST_REQUIRE(
            wait_until([&] { return unix_connections_waiting(socket) == i + 1; }, kPatience));
    }
    frozen.thaw();
    for (auto& login : logins) login.join();
    for (int i = 0; i < kLogins; ++i) BOOST_TEST(statuses[i].load() == 200, "login " << i);
    // Each login opened its session in its own transaction, one after the other.
    BOOST_TEST(
        stack().sql("SELECT string_agg(u.username, ',' ORDER BY s.created_at) FROM sessions s "
                    "JOIN users u ON u.id = s.user_id WHERE u.username LIKE '" +
                    prefix + "%' AND s.created_at > '" + since + "'") == expected);
}

BOOST_AUTO_TEST_CASE(the_hashing_lane_runs_as_a_pool_of_its_own) {
    // docs/deployment.md's second unit: one pool without the hashing lane, another with only
    // that lane on its socket, which systemd can then weigh as a service of its own. nginx
    // does not change: its lane map already sends the Argon2id routes to that socket.
    ScopedPool main_pool{{"CINEVERSE_HASHING_LISTEN", "off"}};
    BOOST_TEST(stack().worker_pids("hashing").empty());
    auto env = stack().pool_environment();
    env["CINEVERSE_LISTEN"] = "off";
    env["CINEVERSE_HASHING_LISTEN"] = "unix:" + stack().dir() + "/run/api-hashing.sock";
    env.erase("CINEVERSE_CATALOGUE_LISTEN");
    const std::string log_path = stack().dir() + "/log/api-hashing-only.log";
    OwnedProcess hashing_pool(spawn_logged({CV_API_BINARY, "serve"}, env, log_path));
    LogWatch hashing_log(log_path);
    BOOST_REQUIRE(
        wait_until([&] { return fs::exists(stack().dir() + "/run/api-hashing.sock"); }, kPatience));
    BOOST_REQUIRE(wait_until(
        [&] { return !children_named(hashing_pool.pid(), "cv-hashing").empty(); }, kPatience));
    BOOST_TEST(children_named(hashing_pool.pid(), "cv-main").empty());

    const std::string name = "solo" + std::to_string(getpid());
    HttpClient client;
    BOOST_TEST(client.post_json("/register", registration(name)).status == 200);
    Json::Value body(Json::objectValue);
    body["username"] = name;
    body["password"] = "correct horse";
    auto login = client.post_json("/login", cv::json::write(body));
    BOOST_TEST(login.status == 200, login.body);
    // Served by the second pool's worker, and the session it opened is the main pool's too.
    BOOST_TEST(hashing_log.wait_for({"event=request", "path=/login", "status=200"}));
    BOOST_TEST(client.get("/@me").status == 200);
    BOOST_TEST(hashing_pool.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
