// Integrity against a hostile visitor (contract, Amendments), over the real stack: a shared
// answer is its own URL's whatever the spelling of its query, no decoded body string reaches
// the database unless it is text, anonymous floods stay within the cache's cap and TMDB's
// budget, the route table alone says how an answer may be cached, and nginx's own answers
// (errors, robots.txt, unknown hosts, redirects) hold to the contract.
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "catalogue/tmdb_client.hpp"
#include "core/json.hpp"
#include "fastcgi_client.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

std::string unique_name(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

// The results the fake TMDB gives for a search, as the service passes them on.
Json::Value genuine_search(const std::string& query) {
    HttpClient tmdb("http://127.0.0.1:" + std::to_string(stack().tmdb_port()));
    auto r = tmdb.get("/3/search/multi?query=" + query +
                      "&include_adult=false&language=fr-FR&api_key=test-api-key-not-a-secret");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()["results"];
}

// The route table as the service lists it.
Json::Value route_table() {
    auto listing = run({CV_API_BINARY, "routes", "--json"});
    BOOST_REQUIRE_EQUAL(listing.exit_code, 0);
    auto table = cv::json::parse(listing.output);
    BOOST_REQUIRE(table.has_value());
    return (*table)["routes"];
}

// A request a route answers: its typed path parameters given values the demo catalogue
// knows, and the query parameters it needs.
struct Sample {
    std::string path;
    std::map<std::string, std::string> query;  // what it needs to answer 200

    // The path with the needed query, less `left_out`, followed by `more` ("a=1&b=2").
    std::string url(const std::string& more = "", const std::string& left_out = "") const {
        std::string joined;
        for (const auto& [name, value] : query) {
            if (name != left_out) joined += (joined.empty() ? "" : "&") + name + "=" + value;
        }
        if (!more.empty()) joined += (joined.empty() ? "" : "&") + more;
        return joined.empty() ? path : path + "?" + joined;
    }
};

Sample sample_of(const std::string& route) {
    static const std::map<std::string, Sample> samples = {
        {"/api/movie/{id:int}", {"/api/movie/900006", {}}},
        {"/api/tv/{id:int}", {"/api/tv/950001", {}}},
        {"/api/discover/{media_type:movie|tv}", {"/api/discover/movie", {}}},
        {"/api/person/{id:int}", {"/api/person/970017", {}}},
        {"/api/collection/{id:int}", {"/api/collection/990001", {}}},
        {"/api/reviews/{media_type:movie|tv}/{id:int}", {"/api/reviews/movie/900006", {}}},
        {"/film/{id:int}", {"/film/900006", {}}},
        {"/serie/{id:int}", {"/serie/950001", {}}},
        {"/personne/{id:int}", {"/personne/970017", {}}},
        {"/saga/{id:int}", {"/saga/990001", {}}},
        {"/feeds/{file}", {"/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.atom", {}}},
        {"/api/diary/{media_type:movie|tv}/{id:int}", {"/api/diary/movie/900006", {}}},
        {"/api/import/{job_id}", {"/api/import/00000000-0000-4000-8000-000000000000", {}}},
        {"/api/import/{job_id}/resolve",
         {"/api/import/00000000-0000-4000-8000-000000000000/resolve", {}}},
        {"/api/search-multi", {"/api/search-multi", {{"query", "murnau"}}}},
        {"/api/users/search-multi", {"/api/users/search-multi", {{"query", "murnau"}}}},
    };
    auto known = samples.find(route);
    if (known != samples.end()) return known->second;
    BOOST_REQUIRE_MESSAGE(route.find('{') == std::string::npos,
                          "integrity_test.cpp has no sample path for " << route);
    return {route, {}};
}

// Two valid values of each query parameter a shared route may read: a route reading one not
// listed here fails the test until it is given samples.
std::pair<std::string, std::string> sample_values(const std::string& parameter) {
    static const std::map<std::string, std::pair<std::string, std::string>> samples = {
        {"page", {"2", "3"}},
        {"language", {"en-US", "fr-FR"}},
        {"query", {"metropo", "nosfera"}},
        {"genres", {"35", "18"}},
        {"genres_mode", {"any", "all"}},
        {"year_from", {"1920", "1925"}},
        {"year_to", {"1925", "1929"}},
        {"rating_min", {"6", "7"}},
        {"votes_min", {"10", "20"}},
        {"runtime_min", {"30", "60"}},
        {"runtime_max", {"90", "120"}},
        {"original_language", {"en", "fr"}},
        {"certification_max", {"12", "16"}},
        {"providers", {"9101", "9102"}},
        {"monetization", {"flatrate", "rent"}},
        {"sort", {"rating", "title"}},
    };
    auto known = samples.find(parameter);
    BOOST_REQUIRE_MESSAGE(
        known != samples.end(),
        "integrity_test.cpp has no sample values for the parameter " << parameter);
    return known->second;
}

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// The name with its first letter percent-encoded: "%71uery".
std::string encoded_name(const std::string& name) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02x", static_cast<unsigned char>(name[0]));
    return hex + name.substr(1);
}

