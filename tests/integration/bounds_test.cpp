// Bounded in time and space, over the real stack: no request outlives its deadline, no write
// lands after its client was told it failed, and no anonymous client grows what we store.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/json.hpp"
#include "fastcgi_client.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"
#include "tcp_pool.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

std::string unique_name(const std::string& prefix) {
    static int counter = 0;
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

std::string register_user(HttpClient& client, const std::string& name) {
    auto r = client.post_json("/register", registration(name));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()["id"].asString();
}

// A second PostgreSQL session that takes row locks and holds them until it is stopped, as
// an operator's forgotten transaction would.
class HeldLock {
  public:
    explicit HeldLock(const std::string& locking_query) {
        std::string script = stack().dir() + "/run/held-lock-" + std::to_string(++count_) + ".sql";
        std::ofstream(script) << "SET statement_timeout = 0;\n"
                                 "SET idle_in_transaction_session_timeout = 0;\n"
                                 "BEGIN;\n"
                              << locking_query << ";\nSELECT pg_sleep(60);\nCOMMIT;\n";
        pid_ = spawn_logged({stack().pg_bin("psql"), "-X", "-q", "-h", stack().dir() + "/run/pg",
                             "-U", "cineverse", "-d", "cineverse", "-v", "ON_ERROR_STOP=1", "-v",
                             "application_name=held_lock", "-f", script},
                            {{"PGAPPNAME", "held_lock"}}, stack().dir() + "/log/held-lock.log");
        // Held once the session sleeps with its transaction open.
        held_ = wait_until(
            [] {
                return stack().sql(
                           "SELECT count(*) FROM pg_stat_activity WHERE application_name "
                           "= 'held_lock' AND query LIKE 'SELECT pg_sleep%'") == "1";
            },
            15s);
    }
    ~HeldLock() { release(); }
    HeldLock(const HeldLock&) = delete;
    HeldLock& operator=(const HeldLock&) = delete;

    bool held() const { return held_; }
    // Ends the holding session (its transaction rolls back) and waits until it is gone.
    void release() {
        if (pid_ <= 0) return;
        stack().sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
            "application_name = 'held_lock'");
        reap(pid_, 10s);
        pid_ = -1;
    }

  private:
    static inline int count_ = 0;
    pid_t pid_ = -1;
    bool held_ = false;
};

long metric(HttpClient& client, const std::string& series) {
    auto text = client.get("/metrics").body;
    auto at = text.find("\n" + series + " ");
    return at == std::string::npos ? 0 : std::stol(text.substr(at + series.size() + 2));
}

std::size_t nginx_cache_entries() {
    std::size_t files = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(stack().dir() + "/nginx/cache")) {
        if (entry.is_regular_file()) ++files;
    }
    return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bounds)

BOOST_AUTO_TEST_CASE(a_locked_row_times_the_request_out_and_its_write_never_lands) {
    ScopedPool pool({{"CINEVERSE_REQUEST_TIMEOUT", "2s"}});
    HttpClient client;
    std::string id = register_user(client, unique_name("locked"));
    {
        HeldLock lock("SELECT 1 FROM users WHERE id = '" + id + "' FOR UPDATE");
        BOOST_REQUIRE(lock.held());
        auto started = std::chrono::steady_clock::now();
        auto r = client.patch_json("/modify", R"({"first_name": "Locked"})");
        BOOST_TEST(r.status == 503);
        BOOST_TEST(r.body == R"({"error":"Request timed out"})");
        // Answered by the service at its deadline, long before nginx would give up.
        BOOST_TEST((std::chrono::steady_clock::now() - started < 10s));
    }
    // The lock is gone: the refused write is not there, and the account works.
    BOOST_TEST(stack().sql("SELECT first_name FROM users WHERE id = '" + id + "'") == "Ada");
    BOOST_TEST(client.patch_json("/modify", R"({"first_name": "Free"})").status == 200);
}

