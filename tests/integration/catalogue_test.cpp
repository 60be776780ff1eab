// The twenty catalogue routes against the fake TMDB: pass-through, the shared cache, single
// flight, every upstream failure, restarts, and nginx's cache in front.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "catalogue/lists.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/json.hpp"
#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// The fixture file the fake serves for a list (the demo catalogue's layout).
std::string fixture_path(const cv::catalogue::CatalogueList& list) {
    std::string base = std::string(CV_SOURCE_DIR) + "/demo/tmdb/3" + list.tmdb_path;
    if (list.fixed_query.empty()) return base + ".json";
    return base + "/" + list.fixed_query.substr(list.fixed_query.find('=') + 1) + ".json";
}

Json::Value fixture_results(const cv::catalogue::CatalogueList& list) {
    return (*cv::json::parse(read_file(fixture_path(list))))["results"];
}

const cv::catalogue::CatalogueList& trending_movies() {
    return cv::catalogue::catalogue_lists().front();
}

// Each test uses its own `page` values so that neither cache remembers another test.
int fresh_page() {
    static std::atomic<int> page{100};
    return ++page;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(every_route_returns_the_tmdb_results_unchanged) {
    BOOST_TEST(cv::catalogue::catalogue_lists().size() == 20u);
    HttpClient client;
    for (const auto& list : cv::catalogue::catalogue_lists()) {
        auto r = client.get(list.route);
        BOOST_TEST(r.status == 200, list.route);
        BOOST_TEST(r.json() == fixture_results(list), list.route);
        BOOST_TEST(r.json().size() >= 12u, list.route);
        BOOST_TEST(r.header("cache-control").rfind("public, max-age=", 0) == 0u);
        BOOST_TEST(!r.header("x-cache").empty());
    }
}

BOOST_AUTO_TEST_CASE(the_tmdb_call_carries_the_genre_page_language_and_key) {
    HttpClient client;
    auto r = client.get("/__direct/api/discover-western-movies?page=2&language=fr-FR");
    BOOST_TEST(r.status == 200);
    auto last = run({"curl", "-s",
                     "http://127.0.0.1:" + std::to_string(stack().tmdb_port()) +
                         "/__control/last?path=/3/discover/movie"});
    auto seen = cv::json::parse(last.output);
    BOOST_REQUIRE(seen.has_value());
    std::string query = (*seen)["query"].asString();
    for (const char* part :
         {"with_genres=37", "page=2", "language=fr-FR", "api_key=test-api-key-not-a-secret"}) {
        BOOST_TEST(query.find(part) != std::string::npos, part << " in " << query);
    }
}

BOOST_AUTO_TEST_CASE(second_request_within_the_ttl_does_not_reach_tmdb) {
    stack().tmdb_reset();
    HttpClient client;
    std::string path = "/__direct/api/trending-tv?page=" + std::to_string(fresh_page());
    auto first = client.get(path);
    auto second = client.get(path);
    BOOST_TEST(first.header("x-cache") == "MISS");
    BOOST_TEST(second.header("x-cache") == "HIT");
    BOOST_TEST(first.body == second.body);
    BOOST_TEST(stack().tmdb_count("/3/trending/tv/week") == 1);
}

BOOST_AUTO_TEST_CASE(fifty_concurrent_first_requests_reach_tmdb_once) {
    stack().tmdb_reset();
    stack().tmdb_mode(R"({"mode": "slow", "delay": 0.3})");
    std::string path = "/__direct/api/discover-comedy-movies?page=" + std::to_string(fresh_page());
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&] {
            HttpClient client;
            if (client.get(path).status == 200) ++ok;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(ok.load() == 50);
    BOOST_TEST(stack().tmdb_count("/3/discover/movie") == 1);
    stack().tmdb_reset();
}

BOOST_AUTO_TEST_CASE(each_upstream_failure_serves_the_stale_answer_or_an_empty_list) {
    const char* modes[] = {
        R"({"mode": "error500"})",
        R"({"mode": "unauthorized"})",
        R"({"mode": "ratelimit", "retry_after": 2})",
        R"({"mode": "invalid_json"})",
        R"({"mode": "no_results"})",
        R"({"mode": "close"})",
        R"({"mode": "hang", "delay": 5})",
    };
    stack().tmdb_reset();
    HttpClient client;
    std::vector<int> warm_pages, cold_pages;
    Json::Value expected = fixture_results(trending_movies());
    for (size_t i = 0; i < std::size(modes); ++i) {
        warm_pages.push_back(fresh_page());
        cold_pages.push_back(fresh_page());
        auto r =
            client.get("/__direct/api/trending-movies?page=" + std::to_string(warm_pages.back()));
        BOOST_TEST(r.header("x-cache") == "MISS");
    }
    std::this_thread::sleep_for(3500ms);  // the test pool's TTL is 3 s
    for (size_t i = 0; i < std::size(modes); ++i) {
        stack().tmdb_mode(modes[i]);
        auto stale =
            client.get("/__direct/api/trending-movies?page=" + std::to_string(warm_pages[i]));
        BOOST_TEST(stale.status == 200, modes[i]);
        BOOST_TEST(stale.header("x-cache") == "STALE", modes[i]);
        BOOST_TEST(stale.json() == expected, modes[i]);
        BOOST_TEST(stale.seconds < 3.0, modes[i] << " took " << stale.seconds);
        auto cold =
            client.get("/__direct/api/trending-movies?page=" + std::to_string(cold_pages[i]));
        BOOST_TEST(cold.status == 200, modes[i]);
        BOOST_TEST(cold.body == "[]", modes[i]);
        stack().tmdb_reset();
    }
}

BOOST_AUTO_TEST_CASE(rate_limited_tmdb_is_not_hammered) {
    stack().tmdb_reset();
    stack().tmdb_mode(R"({"mode": "ratelimit", "retry_after": 30})");
    HttpClient client;
    std::string path = "/__direct/api/discover-war-movies?page=" + std::to_string(fresh_page());
    for (int i = 0; i < 10; ++i) BOOST_TEST(client.get(path).status == 200);
    BOOST_TEST(stack().tmdb_count("/3/discover/movie") == 1);
    stack().tmdb_reset();
}

BOOST_AUTO_TEST_CASE(a_hanging_tmdb_holds_a_request_no_longer_than_the_timeout) {
    stack().tmdb_mode(R"({"mode": "hang", "delay": 20, "path": "/3/discover/movie"})");
    std::atomic<double> hung_seconds{0};
    std::thread hung([&] {
        HttpClient client;
        hung_seconds =
            client.get("/__direct/api/discover-music-movies?page=" + std::to_string(fresh_page()))
                .seconds;
    });
    std::this_thread::sleep_for(200ms);
    HttpClient other;
    auto meanwhile =
        other.get("/__direct/api/trending-movies?page=" + std::to_string(fresh_page()));
    BOOST_TEST(meanwhile.status == 200);
    BOOST_TEST(meanwhile.seconds < 1.0);
    hung.join();
    stack().tmdb_reset();
    BOOST_TEST(hung_seconds.load() < 1.5 + 1.0);  // the test pool's TMDB timeout + a margin
}

BOOST_AUTO_TEST_CASE(tmdb_calls_have_their_own_lane_and_hold_up_no_database_route) {
    // Every catalogue worker waits on a hanging TMDB, and one more request queues for them.
    // nginx keeps its connections to the main lane, whose workers answer everything else.
    auto catalogue_lane = stack().worker_pids("catalogue");
    BOOST_REQUIRE(catalogue_lane.size() == static_cast<size_t>(Stack::kCatalogueWorkers));
    auto log_before = read_file(stack().api_log()).size();
    stack().tmdb_mode(R"({"mode": "hang", "delay": 20, "path": "/3/discover/movie"})");
    std::vector<std::thread> hung;
    std::atomic<int> hung_answered{0};
    std::vector<std::string> hung_outcomes(Stack::kCatalogueWorkers + 1);
    for (int i = 0; i <= Stack::kCatalogueWorkers; ++i) {
        hung.emplace_back([&, i] {
            HttpClient client;
            auto path = "/__direct/api/discover-music-movies?page=" + std::to_string(fresh_page());
            auto answer = client.get(path);
            hung_outcomes[i] = std::to_string(answer.status) + " after " +
                               std::to_string(answer.seconds) + " s: " + answer.body.substr(0, 80);
            hung_answered += answer.status == 200 ? 1 : 0;
        });
    }
    std::this_thread::sleep_for(300ms);
    HttpClient client;
    double slowest = 0;
    int answered = 0;
    for (int i = 0; i < 30; ++i) {
        auto r = client.get("/api/users/connected?user_id=00000000-0000-0000-0000-000000000000");
        answered += r.status == 401 ? 1 : 0;
        slowest = std::max(slowest, r.seconds);
    }
    int busy_while_answering = hung_answered.load();
    for (auto& t : hung) t.join();
    stack().tmdb_reset();
    BOOST_TEST(answered == 30);
    BOOST_TEST(slowest < 0.5, slowest << " s");  // the TMDB timeout is 1.5 s
    BOOST_TEST(busy_while_answering == 0);       // the catalogue lane was still waiting
    std::string outcomes;
    for (const auto& outcome : hung_outcomes) outcomes += "\n  " + outcome;
    // The empty-list fallback, for the one that queued too.
    BOOST_TEST(hung_answered.load() == Stack::kCatalogueWorkers + 1, outcomes);

    auto log = read_file(stack().api_log()).substr(log_before);
    auto main_lane = stack().worker_pids("main");
    auto in = [](const std::vector<pid_t>& lane, pid_t pid) {
        return std::find(lane.begin(), lane.end(), pid) != lane.end();
    };
    auto catalogue_served = logged_pids(log, {"event=request", "path=/api/discover-music-movies"});
    BOOST_TEST(catalogue_served.size() == static_cast<size_t>(Stack::kCatalogueWorkers + 1));
    for (pid_t pid : catalogue_served) BOOST_TEST(in(catalogue_lane, pid), pid);
    auto database_served = logged_pids(log, {"event=request", "path=/api/users/connected"});
    BOOST_TEST(database_served.size() == 30u);
    for (pid_t pid : database_served) BOOST_TEST(in(main_lane, pid), pid);
}

BOOST_AUTO_TEST_CASE(the_cache_survives_a_restart_of_the_pool) {
    stack().tmdb_reset();
    stack().stop_pool();
    stack().start_pool({{"CINEVERSE_CACHE_TTL", "60s"}});
    HttpClient client;
    std::string path = "/__direct/api/discover-drama-movies?page=" + std::to_string(fresh_page());
    BOOST_TEST(client.get(path).header("x-cache") == "MISS");
    stack().stop_pool();
    stack().start_pool({{"CINEVERSE_CACHE_TTL", "60s"}});
    auto after = client.get(path);
    BOOST_TEST(after.header("x-cache") == "HIT");
    BOOST_TEST(after.json().size() >= 12u);
    BOOST_TEST(stack().tmdb_count("/3/discover/movie") == 1);
    stack().stop_pool();
    stack().start_pool();
}

BOOST_AUTO_TEST_CASE(invalid_page_or_language_is_400) {
    HttpClient client;
    for (const char* query :
         {"page=0", "page=501", "page=abc", "page=1.5", "page=", "page=-1", "language=french",
          "language=FR", "language=fr_FR", "language=fr-fr"}) {
        auto r = client.get(std::string("/api/trending-movies?") + query);
        BOOST_TEST(r.status == 400, query);
        BOOST_TEST(r.json()["error"].isString(), query);
    }
    BOOST_TEST(client.get("/api/trending-movies?page=500&language=fr").status == 200);
}

BOOST_AUTO_TEST_CASE(nginx_cache_serves_repeated_hits_without_a_worker) {
    HttpClient client;
    std::string path = "/api/discover-family-movies?page=" + std::to_string(fresh_page());
    auto first = client.get(path);
    auto second = client.get(path);
    BOOST_TEST(first.header("x-proxy-cache") == "MISS");
    BOOST_TEST(second.header("x-proxy-cache") == "HIT");
    BOOST_TEST(first.body == second.body);
}

BOOST_AUTO_TEST_CASE(demo_catalogue_has_all_twenty_lists_through_the_client) {
    // The same client code as for the real TMDB, pointed at the fake serving the demo files.
    cv::catalogue::TmdbSettings settings;
    settings.base_url = "http://127.0.0.1:" + std::to_string(stack().tmdb_port()) + "/3";
    cv::catalogue::TmdbClient tmdb(settings);
    for (const auto& list : cv::catalogue::catalogue_lists()) {
        auto result = tmdb.fetch(list.tmdb_path, list.fixed_query);
        BOOST_TEST(result.ok, list.route);
        auto results = cv::json::parse(result.results);
        BOOST_TEST((results && results->isArray() && results->size() >= 12u), list.route);
    }
}

BOOST_AUTO_TEST_CASE(a_v4_token_travels_as_a_bearer_header_and_never_in_the_url) {
    cv::catalogue::TmdbSettings settings;
    settings.base_url = "http://127.0.0.1:" + std::to_string(stack().tmdb_port()) + "/3";
    settings.access_token = "v4-token-for-tests";
    cv::catalogue::TmdbClient tmdb(settings);
    BOOST_TEST(tmdb.fetch("/trending/tv/week", "").ok);
    auto last = run({"curl", "-s",
                     "http://127.0.0.1:" + std::to_string(stack().tmdb_port()) +
                         "/__control/last?path=/3/trending/tv/week"});
    auto seen = cv::json::parse(last.output);
    BOOST_REQUIRE(seen.has_value());
    BOOST_TEST((*seen)["authorization"].asString() == "Bearer v4-token-for-tests");
    BOOST_TEST((*seen)["query"].asString().find("v4-token") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
