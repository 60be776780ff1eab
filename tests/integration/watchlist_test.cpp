// Keeping a film, and leaving, over the real stack: the watchlist's contract, its limit under
// concurrency, and an account deleted with everything of it.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>

#include "core/json.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

constexpr const char* kNosferatu = "900006";
constexpr const char* kSeries = "950003";

std::string unique_name(const std::string& prefix) {
    static int counter = 0;
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

// A registered, signed-in client; its user's id in `id`.
std::string sign_up(HttpClient& client, const std::string& name) {
    auto r = client.post_json("/register", registration(name));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()["id"].asString();
}

HttpResult put(HttpClient& client, const std::string& what) {
    return client.request("PUT", "/api/watchlist/" + what);
}
HttpResult remove(HttpClient& client, const std::string& what) {
    return client.request("DELETE", "/api/watchlist/" + what);
}

// The header carrying the client's session, for other clients to send at the same time.
std::string session_header(HttpClient& client) {
    return "Cookie: __Host-session=" + client.cookie("__Host-session");
}

// Runs task(0) … task(n − 1) on n threads at once and waits for them all.
template <typename Task>
void in_parallel(int n, const Task& task) {
    std::vector<std::jthread> threads;
    for (int i = 0; i < n; ++i) threads.emplace_back(task, i);
}

long items_of(const std::string& user_id) {
    return std::stol(
        stack().sql("SELECT count(*) FROM watchlist_items WHERE user_id = '" + user_id + "'"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(watchlist)

BOOST_AUTO_TEST_CASE(add_list_and_remove_as_the_contract_says) {
    HttpClient client;
    sign_up(client, unique_name("keeper"));
    auto added = put(client, std::string("movie/") + kNosferatu);
    BOOST_REQUIRE_EQUAL(added.status, 200);
    BOOST_TEST(added.header("cache-control") == "no-store");
    auto item = added.json();
    BOOST_TEST(item["media_type"].asString() == "movie");
    BOOST_TEST(item["id"].asInt() == 900006);
    // The snapshot comes from the page, never from the client.
    BOOST_TEST(item["title"].asString() == "Nosferatu");
    BOOST_TEST(item["release_date"].asString().rfind("1922", 0) == 0u);
    BOOST_TEST(item["poster_path"].isString());
    BOOST_TEST(item["added_at"].asString().size() == 20u);  // 2026-12-01T18:40:00Z
    // Idempotent: a second PUT answers the same item, added_at kept.
    auto again = put(client, std::string("movie/") + kNosferatu);
    BOOST_TEST(again.body == added.body);
    // A series keeps its name and first air date as title and date.
    auto series = put(client, std::string("tv/") + kSeries).json();
    BOOST_TEST(series["media_type"].asString() == "tv");
    BOOST_TEST(!series["title"].asString().empty());
    auto listed = client.get("/api/watchlist");
    BOOST_TEST(listed.status == 200);
    BOOST_TEST(listed.header("cache-control") == "no-store");
    BOOST_REQUIRE(listed.json().size() == 2u);
    BOOST_TEST(listed.json()[0]["media_type"].asString() == "tv");  // newest first
    BOOST_TEST(remove(client, std::string("movie/") + kNosferatu).body == R"({"removed":true})");
    BOOST_TEST(remove(client, std::string("movie/") + kNosferatu).body == R"({"removed":false})");
    BOOST_TEST(client.get("/api/watchlist").json().size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_errors_of_the_contract) {
    HttpClient anonymous;
    for (const auto& [method, path] :
         {std::pair{"GET", "/api/watchlist"}, std::pair{"PUT", "/api/watchlist/movie/900006"},
          std::pair{"DELETE", "/api/watchlist/movie/900006"}}) {
        auto r = anonymous.request(method, path);
        BOOST_TEST(r.status == 401, method << " " << path);
        BOOST_TEST(r.json()["error"].asString() == "User not authenticated");
    }
    HttpClient client;
    std::string id = sign_up(client, unique_name("errors"));
    for (const char* bad : {"person/900006", "movie/0", "movie/abc", "movie/", "movies/900006"})
        BOOST_TEST(put(client, bad).status == 404, bad);
    auto unknown = put(client, "movie/123454321");  // unknown to TMDB
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.body == R"({"error":"Not found"})");
    // A foreign Origin is refused, and nothing is added.
    auto foreign =
        client.request("PUT", "/api/watchlist/movie/900007", "", {"Origin: https://evil.example"});
    BOOST_TEST(foreign.status == 403);
    BOOST_TEST(items_of(id) == 0);
    // TMDB failing and nothing kept: 503, and nothing added.
    {
        ScopedTmdbMode failing{R"({"mode": "error500"})"};
        auto r = put(client, "tv/950009");
        BOOST_TEST(r.status == 503);
        BOOST_TEST(r.body == R"({"error":"Catalogue unavailable"})");
    }
    BOOST_TEST(items_of(id) == 0);
}

BOOST_AUTO_TEST_CASE(concurrent_adds_of_one_item_make_one_row) {
    HttpClient client;
    std::string id = sign_up(client, unique_name("racer"));
    std::string cookie = session_header(client);
    std::atomic<int> ok{0};
    in_parallel(40, [&](int) {
        HttpClient mine;
        auto r = mine.request("PUT", "/api/watchlist/movie/900012", "", {cookie});
        if (r.status == 200) ++ok;
    });
    BOOST_TEST(ok == 40);
    BOOST_TEST(items_of(id) == 1);
}

BOOST_AUTO_TEST_CASE(the_limit_holds_under_concurrent_adds) {
    ScopedPool pool{{"CINEVERSE_WATCHLIST_MAX", "50"}};
    HttpClient client;
    std::string id = sign_up(client, unique_name("full"));
    // 40 items already (the demo's first films), then 40 distinct ones at once: exactly 10 fit.
    stack().sql(
        "INSERT INTO watchlist_items (user_id, media_type, tmdb_id, title) "
        "SELECT '" +
        id + "', 'movie', 800000 + i, 'Seeded ' || i FROM generate_series(1, 40) i");
    std::string cookie = session_header(client);
    std::atomic<int> ok{0}, full{0};
    in_parallel(40, [&](int i) {
        HttpClient mine;
        auto r =
            mine.request("PUT", "/api/watchlist/movie/" + std::to_string(900000 + i), "", {cookie});
        if (r.status == 200) ++ok;
        if (r.status == 409 && r.json()["error"].asString() == "Watchlist is full") ++full;
    });
    BOOST_TEST(ok == 10);
    BOOST_TEST(full == 30);
    BOOST_TEST(items_of(id) == 50);
}

BOOST_AUTO_TEST_CASE(the_answer_follows_every_change_to_the_items) {
    // GET joins each item's ready JSON (written with the row) with its title's offers:
    // through the API, concurrently, and by hand in SQL, it always says what the rows say.
    HttpClient client;
    std::string id = sign_up(client, unique_name("ready"));
    std::string cookie = session_header(client);
    std::atomic<int> failed{0};
    in_parallel(30, [&](int i) {
        HttpClient mine;
        auto item = "/api/watchlist/movie/" + std::to_string(900000 + i % 15);
        if (mine.request("PUT", item, "", {cookie}).status != 200) ++failed;
        if (i % 2 == 0 && mine.request("DELETE", item, "", {cookie}).status != 200) ++failed;
    });
    BOOST_TEST(failed == 0);
    auto listed = client.get("/api/watchlist").json();
    std::string keys;
    for (const auto& item : listed) {
        if (!keys.empty()) keys += ' ';
        keys += item["media_type"].asString() + ":" + item["id"].asString() + ":" +
                item["added_at"].asString();
    }
    BOOST_TEST(keys == stack().sql("SELECT string_agg(media_type || ':' || tmdb_id || ':' || "
                                   "to_char(added_at AT TIME ZONE 'UTC', "
                                   "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ' ' ORDER BY added_at "
                                   "DESC, media_type, tmdb_id) FROM watchlist_items WHERE "
                                   "user_id = '" +
                                   id + "'"));
    BOOST_TEST(static_cast<long>(listed.size()) == items_of(id));
    stack().sql("DELETE FROM watchlist_items WHERE user_id = '" + id + "'");
    BOOST_TEST(client.get("/api/watchlist").body == "[]");
    stack().sql("INSERT INTO watchlist_items (user_id, media_type, tmdb_id, title) VALUES ('" + id +
                "', 'tv', 950003, 'Seeded')");
    auto seeded = client.get("/api/watchlist").json();
    BOOST_REQUIRE(seeded.size() == 1u);
    BOOST_TEST(seeded[0]["title"].asString() == "Seeded");
}

BOOST_AUTO_TEST_CASE(two_users_lists_never_mix) {
    HttpClient ada, bob;
    sign_up(ada, unique_name("ada"));
    sign_up(bob, unique_name("bob"));
    BOOST_TEST(put(ada, "movie/900001").status == 200);
    BOOST_TEST(put(bob, "movie/900002").status == 200);
    BOOST_TEST(remove(bob, "movie/900001").body == R"({"removed":false})");
    auto adas = ada.get("/api/watchlist").json();
    BOOST_REQUIRE(adas.size() == 1u);
    BOOST_TEST(adas[0]["id"].asInt() == 900001);
    BOOST_TEST(bob.get("/api/watchlist").json()[0]["id"].asInt() == 900002);
}

BOOST_AUTO_TEST_CASE(the_list_and_modify_survive_a_pool_reload) {
    HttpClient client;
    sign_up(client, unique_name("reload"));
    BOOST_TEST(put(client, "movie/900003").status == 200);
    LogWatch log;
    kill(stack().pool_pid(), SIGHUP);
    BOOST_TEST(log.wait_for({"event=pool_reloaded"}));
    BOOST_TEST(client.get("/api/watchlist").json().size() == 1u);
    BOOST_TEST(put(client, "movie/900004").status == 200);
    BOOST_TEST(client.patch_json("/modify", R"({"first_name": "Reloaded"})").status == 200);
    BOOST_TEST(client.get("/api/watchlist").json().size() == 2u);
}

BOOST_AUTO_TEST_CASE(deleting_an_account_takes_everything_of_it) {
    HttpClient client;
    std::string name = unique_name("leaver");
    std::string id = sign_up(client, name);
    BOOST_TEST(put(client, "movie/900005").status == 200);
    HttpClient other_session;
    auto login = R"({"username": ")" + name + R"(", "password": "correct horse"})";
    BOOST_REQUIRE_EQUAL(other_session.post_json("/login", login).status, 200);
    std::string old_cookie = session_header(client);
    // A wrong password changes nothing.
    auto wrong = client.request("DELETE", "/api/account", R"({"password": "not it at all"})",
                                {"Content-Type: application/json"});
    BOOST_TEST(wrong.status == 401);
    BOOST_TEST(wrong.body == R"({"error":"Incorrect Password"})");
    BOOST_TEST(
        client.request("DELETE", "/api/account", "{}", {"Content-Type: application/json"}).status ==
        400);
    BOOST_TEST(client.get("/api/watchlist").json().size() == 1u);
    // The right one takes everything, in every table.
    auto deleted = client.request("DELETE", "/api/account", R"({"password": "correct horse"})",
                                  {"Content-Type: application/json"});
    BOOST_TEST(deleted.status == 200);
    BOOST_TEST(deleted.body == R"({"deleted":true})");
    BOOST_TEST(deleted.header("set-cookie").find("Max-Age=0") != std::string::npos);
    auto tables = stack().sql(
        "SELECT string_agg(table_name, ' ') FROM information_schema.tables WHERE table_schema = "
        "'public' AND table_type = 'BASE TABLE'");
    std::istringstream names(tables);
    for (std::string table; names >> table;) {
        auto left = stack().sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + id +
                                "%' OR t::text ILIKE '%" + name + "%'");
        BOOST_TEST(left == "0", table);
    }
    HttpClient replay;
    BOOST_TEST(replay.request("GET", "/@me", "", {old_cookie}).status == 401);
    BOOST_TEST(other_session.get("/@me").status == 401);
    HttpClient again;
    BOOST_TEST(again.post_json("/login", login).body == R"({"error":"Incorrect Login"})");
}

BOOST_AUTO_TEST_SUITE_END()
