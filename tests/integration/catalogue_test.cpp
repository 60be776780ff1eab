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
    ScopedTmdbMode slow{R"({"mode": "slow", "delay": 0.3})"};
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
    for (size_t i = 0; i < std::size(modes); ++i) {
        ScopedTmdbMode failing{modes[i]};
        LogWatch log;
        // A fresh answer is a HIT that never reaches TMDB; the first answer that is not one
        // comes once the test pool's TTL (3 s) has passed, and is the one under test.
        HttpResult stale;
        BOOST_TEST(wait_until(
            [&] {
                stale = client.get("/__direct/api/trending-movies?page=" +
                                   std::to_string(warm_pages[i]));
                return stale.header("x-cache") != "HIT";
            },
            kPatience));
        BOOST_TEST(stale.status == 200, modes[i]);
        BOOST_TEST(stale.header("x-cache") == "STALE", modes[i]);
        BOOST_TEST(stale.json() == expected, modes[i]);
        auto cold =
            client.get("/__direct/api/trending-movies?page=" + std::to_string(cold_pages[i]));
        BOOST_TEST(cold.status == 200, modes[i]);
        BOOST_TEST(cold.body == "[]", modes[i]);
        // Both asked TMDB and saw it fail; a hang ended in the timeout, not in TMDB's answer
        // (which would have been fresh, after 5 s).
        std::string problem =
            std::string(modes[i]).find("hang") != std::string::npos ? "Timeout was reached" : "";
        BOOST_TEST(log.wait_for({"event=tmdb_failed", "path=/trending/movie/week", problem}, 2),
                   modes[i] << ":\n"
                            << log.text());
    }
}

BOOST_AUTO_TEST_CASE(rate_limited_tmdb_is_not_hammered) {
    stack().tmdb_reset();
    ScopedTmdbMode rate_limited{R"({"mode": "ratelimit", "retry_after": 30})"};
    HttpClient client;
    std::string path = "/__direct/api/discover-war-movies?page=" + std::to_string(fresh_page());
    for (int i = 0; i < 10; ++i) BOOST_TEST(client.get(path).status == 200);
    BOOST_TEST(stack().tmdb_count("/3/discover/movie") == 1);
}

BOOST_AUTO_TEST_CASE(a_hanging_tmdb_holds_a_request_no_longer_than_the_timeout) {
    const std::string hanging_path = "/3/discover/movie";
    long calls_before = stack().tmdb_count(hanging_path);
    LogWatch log;
    ScopedTmdbMode hanging{R"({"mode": "hang", "delay": 20, "path": "/3/discover/movie"})"};
    HttpResult hung_answer;
    std::atomic<bool> hung_answered{false};
    std::jthread hung([&] {
        HttpClient client;
        hung_answer =
            client.get("/__direct/api/discover-music-movies?page=" + std::to_string(fresh_page()));
        hung_answered = true;
    });
    // The hung request's worker has made its call and waits for TMDB.
    BOOST_REQUIRE(
        wait_until([&] { return stack().tmdb_count(hanging_path) > calls_before; }, kPatience));
    HttpClient other;
    auto meanwhile =
        other.get("/__direct/api/trending-movies?page=" + std::to_string(fresh_page()));
    bool answered_while_hung = !hung_answered;
    hung.join();
    // The other catalogue worker answered from TMDB while the first one waited.
    BOOST_TEST(meanwhile.status == 200);
    BOOST_TEST(meanwhile.header("x-cache") == "MISS");
    BOOST_TEST(meanwhile.json() == fixture_results(trending_movies()));
    BOOST_TEST(answered_while_hung);
    auto hung_by = log.pids({"event=request", "path=/api/discover-music-movies"});
    auto other_by = log.pids({"event=request", "path=/api/trending-movies"});
    BOOST_REQUIRE(hung_by.size() == 1u);
    BOOST_REQUIRE(other_by.size() == 1u);
    BOOST_TEST(hung_by.front() != other_by.front());
    // The timeout (1.5 s in the test pool) ended the wait: the empty-list fallback, where
    // TMDB's own answer, 20 s later, would have been the fixture.
    BOOST_TEST(hung_answer.status == 200);
    BOOST_TEST(hung_answer.body == "[]");
    BOOST_TEST(
        log.count({"event=tmdb_failed", "path=/discover/movie", "Timeout was reached"}) == 1u,
        log.text());
}