BOOST_AUTO_TEST_CASE(a_locked_session_row_times_out_at_me_too) {
    ScopedPool pool({{"CINEVERSE_REQUEST_TIMEOUT", "2s"}});
    HttpClient client;
    std::string id = register_user(client, unique_name("session_locked"));
    // Seen long enough ago that @me moves its idle clock, which needs the row.
    stack().sql(
        "UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = '" + id +
        "'");
    HeldLock lock("SELECT 1 FROM sessions WHERE user_id = '" + id + "' FOR UPDATE");
    BOOST_REQUIRE(lock.held());
    auto r = client.get("/@me");
    BOOST_TEST(r.status == 503);
    BOOST_TEST(r.body == R"({"error":"Request timed out"})");
    lock.release();
    BOOST_TEST(client.get("/@me").status == 200);
}

BOOST_AUTO_TEST_CASE(a_worker_stuck_in_a_request_is_killed_and_replaced) {
    ScopedPool pool({{"CINEVERSE_REQUEST_TIMEOUT", "1s"},
                     {"CINEVERSE_TMDB_TIMEOUT", "500ms"},
                     {"CINEVERSE_REQUEST_TERMINATE_TIMEOUT", "2s"},
                     {"CINEVERSE_WORKERS", "2"}});
    HttpClient client;
    long killed_before = metric(client, "cineverse_workers_killed_total{lane=\"main\"}");
    auto main_workers = stack().worker_pids("main").size();
    // Test builds only: the header makes the worker hang as a bug would, ignoring its deadline.
    HttpClient victim;
    auto stuck = victim.request("GET", "/api/userinfo", "", {"X-Cineverse-Fault: hang"});
    // Its request is answered by nginx once the master has killed the worker.
    BOOST_TEST(stuck.status == 502);
    BOOST_TEST(stuck.json()["error"].asString() == "Service unavailable");
    auto log = read_file(stack().api_log());
    auto line = log.substr(log.rfind("event=worker_killed"));
    line = line.substr(0, line.find('\n'));
    BOOST_TEST(line.find("route=/api/userinfo") != std::string::npos, line);
    BOOST_TEST(line.find("rid=") != std::string::npos, line);
    BOOST_TEST(line.find("lane=main") != std::string::npos, line);
    BOOST_TEST(metric(client, "cineverse_workers_killed_total{lane=\"main\"}") > killed_before);
    // Replaced, and the next requests are served.
    BOOST_TEST(wait_until([&] { return stack().worker_pids("main").size() == main_workers; }, 10s));
    for (int i = 0; i < 5; ++i) BOOST_TEST(client.get("/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(a_half_sent_record_holds_the_worker_no_longer_than_the_read_deadline) {
    TcpPool pool({{"CINEVERSE_WORKERS", "1"}, {"CINEVERSE_FASTCGI_READ_TIMEOUT", "1s"}});
    BOOST_REQUIRE(pool.ready());
    // A FastCGI BEGIN_REQUEST header announcing 8 bytes, then 4 of them, then silence.
    int stalled = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(pool.port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(connect(stalled, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const unsigned char partial[] = {1, 1, 0, 1, 0, 8, 0, 0, 0, 1, 1, 0};
    BOOST_REQUIRE(write(stalled, partial, sizeof partial) == static_cast<ssize_t>(sizeof partial));
    // The only worker is busy reading it; a full request on another connection waits for
    // the read deadline, then is answered.
    auto started = std::chrono::steady_clock::now();
    std::string answer = fastcgi_request(pool.port(), "GET", "/healthz");
    BOOST_TEST(answer.rfind("Status: 200", 0) == 0u, answer);
    BOOST_TEST((std::chrono::steady_clock::now() - started < 8s));  // not until the peer leaves
    // And the stalled connection was dropped by the worker.
    char byte;
    timeval limit{5, 0};
    setsockopt(stalled, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    BOOST_TEST(read(stalled, &byte, 1) == 0);
    close(stalled);
}

BOOST_AUTO_TEST_CASE(catalogue_keys_are_bounded_whatever_clients_send) {
    HttpClient client;
    BOOST_REQUIRE(client.get("/api/discover-war-movies").status == 200);
    auto rows = [] { return std::stol(stack().sql("SELECT count(*) FROM catalogue_cache")); };
    long before = rows();
    std::size_t cached_before = nginx_cache_entries();
    // 500 distinct well-formed languages that are not ours: refused, nothing stored.
    for (int i = 0; i < 500; ++i) {
        std::string language = std::string(1, static_cast<char>('a' + i % 26)) +
                               static_cast<char>('a' + (i / 26) % 26) + "-" +
                               static_cast<char>('A' + i % 23) + static_cast<char>('B' + i % 19);
        if (language == "fr-FR" || language == "en-US") continue;
        auto r = client.get("/api/discover-war-movies?language=" + language);
        BOOST_TEST_REQUIRE(r.status == 400, language);
    }
    BOOST_TEST(rows() == before);
    // 500 junk parameters: one answer, one cache row and one nginx entry for them all.
    for (int i = 0; i < 500; ++i) {
        auto r =
            client.get("/api/discover-war-movies?zz" + std::to_string(i) + "=" + std::to_string(i));
        BOOST_TEST_REQUIRE(r.status == 200);
    }
    BOOST_TEST(rows() == before);
    BOOST_TEST(nginx_cache_entries() <= cached_before + 1);
    // The configured default language is the one TMDB is asked in.
    auto last = stack().tmdb_last_query("/3/discover/movie");
    BOOST_TEST(last.find("language=fr-FR") != std::string::npos, last);
    auto english = client.get("/api/discover-war-movies?language=en-US");
    BOOST_TEST(english.status == 200);
    auto wrong = client.get("/api/discover-war-movies?language=de-DE");
    BOOST_TEST(wrong.json()["error"].asString() == "language must be one of fr-FR, en-US");
}

BOOST_AUTO_TEST_CASE(cache_rows_nobody_asked_for_within_the_stale_limit_are_purged) {
    // The test pool purges every second (CINEVERSE_PURGE_INTERVAL).
    // A row past its stale limit (`stale_until`: fetched_at plus its kind's limit) can no
    // longer be served; one within it stays.
    stack().sql(
        "INSERT INTO catalogue_cache (key, body, fetched_at, fresh_until, stale_until) VALUES "
        "('/purge/old', '[]', now() - interval '8 days', now() - interval '8 days', now() - "
        "interval '1 day'), "
        "('/purge/recent', '[]', now() - interval '1 day', now() - interval '1 day', now() + "
        "interval '6 days')");
    BOOST_TEST(wait_until(
        [] {
            return stack().sql("SELECT count(*) FROM catalogue_cache WHERE key = '/purge/old'") ==
                   "0";
        },
        20s));
    BOOST_TEST(stack().sql("SELECT count(*) FROM catalogue_cache WHERE key = '/purge/recent'") ==
               "1");
}

BOOST_AUTO_TEST_CASE(password_changes_are_limited_per_account) {
    HttpClient client;
    std::string name = unique_name("pwlimit");
    register_user(client, name);
    BOOST_TEST(client
                   .patch_json("/modify", R"({"password": "second password",
                                             "current_password": "correct horse"})")
                   .status == 200);
    auto again = client.patch_json("/modify", R"({"password": "third password", "first_name": "T",
                                                  "current_password": "second password"})");
    BOOST_TEST(again.status == 429);
    BOOST_TEST(again.body == R"({"error":"Too many requests"})");
    BOOST_TEST(again.header("retry-after") == "60");
    // Nothing of the refused request was applied.
    HttpClient login;
    auto body = cv::json::write([&] {
        Json::Value v(Json::objectValue);
        v["username"] = name;
        v["password"] = "third password";
        return v;
    }());
    BOOST_TEST(login.post_json("/login", body).status == 401);
    BOOST_TEST(stack().sql("SELECT first_name FROM users WHERE username = '" + name + "'") ==
               "Ada");
}

BOOST_AUTO_TEST_CASE(modify_is_rate_limited_per_address) {
    HttpClient client;
    client.set_source_address("127.0.0.2");  // not on the allowlist, unlike 127.0.0.1
    register_user(client, unique_name("modflood"));
    int limited = 0;
    for (int i = 0; i < 20; ++i) {
        auto r = client.patch_json("/modify", R"({"last_name": "Flood"})");
        if (r.status == 429) {
            ++limited;
            BOOST_TEST(r.json()["error"].asString() == "Too many requests");
        }
    }
    BOOST_TEST(limited > 0);
}

BOOST_AUTO_TEST_CASE(several_session_cookies_are_refused_as_ambiguous) {
    HttpClient client;
    register_user(client, unique_name("twocookies"));
    std::string token = client.cookie("__Host-session");
    BOOST_REQUIRE(!token.empty());
    HttpClient bare;
    for (const std::string& header :
         {"Cookie: __Host-session=junk; __Host-session=" + token,
          "Cookie: __Host-session=" + token + "; __Host-session=junk",
          "Cookie: __Host-session=" + token + "; __Host-session=" + token}) {
        for (const char* path : {"/@me", "/api/userinfo", "/api/watchlist"}) {
            auto r = bare.request("GET", path, "", {header});
            BOOST_TEST(r.status == 400, path << " " << header);
            BOOST_TEST(r.json()["error"].asString() == "Ambiguous session cookie", path);
        }
    }
    BOOST_TEST(bare.request("GET", "/@me", "", {"Cookie: __Host-session=" + token}).status == 200);
}

BOOST_AUTO_TEST_CASE(a_logout_closes_every_session_it_names) {
    HttpClient first, second;
    std::string name = unique_name("twologout");
    register_user(first, name);
    auto body = std::string(R"({"username": ")") + name + R"(", "password": "correct horse"})";
    BOOST_REQUIRE(second.post_json("/login", body).status == 200);
    std::string one = first.cookie("__Host-session");
    std::string two = second.cookie("__Host-session");
    BOOST_REQUIRE(!one.empty() && !two.empty() && one != two);
    HttpClient bare;
    auto out = bare.request("POST", "/logout", "{}",
                            {"Content-Type: application/json",
                             "Cookie: __Host-session=" + one + "; __Host-session=" + two});
    BOOST_TEST(out.status == 200);
    BOOST_TEST(out.json()["isconnected"].asBool() == false);
    BOOST_TEST(first.get("/@me").status == 401);
    BOOST_TEST(second.get("/@me").status == 401);
}

BOOST_AUTO_TEST_CASE(a_twenty_first_login_ends_the_least_recently_used_session) {
    std::string name = unique_name("many");
    HttpClient first;
    register_user(first, name);
    std::vector<std::unique_ptr<HttpClient>> others;
    auto body = std::string(R"({"username": ")") + name + R"(", "password": "correct horse"})";
    for (int i = 0; i < 20; ++i) {
        others.push_back(std::make_unique<HttpClient>());
        BOOST_TEST_REQUIRE(others.back()->post_json("/login", body).status == 200);
    }
    BOOST_TEST(stack().sql("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE u.username = '" +
                           name + "'") == "20");
    BOOST_TEST(first.get("/@me").status == 401);  // the least recently used
    for (auto& client : others) BOOST_TEST(client->get("/@me").status == 200);
}

BOOST_AUTO_TEST_CASE(the_redirect_to_https_ignores_a_forged_host) {
    auto r = run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "-H",
                  "Host: evil.example",
                  "http://127.0.0.1:" + std::to_string(stack().http_port()) + "/connexion"});
    BOOST_TEST(r.output ==
               "301 https://localhost:" + std::to_string(stack().https_port()) + "/connexion");
}

BOOST_AUTO_TEST_CASE(errors_nginx_makes_itself_on_api_paths_are_json) {
    HttpClient client;
    client.use_http1();
    auto nul = client.get("/api/userinfo%00");
    BOOST_TEST(nul.status == 400);
    BOOST_TEST(nul.header("content-type").rfind("application/json", 0) == 0u, nul.body);
    BOOST_TEST(nul.json()["error"].isString());
    HttpClient outsider;
    outsider.set_source_address("127.0.0.2");
    auto forbidden = outsider.get("/metrics");
    BOOST_TEST(forbidden.status == 403);
    BOOST_TEST(forbidden.json()["error"].asString() == "Forbidden");
    auto huge = client.request("GET", "/api/userinfo", "", {"X-Huge: " + std::string(40000, 'a')});
    BOOST_TEST(huge.status >= 400);
    BOOST_TEST(huge.status < 500);
    BOOST_TEST(huge.header("content-type").rfind("application/json", 0) == 0u, huge.body);
    auto encoding = client.request("POST", "/login", "x", {"Transfer-Encoding: gzip"});
    BOOST_TEST(encoding.status == 501);
    BOOST_TEST(encoding.header("content-type").rfind("application/json", 0) == 0u, encoding.body);
}

BOOST_AUTO_TEST_SUITE_END()