std::size_t cache_rows() {
    return std::stoul(stack().sql("SELECT count(*) FROM catalogue_cache"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(integrity)

BOOST_AUTO_TEST_CASE(no_spelling_of_a_parameter_makes_a_shared_url_answer_another_urls_content) {
    // Each case sends the attacker's spelling first (so that nginx stores whatever it was
    // answered), then asks for the victim's URL and the attacker's, and compares both with
    // what TMDB says about each query. Every case uses fresh keys (prefixes of two titles,
    // longer each time), so each attempt meets an empty cache.
    const std::vector<std::string> spellings = {
        "?QUERY={b}&query={a}",    "?Query={b}&query={a}",     "?%71uery={b}&query={a}",
        "?%51UERY={b}&query={a}",  "?query={a}&query={b}",     "?query={b}&query={a}",
        "?query={a}&QUERY={b}",    "?query={a}%26query%3D{b}", "?query={b};query={a}",
        "?query%3D{b}&query={a}",  "?query={a}&page=1&PAGE=2", "?qUeRy={b}&query={a}&page=",
        "?query%00={b}&query={a}", "?+query={b}&query={a}",
    };
    const std::string victim = "metropolis", attacker = "nosferatu";
    HttpClient client;
    for (std::size_t i = 0; i < spellings.size(); ++i) {
        std::string a = victim.substr(0, 4 + i % 7) + (i >= 7 ? "%20" + victim : "");
        std::string b = attacker.substr(0, 4 + i % 6) + (i >= 6 ? "%20" + attacker : "");
        std::string spelled = spellings[i];
        for (auto [mark, value] : {std::pair{"{a}", a}, std::pair{"{b}", b}}) {
            for (auto at = spelled.find(mark); at != std::string::npos; at = spelled.find(mark))
                spelled.replace(at, 3, value);
        }
        auto attack = client.get("/api/search-multi" + spelled);
        BOOST_TEST(attack.status < 500, spelled);
        auto genuine_a = genuine_search(a);
        auto genuine_b = genuine_search(b);
        BOOST_REQUIRE(genuine_a != genuine_b);
        auto victims = client.get("/api/search-multi?query=" + a);
        BOOST_TEST(victims.status == 200, spelled);
        BOOST_TEST(victims.json() == genuine_a, spelled << " made ?query=" << a << " answer ("
                                                        << victims.header("x-proxy-cache") << ") "
                                                        << victims.body.substr(0, 120));
        auto attackers = client.get("/api/search-multi?query=" + b);
        BOOST_TEST(attackers.json() == genuine_b, spelled);
    }
}

BOOST_AUTO_TEST_CASE(every_shared_route_answers_from_the_one_reading_nginx_keys_on) {
    HttpClient client;
    int checked = 0;
    for (const auto& row : route_table()) {
        if (row["access"].asString() != "shared") continue;
        Sample sample = sample_of(row["path"].asString());
        for (const auto& parameter : row["query"]) {
            std::string name = parameter.asString();
            auto [first, second] = sample_values(name);
            std::string what = sample.path + " " + name;
            auto url = [&](const std::string& more) { return sample.url(more, name); };
            // Past nginx, whoever reaches the pool gets one reading or a 400.
            for (const std::string& ambiguous :
                 {upper(name) + "=" + first + "&" + name + "=" + second,
                  name + "=" + first + "&" + name + "=" + second,
                  encoded_name(name) + "=" + first + "&" + name + "=" + second}) {
                auto refused = client.get("/__direct" + url(ambiguous));
                BOOST_TEST(refused.status == 400, what << " " << ambiguous);
                BOOST_TEST(refused.json()["error"].asString() == "Invalid query parameter",
                           what << " " << ambiguous);
            }
            // Through nginx, the answer kept under a key is the worker's answer to that key.
            auto spelled = client.get(url(upper(name) + "=" + first + "&" + name + "=" + second));
            BOOST_TEST(spelled.status == 200, what);
            for (const auto& value : {first, second}) {
                auto kept = client.get(url(name + "=" + value));
                BOOST_TEST(kept.status == 200, what);
                BOOST_TEST(kept.body == client.get("/__direct" + url(name + "=" + value)).body,
                           what << "=" << value);
            }
            ++checked;
        }
    }
    BOOST_TEST(checked >= 44);  // search's two, and every list's page and language
}

BOOST_AUTO_TEST_CASE(a_body_string_that_is_not_text_once_decoded_is_refused_naming_it) {
    HttpClient client;
    std::string name = unique_name("surrogate");
    auto registered = client.post_json("/register", registration(name));
    BOOST_REQUIRE_EQUAL(registered.status, 200);
    std::string users = stack().sql("SELECT count(*) FROM users");
    std::string profile = client.get("/api/userinfo").body;
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> cases = {
        // method, path, body, the field named
        {"POST", "/login", R"({"username": "\udc00abc", "password": "whatever1"})", "username"},
        {"POST", "/login", R"({"username": "ada", "password": "x\udfff"})", "password"},
        {"POST", "/login", R"({"username": "nul\u0000", "password": "whatever1"})", "username"},
        {"POST", "/register",
         R"({"username": "u_surrogate", "password": "12345678", "email": "a@b.co",
             "first_name": "\udc00", "last_name": "B"})",
         "first_name"},
        {"PATCH", "/modify", R"({"first_name": "Ada", "current_password": "\udc80"})",
         "current_password"},
        {"PATCH", "/modify", R"({"last_name": "Love\udbff\udbff"})", ""},
        {"DELETE", "/api/account", R"({"password": "\ude00"})", "password"},
    };
    for (const auto& [method, path, body, field] : cases) {
        auto r = client.request(method, path, body, {"Content-Type: application/json"});
        BOOST_TEST(r.status == 400, method << " " << path << " " << body);
        if (!field.empty())
            BOOST_TEST(r.json()["error"].asString() == field + " must be valid UTF-8 text", body);
    }
    BOOST_TEST(stack().sql("SELECT count(*) FROM users") == users);
    BOOST_TEST(client.get("/api/userinfo").body == profile);
    BOOST_TEST(read_file(stack().api_log()).find("sqlstate=22021") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_anonymous_flood_stays_under_the_cache_cap_and_the_tmdb_budget) {
    // A small cap and budget, so that a short flood passes both many times over.
    constexpr long kCap = 120, kBudget = 5, kBurst = 5;
    ScopedPool pool{{"CINEVERSE_CACHE_MAX_ROWS", std::to_string(kCap)},
                    {"CINEVERSE_TMDB_BUDGET", std::to_string(kBudget)},
                    {"CINEVERSE_TMDB_BUDGET_BURST", std::to_string(kBurst)}};
    // A page a visitor opened before the flood, kept by nginx.
    HttpClient visitor;
    BOOST_REQUIRE_EQUAL(visitor.get("/api/movie/900003").status, 200);
    // The table at the cap already, so that every new key has to evict one: exactly the cap,
    // whatever the tests before this one left (a cap only trims the table at its next store,
    // and the watcher below may look before that).
    stack().sql("DELETE FROM catalogue_cache");
    stack().sql(
        "INSERT INTO catalogue_cache (key, body, fetched_at, fresh_until, stale_until) "
        "SELECT '/flood/filler/' || n, '[]', now(), now() + interval '1 hour', now() + "
        "interval '1 day' FROM generate_series(1, " +
        std::to_string(kCap) + ") n ON CONFLICT DO NOTHING");
    stack().tmdb_reset();
    auto started = std::chrono::steady_clock::now();
    std::atomic<long> answered{0}, failed{0};
    std::atomic<std::size_t> most_rows{0};
    {
        std::vector<std::jthread> flood;
        for (int t = 0; t < 4; ++t) {
            flood.emplace_back([&, t] {
                HttpClient attacker;
                for (int i = 0; i < 40; ++i) {
                    // Distinct searches and unknown ids, past nginx's cache and rate limits.
                    auto r = i % 2 == 0 ? attacker.get("/__direct/api/search-multi?query=flood" +
                                                       std::to_string(t) + "x" + std::to_string(i))
                                        : attacker.get("/__direct/api/movie/" +
                                                       std::to_string(800000000 + t * 1000 + i));
                    (r.status < 500 || r.status == 503 ? answered : failed)++;
                }
            });
        }
        std::jthread watcher([&](std::stop_token stop) {
            while (!stop.stop_requested()) {
                most_rows = std::max<std::size_t>(most_rows, cache_rows());
                std::this_thread::sleep_for(50ms);
            }
        });
        for (auto& attacker : flood) attacker.join();
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    long calls = stack().tmdb_count("/3/search/multi");
    for (int t = 0; t < 4; ++t) {
        for (int i = 1; i < 40; i += 2)
            calls += stack().tmdb_count("/3/movie/" + std::to_string(800000000 + t * 1000 + i));
    }
    BOOST_TEST(failed == 0);
    BOOST_TEST(answered == 160);
    // The budget: its burst, then its pace (one more for rounding at either end).
    BOOST_TEST(calls <= kBurst + static_cast<long>(kBudget * seconds) + 1,
               calls << " TMDB calls in " << seconds << " s");
    BOOST_TEST(calls > 0);
    BOOST_TEST(cache_rows() <= static_cast<std::size_t>(kCap));
    // (Two workers may each store a key before either evicts.)
    BOOST_TEST(most_rows <= static_cast<std::size_t>(kCap) + Stack::kCatalogueWorkers);
    // The least recently used rows went (the filler among them), and the page a visitor
    // opened before is still served.
    auto known = visitor.get("/api/movie/900003");
    BOOST_TEST(known.status == 200);
    BOOST_TEST(known.json()["id"].asInt() == 900003);
    BOOST_TEST(
        stack().sql("SELECT count(*) FROM catalogue_cache WHERE key LIKE '/flood/filler/%'") !=
        std::to_string(kCap));
    auto metrics = visitor.get("/metrics").body;
    BOOST_TEST(
        metric(metrics, "cineverse_upstream_skipped_total{reason=\"over the TMDB budget\"}") > 0);
    BOOST_TEST(metric(metrics, "cineverse_catalogue_cache_evicted_total") > 0);
    stack().sql("DELETE FROM catalogue_cache WHERE key LIKE '/flood/%'");
}

BOOST_AUTO_TEST_CASE(the_route_table_alone_says_how_each_answer_may_be_kept) {
    HttpClient anonymous, member;
    BOOST_REQUIRE_EQUAL(member.post_json("/register", registration(unique_name("caching"))).status,
                        200);
    int shared = 0, personal = 0;
    for (const auto& row : route_table()) {
        if (row["method"].asString() != "GET") continue;
        std::string path = sample_of(row["path"].asString()).url();
        std::string access = row["access"].asString();
        auto r = (access == "personal" ? member : anonymous).get("/__direct" + path);
        std::string policy = r.header("cache-control");
        if (access == "shared") {
            ++shared;
            BOOST_TEST(r.status == 200, path);
            long lifetime = row["cache_seconds"].asInt64();
            BOOST_TEST_REQUIRE(policy.rfind("public, max-age=", 0) == 0u, path << ": " << policy);
            long max_age = std::stol(policy.substr(16));
            BOOST_TEST((max_age > 0 && max_age <= lifetime), path << ": " << policy);
        } else {
            ++personal;
            BOOST_TEST(policy == "no-store", path << " (" << access << "): " << policy);
        }
    }
    BOOST_TEST(shared >= 24);
    BOOST_TEST(personal >= 5);
    // Refusals: an unknown id is kept like a page, anything else by nobody.
    auto unknown_id = anonymous.get("/__direct/api/movie/899999999");
    BOOST_TEST(unknown_id.status == 404);
    BOOST_TEST(unknown_id.header("cache-control").rfind("public, max-age=", 0) == 0u);
    for (const char* path : {"/__direct/api/nowhere", "/__direct/api/search-multi",
                             "/__direct/api/trending-movies?page=0", "/__direct/@me"}) {
        auto refused = anonymous.get(path);
        BOOST_TEST(refused.status >= 400, path);
        BOOST_TEST(refused.header("cache-control") == "no-store", path);
    }
    // A kind's freshness is configured under its own name, for the application's cache and
    // Cache-Control alike.
    ScopedPool pool{{"CINEVERSE_CACHE_TTL_CONFIG", "2m"}, {"CINEVERSE_CACHE_TTL_SEARCH", "90s"}};
    BOOST_TEST(anonymous.get("/__direct/api/config").header("cache-control") ==
               "public, max-age=120");
    auto searched = anonymous.get("/__direct/api/search-multi?query=" + unique_name("fresh"));
    BOOST_TEST(searched.header("cache-control") == "public, max-age=90");
}

BOOST_AUTO_TEST_CASE(a_tmdb_call_gives_up_by_the_deadline_of_its_request) {
    using Clock = std::chrono::steady_clock;
    ScopedTmdbMode hanging{R"({"mode": "hang", "delay": 10})"};
    cv::catalogue::TmdbSettings settings;
    settings.base_url = stack().tmdb_base_url();
    settings.total_timeout = 5s;
    cv::catalogue::TmdbClient tmdb(settings);
    // 400 ms left of the request: the call ends then, not after its own 5 s.
    auto started = Clock::now();
    auto late = tmdb.fetch("/trending/movie/week", "", started + 400ms);
    auto took = Clock::now() - started;
    BOOST_TEST(!late.ok);
    BOOST_TEST(late.problem == "Timeout was reached");
    BOOST_TEST((took >= 350ms && took < 2s), std::chrono::duration<double>(took).count());
    // No time left at all: TMDB is not even asked.
    long calls = stack().tmdb_count("/3/trending/tv/week");
    auto none = tmdb.fetch("/trending/tv/week", "", Clock::now() + 10ms);
    BOOST_TEST(none.not_asked);
    BOOST_TEST(none.problem == "no time left");
    BOOST_TEST(stack().tmdb_count("/3/trending/tv/week") == calls);
}

BOOST_AUTO_TEST_CASE(nginx_answers_its_own_errors_in_json) {
    HttpClient client;
    auto is_json_error = [](const HttpResult& r) {
        auto body = cv::json::parse(r.body);
        return r.header("content-type").rfind("application/json", 0) == 0 && body &&
               (*body)["error"].isString();
    };
    // A missing asset, a method a file does not take, a URI too long, a body too large for a
    // static path, a request nginx cannot parse.
    auto missing = client.get("/assets/nothing-here.js");
    BOOST_TEST(missing.status == 404);
    BOOST_TEST(is_json_error(missing), missing.body);
    auto wrong_method =
        client.request("POST", "/robots.txt", "{}", {"Content-Type: application/json"});
    BOOST_TEST(wrong_method.status == 405);
    BOOST_TEST(is_json_error(wrong_method), wrong_method.body);
    HttpClient http1;
    http1.use_http1();
    auto too_long = http1.get("/" + std::string(20000, 'a'));
    BOOST_TEST(too_long.status == 414);
    BOOST_TEST(is_json_error(too_long), too_long.body);
    auto too_large = client.request("POST", "/index.html", std::string(100 * 1024, 'x'),
                                    {"Content-Type: application/json"});
    BOOST_TEST(too_large.status == 413);
    BOOST_TEST(is_json_error(too_large), too_large.body);
    auto unparsable = http1.get("/api/%00");
    BOOST_TEST(unparsable.status == 400);
    BOOST_TEST(is_json_error(unparsable), unparsable.body);
    // Every status the contract lists has its JSON page, whether or not this test can make
    // nginx produce it.
    std::string errors = read_file(std::string(CV_SOURCE_DIR) + "/nginx/snippets/json-errors.conf");
    for (int status : {400, 403, 404, 405, 413, 414, 429, 494, 500, 502, 503, 504})
        BOOST_TEST(errors.find("error_page " + std::to_string(status) + " ") != std::string::npos,
                   status);
}

BOOST_AUTO_TEST_CASE(a_429_says_when_to_try_again) {
    HttpClient client;
    client.set_source_address("127.0.0.4");  // not exempt from the rate limits
    HttpResult limited;
    for (int i = 0; i < 40 && limited.status != 429; ++i)
        limited = client.get("/api/search-multi?query=retry" + std::to_string(i));
    BOOST_REQUIRE_EQUAL(limited.status, 429);
    BOOST_TEST(limited.json()["error"].asString() == "Too many requests");
    BOOST_TEST(limited.header("retry-after") == "1");
    BOOST_TEST(!limited.header("strict-transport-security").empty());
}

BOOST_AUTO_TEST_CASE(robots_txt_is_a_robots_file) {
    HttpClient client;
    auto robots = client.get("/robots.txt");
    BOOST_TEST(robots.status == 200);
    BOOST_TEST(robots.header("content-type").rfind("text/plain", 0) == 0u);
    BOOST_TEST(robots.body.find("User-agent: *") != std::string::npos);
    BOOST_TEST(robots.body.find("Disallow: /api/") != std::string::npos);
    BOOST_TEST(robots.body.find("<html") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_hosts_are_refused_and_redirects_name_no_host) {
    // A TLS client asking for another host gets no handshake.
    auto handshake = [](const std::string& server_name) {
        return run({"openssl", "s_client", "-connect",
                    "127.0.0.1:" + std::to_string(stack().https_port()), "-servername", server_name,
                    "-brief"})
            .exit_code;
    };
    BOOST_TEST(handshake("localhost") == 0);
    BOOST_TEST(handshake("evil.example") != 0);
    // A forged Host on a connection made to this site: JSON 421, never the site.
    HttpClient client;
    client.use_http1();
    auto forged = client.request("GET", "/", "", {"Host: evil.example"});
    BOOST_TEST(forged.status == 421);
    BOOST_TEST(forged.json()["error"].asString() == "Unknown host");
    // A directory's redirect names its path only.
    auto redirect = client.get("/assets");
    BOOST_TEST(redirect.status == 301);
    BOOST_TEST(redirect.header("location") == "/assets/");
}

BOOST_AUTO_TEST_CASE(operator_routes_answer_loopback_clients_only_even_past_nginx) {
    std::string socket = stack().dir() + "/run/api.sock";
    for (const char* path : {"/metrics", "/status"}) {
        auto local = fastcgi_request(socket, "GET", path, "", {{"REMOTE_ADDR", "127.0.0.1"}});
        BOOST_TEST(local.rfind("Status: 200", 0) == 0u, path << ": " << local.substr(0, 60));
        for (const char* address : {"203.0.113.7", "2001:db8::7", "10.0.0.1", ""}) {
            auto outside = fastcgi_request(socket, "GET", path, "", {{"REMOTE_ADDR", address}});
            BOOST_TEST(outside.rfind("Status: 403", 0) == 0u, path << " from " << address);
            BOOST_TEST(outside.find(R"({"error":"Forbidden"})") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_503_names_its_cause_so_that_only_the_database_pages_for_the_database) {
    HttpClient client;
    auto count = [&](const std::string& cause) {
        return std::max(0L, metric(client.get("/metrics").body,
                                   "cineverse_unavailable_total{cause=\"" + cause + "\"}"));
    };
    long database = count("database"), catalogue = count("catalogue");
    {
        ScopedTmdbMode down{R"({"mode": "error500"})"};
        auto page = client.get("/__direct/api/tv/" + std::to_string(959000 + getpid() % 900));
        BOOST_TEST(page.status == 503);
        BOOST_TEST(page.json()["error"].asString() == "Catalogue unavailable");
    }
    BOOST_TEST(count("catalogue") > catalogue);
    BOOST_TEST(count("database") == database);
    {
        HttpClient member;
        BOOST_REQUIRE_EQUAL(
            member.post_json("/register", registration(unique_name("dbdown"))).status, 200);
        ScopedPostgresStopped stopped;
        auto r = member.get("/@me");
        BOOST_TEST(r.status == 503);
        BOOST_TEST(r.json()["error"].asString() == "Database unavailable");
    }
    BOOST_TEST(wait_until([&] { return count("database") > database; }, kPatience));
}

BOOST_AUTO_TEST_CASE(an_ipv6_client_is_one_client_per_64) {
    // nginx learns each client's address from X-Forwarded-For here (as behind a proxy), so
    // that this test can speak from IPv6 addresses; nothing is exempt from the limits.
    std::string state = stack().dir() + "/ipv6-nginx";
    std::filesystem::create_directories(state + "/log");
    std::string extra = state + "/real-ip.conf";
    std::ofstream(extra) << "        set_real_ip_from 127.0.0.1;\n"
                            "        real_ip_header X-Forwarded-For;\n";
    int port = free_port();
    auto rendered = run({std::string(CV_SOURCE_DIR) + "/scripts/render-nginx"},
                        {{"CINEVERSE_API", CV_API_BINARY},
                         {"STATE", state},
                         {"HTTPS_PORT", std::to_string(port)},
                         {"HTTP_PORT", std::to_string(free_port())},
                         {"FASTCGI", "unix:" + stack().dir() + "/run/api.sock"},
                         {"HASHING_FASTCGI", "unix:" + stack().dir() + "/run/api-hashing.sock"},
                         {"CATALOGUE_FASTCGI", "unix:" + stack().dir() + "/run/api-catalogue.sock"},
                         {"CERT", stack().certificate()},
                         {"CERT_KEY", stack().dir() + "/tls/localhost.key"},
                         {"RATE_EXEMPT", ""},
                         // The search class's burst, then hardly a token: the count of refused
                         // requests does not depend on how fast this machine sends them.
                         {"SEARCH_RATE", "1r/m"},
                         {"EXTRA_CONF", extra}});
    BOOST_REQUIRE_MESSAGE(rendered.exit_code == 0, rendered.output);
    OwnedProcess nginx(spawn_logged({"nginx", "-e", state + "/log/nginx-error.log", "-p",
                                     state + "/nginx", "-c", state + "/nginx/nginx.conf"},
                                    {}, state + "/log/nginx.log"),
                       SIGQUIT);
    HttpClient client("https://localhost:" + std::to_string(port));
    BOOST_REQUIRE(wait_until([&] { return client.get("/healthz").status == 200; }, kPatience));
    // The search class allows a burst of 20: 40 requests alternating between two addresses
    // of one /64 are limited as one client.
    int limited = 0;
    for (int i = 0; i < 40; ++i) {
        if (client
                .request("GET", "/api/search-multi?query=sixtyfour" + std::to_string(i), "",
                         {"X-Forwarded-For: " +
                          std::string(i % 2 ? "2001:db8:aa:bb::1" : "2001:db8:aa:bb:ffff::2")})
                .status == 429)
            ++limited;
    }
    BOOST_TEST(limited >= 18);
    // Another /64 is another client, with its own burst.
    auto other = client.request("GET", "/api/search-multi?query=sixtyfour-other", "",
                                {"X-Forwarded-For: 2001:db8:aa:bc::1"});
    BOOST_TEST(other.status == 200);
    // IPv4 clients are still one an address.
    auto v4 = client.request("GET", "/api/search-multi?query=sixtyfour-v4", "",
                             {"X-Forwarded-For: 192.0.2.10"});
    BOOST_TEST(v4.status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