BOOST_AUTO_TEST_CASE(tmdb_calls_have_their_own_lane_and_hold_up_no_database_route) {
    // Every catalogue worker waits on TMDB, and one more request queues for them. nginx
    // keeps its connections to the main lane, whose workers answer everything else. TMDB
    // (frozen) takes the calls and answers none until the test lets it: the wait lasts as
    // long as the test needs, not as long as a timeout. No jobs lane, whose scheduled calls
    // would wait at the frozen TMDB too and count among the connections it holds.
    ScopedPool pool{{"CINEVERSE_TMDB_TIMEOUT", "60s"},
                    {"CINEVERSE_REQUEST_TIMEOUT", "90s"},
                    {"CINEVERSE_JOBS_WORKERS", "0"}};
    const auto catalogue_workers = static_cast<size_t>(Stack::kCatalogueWorkers);
    BOOST_REQUIRE(wait_until(
        [&] { return stack().worker_pids("catalogue").size() == catalogue_workers; }, kPatience));
    auto catalogue_lane = stack().worker_pids("catalogue");
    LogWatch watch;
    std::atomic<int> hung_answered{0};
    std::vector<std::string> hung_outcomes(catalogue_workers + 1);
    std::vector<std::jthread> hung;  // joined after TMDB thaws, whatever happens
    Frozen tmdb({stack().tmdb_pid()});
    auto ask_catalogue = [&](size_t i) {
        hung.emplace_back([&, i] {
            HttpClient client;
            auto path = "/__direct/api/discover-music-movies?page=" + std::to_string(fresh_page());
            auto answer = client.get(path);
            hung_outcomes[i] = std::to_string(answer.status) + " after " +
                               std::to_string(answer.seconds) + " s: " + answer.body.substr(0, 80);
            hung_answered += answer.status == 200 ? 1 : 0;
        });
    };
    // One at a time, so that each is taken by a worker that is free: the call waiting at
    // TMDB shows that it was.
    for (size_t i = 0; i < catalogue_workers; ++i) {
        ask_catalogue(i);
        BOOST_REQUIRE(wait_until(
            [&] { return tcp_connections_unread(stack().tmdb_port()) == static_cast<int>(i + 1); },
            kPatience));
    }
    ask_catalogue(catalogue_workers);
    BOOST_REQUIRE(wait_until(
        [] { return unix_connections_waiting(stack().dir() + "/run/api-catalogue.sock") == 1; },
        kPatience));
    HttpClient client;
    int answered = 0;
    for (int i = 0; i < 30; ++i) {
        auto r = client.get("/api/users/connected?user_id=00000000-0000-0000-0000-000000000000");
        answered += r.status == 401 ? 1 : 0;
    }
    int busy_while_answering = hung_answered.load();
    tmdb.thaw();
    for (auto& t : hung) t.join();
    BOOST_TEST(answered == 30);
    BOOST_TEST(busy_while_answering == 0);  // the catalogue lane was still waiting
    std::string outcomes;
    for (const auto& outcome : hung_outcomes) outcomes += "\n  " + outcome;
    // Once TMDB answers, every one is answered, the one that queued too.
    BOOST_TEST(hung_answered.load() == Stack::kCatalogueWorkers + 1, outcomes);

    auto log = watch.text();
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
    ScopedPool pool{{"CINEVERSE_CACHE_TTL_LIST", "60s"}};
    HttpClient client;
    std::string path = "/__direct/api/discover-drama-movies?page=" + std::to_string(fresh_page());
    BOOST_TEST(client.get(path).header("x-cache") == "MISS");
    pool.restart();
    auto after = client.get(path);
    BOOST_TEST(after.header("x-cache") == "HIT");
    BOOST_TEST(after.json().size() >= 12u);
    BOOST_TEST(stack().tmdb_count("/3/discover/movie") == 1);
}

BOOST_AUTO_TEST_CASE(invalid_page_or_language_is_400) {
    HttpClient client;
    for (const char* query :
         {"page=0", "page=501", "page=abc", "page=1.5", "page=-1", "language=french", "language=FR",
          "language=fr_FR", "language=fr-fr", "language=fr", "language=de-DE"}) {
        auto r = client.get(std::string("/api/trending-movies?") + query);
        BOOST_TEST(r.status == 400, query);
        BOOST_TEST(r.json()["error"].isString(), query);
    }
    // An empty parameter is no parameter (nginx's cache key cannot tell them apart either).
    BOOST_TEST(client.get("/api/trending-movies?page=&language=").status == 200);
    // The configured languages only (CINEVERSE_TMDB_LANGUAGES: fr-FR, en-US).
    BOOST_TEST(client.get("/api/trending-movies?page=500&language=en-US").status == 200);
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
    settings.base_url = stack().tmdb_base_url();
    cv::catalogue::TmdbClient tmdb(settings);
    for (const auto& list : cv::catalogue::catalogue_lists()) {
        auto result = tmdb.fetch(list.tmdb_path, list.fixed_query);
        BOOST_TEST(result.ok, list.route);
        auto extracted = cv::catalogue::extract_results(result.body);
        BOOST_REQUIRE_MESSAGE(extracted.has_value(), list.route);
        auto results = cv::json::parse(*extracted);
        BOOST_TEST((results && results->isArray() && results->size() >= 12u), list.route);
    }
}

BOOST_AUTO_TEST_CASE(a_v4_token_travels_as_a_bearer_header_and_never_in_the_url) {
    cv::catalogue::TmdbSettings settings;
    settings.base_url = stack().tmdb_base_url();
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
