// "Mes plateformes" over the real stack: my services, where each watchlist item streams for me,
// the offers job against the fake TMDB's rotating offers (arrivals, departures, cinemas,
// rentals, recorded once and told to the right users), advice, news and the private feed.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "core/json.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// The demo's titles whose French offers rotate with the fake's phase (demo/README.md).
constexpr const char* kRobinHood = "900061";  // Bobine → + Fondu → Fondu only → rent/buy
constexpr const char* kZorro = "900062";      // nothing → rent/buy → Plan-Séquence → …
constexpr const char* kAurora = "950006";     // series: Plan-Séquence → + Bobine → …
constexpr const char* kViolon = "900127";     // in cinemas in 7 days, then since yesterday
constexpr int kBobine = 9101, kFondu = 9102, kPlanSequence = 9103, kZootrope = 9104;

std::string unique_name(const std::string& prefix) {
    static int counter = 0;
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

std::string sign_up(HttpClient& client, const std::string& prefix) {
    auto r = client.post_json("/register", registration(unique_name(prefix)));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json()["id"].asString();
}

HttpResult put_services(HttpClient& client, const std::string& body) {
    return client.request("PUT", "/api/me/providers", body, {"Content-Type: application/json"});
}

void keep(HttpClient& client, const std::string& media_type, const std::string& id) {
    auto r = client.request("PUT", "/api/watchlist/" + media_type + "/" + id);
    BOOST_REQUIRE_EQUAL(r.status, 200);
}

std::map<std::string, std::string> admin_environment(
    std::initializer_list<std::pair<const std::string, std::string>> overrides = {}) {
    auto env = stack().pool_environment();
    env["CINEVERSE_CONFIG_FILE"] = "";
    for (const auto& [name, value] : overrides) env[name] = value;
    return env;
}

// One run of the offers refresh, as `cineverse-api offers refresh` does it.
RunResult refresh(std::initializer_list<std::pair<const std::string, std::string>> overrides = {}) {
    auto result = run({CV_API_BINARY, "offers", "refresh"}, admin_environment(overrides));
    BOOST_REQUIRE_MESSAGE(result.exit_code == 0, result.output);
    return result;
}

long long newest_change() {
    return std::stoll(stack().sql("SELECT COALESCE(max(id), 0) FROM offer_changes"));
}

// The news items of a client newer than `after` (a change id).
std::vector<Json::Value> news_since(HttpClient& client, long long after) {
    auto r = client.get("/api/me/news");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    std::vector<Json::Value> items;
    auto body = r.json();
    for (const auto& item : body["items"]) {
        if (item["id"].asInt64() > after) items.push_back(item);
    }
    return items;
}

std::string describe(const std::vector<Json::Value>& items) {
    std::string text;
    for (const auto& item : items) text += cv::json::write(item) + "\n";
    return text;
}

// Whether `items` hold one of `kind` for the title (and the service, when given).
int count_of(const std::vector<Json::Value>& items, const std::string& kind, const char* title,
             int provider = 0) {
    return static_cast<int>(std::count_if(items.begin(), items.end(), [&](const Json::Value& item) {
        return item["kind"].asString() == kind && item["title_id"].asString() == title &&
               (provider == 0 || item["provider"]["provider_id"].asInt() == provider);
    }));
}

Json::Value item_of(const Json::Value& list, const std::string& id) {
    for (const auto& item : list) {
        if (item["id"].asString() == id) return item;
    }
    return Json::Value();
}

std::vector<int> ids_of(const Json::Value& list) {
    std::vector<int> ids;
    for (const auto& id : list) ids.push_back(id.asInt());
    return ids;
}

// The offers phase back to 0 (and the fake's counters and modes) whatever the test does.
struct PhaseZero {
    PhaseZero() { stack().tmdb_reset(); }
    ~PhaseZero() {
        try {
            stack().tmdb_reset();
        } catch (...) {
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(platforms)

BOOST_AUTO_TEST_CASE(saving_my_services) {
    HttpClient anonymous;
    for (const auto& [method, path] :
         {std::pair{"GET", "/api/me/providers"}, std::pair{"PUT", "/api/me/providers"},
          std::pair{"GET", "/api/me/news"}, std::pair{"POST", "/api/me/news/read"},
          std::pair{"GET", "/api/me/advice"}, std::pair{"POST", "/api/me/feed"},
          std::pair{"DELETE", "/api/me/feed"}}) {
        auto r = anonymous.request(method, path, "{}", {"Content-Type: application/json"});
        BOOST_TEST(r.status == 401, method << " " << path);
        BOOST_TEST(r.json()["error"].asString() == "User not authenticated");
    }
    HttpClient client;
    sign_up(client, "services");
    BOOST_TEST(client.get("/api/me/providers").body == R"({"providers":[]})");
    auto saved = put_services(client, R"({"providers": [9103, 9101, 9103]})");
    BOOST_TEST(saved.status == 200);
    BOOST_TEST(saved.body == R"({"providers":[9101,9103]})");
    BOOST_TEST(saved.header("cache-control") == "no-store");
    BOOST_TEST(client.get("/api/me/providers").body == R"({"providers":[9101,9103]})");
    // Idempotent.
    BOOST_TEST(put_services(client, R"({"providers": [9101, 9103]})").body == saved.body);
    // An id that is not one of the French services, too many ids, the wrong shape: 400, and
    // nothing changes.
    auto unknown = put_services(client, R"({"providers": [9101, 9111]})");  // a US service
    BOOST_TEST(unknown.status == 400);
    BOOST_TEST(unknown.body == R"({"error":"Unknown provider: 9111"})");
    std::string many = "[";
    for (int i = 0; i < 51; ++i) many += (i ? "," : "") + std::to_string(kBobine);
    auto too_many = put_services(client, "{\"providers\": " + many + "]}");
    BOOST_TEST(too_many.status == 400);
    BOOST_TEST(too_many.body == R"({"error":"providers must hold at most 50 ids"})");
    for (const char* bad : {R"({"providers": "9101"})", R"({"providers": [9101, "x"]})",
                            R"({"providers": [0]})", R"({"providers": [1.5]})", "{}", "[]"}) {
        auto r = put_services(client, bad);
        BOOST_TEST(r.status == 400, bad);
    }
    BOOST_TEST(client.get("/api/me/providers").body == R"({"providers":[9101,9103]})");
    // Fifty is allowed (the same id fifty times is one service).
    std::string fifty = "[";
    for (int i = 0; i < 50; ++i) fifty += (i ? "," : "") + std::to_string(kFondu);
    BOOST_TEST(put_services(client, "{\"providers\": " + fifty + "]}").body ==
               R"({"providers":[9102]})");
    // A foreign origin changes nothing.
    auto foreign =
        client.request("PUT", "/api/me/providers", R"({"providers": []})",
                       {"Content-Type: application/json", "Origin: https://evil.example"});
    BOOST_TEST(foreign.status == 403);
    BOOST_TEST(put_services(client, R"({"providers": []})").body == R"({"providers":[]})");
}

BOOST_AUTO_TEST_CASE(where_each_item_streams_for_me) {
    PhaseZero phase;
    HttpClient mine, none;
    sign_up(mine, "where");
    sign_up(none, "nowhere");
    BOOST_REQUIRE_EQUAL(put_services(mine, R"({"providers": [9101, 9107]})").status, 200);
    for (auto* client : {&mine, &none}) {
        keep(*client, "movie", kRobinHood);
        keep(*client, "movie", kZorro);
        keep(*client, "tv", kAurora);
    }
    // Not checked yet: nowhere known.
    keep(none, "movie", "900128");
    BOOST_TEST(none.get("/api/watchlist").body.find(R"("id" : 900128, )") != std::string::npos);
    BOOST_TEST(
        none.get("/api/watchlist")
            .body.find(
                R"("where":{"mine":[],"flatrate":[],"rent":false,"buy":false,"checked_at":null}})") !=
        std::string::npos);
    refresh();
    auto listed = mine.get("/api/watchlist");
    BOOST_REQUIRE_EQUAL(listed.status, 200);
    BOOST_TEST(listed.header("cache-control") == "no-store");
    auto items = listed.json();
    BOOST_REQUIRE(items.size() == 3u);
    BOOST_TEST(items[0]["id"].asString() == kAurora);  // newest first, as before
    auto robin = item_of(items, kRobinHood)["where"];
    BOOST_TEST(ids_of(robin["mine"]) == std::vector<int>{kBobine});
    BOOST_TEST(ids_of(robin["flatrate"]) == std::vector<int>{kBobine});
    BOOST_TEST(robin["rent"].asBool() == false);
    BOOST_TEST(robin["checked_at"].asString().size() == 20u);
    auto zorro = item_of(items, kZorro)["where"];
    BOOST_TEST(zorro["mine"].empty());
    BOOST_TEST(zorro["flatrate"].empty());
    BOOST_TEST(!zorro["buy"].asBool());
    auto aurora = item_of(items, kAurora)["where"];
    BOOST_TEST(aurora["mine"].empty());  // Plan-Séquence is not one of mine
    BOOST_TEST(ids_of(aurora["flatrate"]) == std::vector<int>{kPlanSequence});
    // The item itself is unchanged around it.
    BOOST_TEST(item_of(items, kRobinHood)["title"].asString() == "Robin Hood");
    // Without services: the same offers, nothing mine.
    auto theirs = none.get("/api/watchlist").json();
    BOOST_TEST(item_of(theirs, kRobinHood)["where"]["mine"].empty());
    BOOST_TEST(ids_of(item_of(theirs, kRobinHood)["where"]["flatrate"]) ==
               std::vector<int>{kBobine});
    // available=mine: only what streams on my services.
    auto available = mine.get("/api/watchlist?available=mine").json();
    BOOST_REQUIRE(available.size() == 1u);
    BOOST_TEST(available[0]["id"].asString() == kRobinHood);
    BOOST_TEST(none.get("/api/watchlist?available=mine").body == "[]");
    auto invalid = mine.get("/api/watchlist?available=everything");
    BOOST_TEST(invalid.status == 400);
    BOOST_TEST(invalid.body == R"({"error":"Invalid parameter: available"})");
    // At phase 2, Plan-Séquence streams Zorro: mine once I take it.
    stack().tmdb_offers_phase(2);
    refresh();
    BOOST_REQUIRE_EQUAL(put_services(mine, R"({"providers": [9101, 9103]})").status, 200);
    std::set<std::string> now_mine;
    for (const auto& item : mine.get("/api/watchlist?available=mine").json())
        now_mine.insert(item["id"].asString());
    // Robin Hood left Bobine for Fondu Enchaîné; Aurora is on Bobine; Zorro on Plan-Séquence.
    BOOST_TEST((now_mine == std::set<std::string>{kZorro, kAurora}));
}

BOOST_AUTO_TEST_CASE(the_job_records_each_change_once_and_tells_the_right_users) {
    PhaseZero phase;
    HttpClient fondu, bobine, nothing, elsewhere;
    sign_up(fondu, "fondu");
    sign_up(bobine, "bobine");
    sign_up(nothing, "nothing");
    sign_up(elsewhere, "elsewhere");
    BOOST_REQUIRE_EQUAL(put_services(fondu, R"({"providers": [9102]})").status, 200);
    BOOST_REQUIRE_EQUAL(put_services(bobine, R"({"providers": [9101]})").status, 200);
    BOOST_REQUIRE_EQUAL(put_services(elsewhere, R"({"providers": [9101, 9102]})").status, 200);
    for (auto* client : {&fondu, &bobine, &nothing}) keep(*client, "movie", kRobinHood);
    keep(fondu, "movie", kViolon);
    keep(nothing, "movie", kViolon);
    keep(elsewhere, "movie", "900006");  // keeps neither Robin Hood nor the Violon
    refresh();  // the baseline at phase 0 (or what changed since another test's last run)
    long long before = newest_change();

    // Phase 1: Robin Hood arrives on Fondu Enchaîné (still on Bobine). Two runs at once, as two
    // hosts would: each title is asked once, each change recorded once.
    // (Each run asks what was checked over 30 minutes ago: the baseline, made older.)
    stack().sql("UPDATE title_offers SET checked_at = checked_at - interval '1 hour'");
    stack().tmdb_offers_phase(1);
    long calls_before = stack().tmdb_count(std::string("/3/movie/") + kRobinHood);
    {
        auto env = admin_environment(
            {{"CINEVERSE_OFFERS_RATE", "20"}, {"CINEVERSE_OFFERS_REFRESH_AFTER", "30m"}});
        OwnedProcess first(spawn_logged({CV_API_BINARY, "offers", "refresh"}, env,
                                        stack().dir() + "/log/refresh-1.log"));
        OwnedProcess second(spawn_logged({CV_API_BINARY, "offers", "refresh"}, env,
                                         stack().dir() + "/log/refresh-2.log"));
        int status_first = first.wait(60s), status_second = second.wait(60s);
        BOOST_REQUIRE(WIFEXITED(status_first) && WEXITSTATUS(status_first) == 0);
        BOOST_REQUIRE(WIFEXITED(status_second) && WEXITSTATUS(status_second) == 0);
    }
    BOOST_TEST(stack().tmdb_count(std::string("/3/movie/") + kRobinHood) == calls_before + 1);
    BOOST_TEST(stack().sql("SELECT count(*) FROM offer_changes WHERE id > " +
                           std::to_string(before) + " AND tmdb_id = " + kRobinHood) == "1");
    BOOST_TEST(stack().sql("SELECT kind || ':' || provider_id FROM offer_changes WHERE id > " +
                           std::to_string(before) + " AND tmdb_id = " + kRobinHood) ==
               "arrived:9102");
    auto fondus = news_since(fondu, before);
    BOOST_TEST(count_of(fondus, "arrived", kRobinHood, kFondu) == 1, describe(fondus));
    BOOST_TEST(news_since(bobine, before).empty());     // Bobine had it already
    BOOST_TEST(news_since(nothing, before).empty());    // no services: no arrival is theirs
    BOOST_TEST(news_since(elsewhere, before).empty());  // does not keep it
    const Json::Value& arrival = fondus.front();
    BOOST_TEST(arrival["title"].asString() == "Robin Hood");
    BOOST_TEST(arrival["media_type"].asString() == "movie");
    BOOST_TEST(arrival["provider"]["provider_name"].asString() == "Fondu Enchaîné");
    BOOST_TEST(arrival["provider"]["logo_path"].asString() == "/logo-provider-9102.svg");
    BOOST_TEST(arrival["poster_path"].isString());
    BOOST_TEST(arrival["at"].asString().size() == 20u);
    // A run with nothing new records nothing.
    long long after_arrival = newest_change();
    refresh();
    BOOST_TEST(stack().sql("SELECT count(*) FROM offer_changes WHERE id > " +
                           std::to_string(after_arrival) + " AND tmdb_id IN (" + kRobinHood + ", " +
                           kViolon + ")") == "0");

    // Phase 2: it leaves Bobine; the Violon opened in French cinemas yesterday.
    stack().tmdb_offers_phase(2);
    refresh();
    auto bobines = news_since(bobine, after_arrival);
    BOOST_TEST(count_of(bobines, "left", kRobinHood, kBobine) == 1, describe(bobines));
    BOOST_TEST(bobines.size() == 1u, describe(bobines));
    auto fondus_now = news_since(fondu, after_arrival);
    BOOST_TEST(count_of(fondus_now, "in_cinemas", kViolon) == 1, describe(fondus_now));
    BOOST_TEST(count_of(fondus_now, "left", kRobinHood) == 0, describe(fondus_now));
    BOOST_TEST(count_of(news_since(nothing, after_arrival), "in_cinemas", kViolon) == 1);
    BOOST_TEST(news_since(elsewhere, after_arrival).empty());

    // Phase 3: off subscription, to rent and buy at Zootrope: it leaves Fondu Enchaîné and
    // becomes rentable, for everyone who keeps it.
    long long after_cinemas = newest_change();
    stack().tmdb_offers_phase(3);
    refresh();
    auto last = news_since(fondu, after_cinemas);
    BOOST_TEST(count_of(last, "left", kRobinHood, kFondu) == 1, describe(last));
    BOOST_TEST(count_of(last, "to_rent", kRobinHood, kZootrope) == 1, describe(last));
    BOOST_TEST(count_of(news_since(nothing, after_cinemas), "to_rent", kRobinHood) == 1);
    BOOST_TEST(count_of(news_since(bobine, after_cinemas), "to_rent", kRobinHood) == 1);
    BOOST_TEST(count_of(news_since(bobine, after_cinemas), "left", kRobinHood) == 0);
    // The Violon is still in cinemas: nothing new about it.
    BOOST_TEST(count_of(news_since(nothing, after_cinemas), "in_cinemas", kViolon) == 0);
    // Each change of the test is one row, whoever it was told to.
    BOOST_TEST(stack().sql("SELECT count(*) || ' ' || count(DISTINCT (tmdb_id, kind, "
                           "provider_id)) FROM offer_changes WHERE id > " +
                           std::to_string(before) + " AND tmdb_id IN (" + kRobinHood + ", " +
                           kViolon + ")") == "5 5");
}

BOOST_AUTO_TEST_CASE(a_run_stays_within_its_calls_and_the_next_goes_on_from_the_oldest) {
    HttpClient client;
    sign_up(client, "budget");
    for (const char* id : {"900010", "900011", "900012", "900013", "900014"})
        keep(client, "movie", id);
    // Everything checked now, then these five made the oldest.
    refresh();
    stack().sql(
        "UPDATE title_offers SET checked_at = now() - interval '1 day' - make_interval(secs => "
        "tmdb_id - 900000) WHERE media_type = 'movie' AND tmdb_id BETWEEN 900010 AND 900014");
    auto oldest = [] {
        return stack().sql(
            "SELECT string_agg(tmdb_id::text, ' ' ORDER BY checked_at NULLS FIRST, tmdb_id) FROM "
            "(SELECT * FROM title_offers ORDER BY checked_at NULLS FIRST, media_type, tmdb_id "
            "LIMIT 3) o");
    };
    BOOST_TEST(oldest() == "900014 900013 900012");
    auto counts = [] {
        long total = 0;
        for (int id = 900010; id <= 900014; ++id)
            total += stack().tmdb_count("/3/movie/" + std::to_string(id));
        return total;
    };
    long before = counts();
    // Three calls a run, a day between checks: the three oldest, then the two left, then none.
    std::initializer_list<std::pair<const std::string, std::string>> budget = {
        {"CINEVERSE_OFFERS_CALLS_PER_RUN", "3"}, {"CINEVERSE_OFFERS_REFRESH_AFTER", "1h"}};
    auto first = refresh(budget);
    BOOST_TEST(
        first.output.find("calls spent; 3 title(s) checked, 3 TMDB call(s)") != std::string::npos,
        first.output);
    BOOST_TEST(counts() == before + 3);
    BOOST_TEST(stack().sql("SELECT count(*) FROM title_offers WHERE tmdb_id BETWEEN 900012 AND "
                           "900014 AND checked_at > now() - interval '1 minute'") == "3");
    auto second = refresh(budget);
    BOOST_TEST(
        second.output.find("all checked; 2 title(s) checked, 2 TMDB call(s)") != std::string::npos,
        second.output);
    BOOST_TEST(counts() == before + 5);
    auto third = refresh(budget);
    BOOST_TEST(
        third.output.find("all checked; 0 title(s) checked, 0 TMDB call(s)") != std::string::npos,
        third.output);
    // The run's own pace: ten calls a second at most.
    stack().sql(
        "UPDATE title_offers SET checked_at = NULL WHERE tmdb_id BETWEEN 900010 AND 900014");
    auto started = std::chrono::steady_clock::now();
    refresh({{"CINEVERSE_OFFERS_RATE", "10"}, {"CINEVERSE_OFFERS_REFRESH_AFTER", "1h"}});
    BOOST_TEST((std::chrono::steady_clock::now() - started >= 400ms));
}

BOOST_AUTO_TEST_CASE(news_unread_and_marking_read) {
    PhaseZero phase;
    HttpClient client;
    sign_up(client, "reader");
    BOOST_REQUIRE_EQUAL(put_services(client, R"({"providers": [9101, 9103]})").status, 200);
    keep(client, "tv", kAurora);
    keep(client, "movie", kZorro);
    refresh();  // the baseline (news of what changed since another test, if any: read)
    client.request("POST", "/api/me/news/read", R"({"up_to": 9007199254740991})",
                   {"Content-Type: application/json"});
    BOOST_TEST(client.get("/api/me/news?unread=1").json()["unread"].asInt() == 0);
    long long baseline = newest_change();
    // Phase 1: Aurora arrives on Bobine; Zorro becomes rentable. Phase 2: Zorro arrives on
    // Plan-Séquence, Aurora leaves it.
    stack().tmdb_offers_phase(1);
    refresh();
    stack().tmdb_offers_phase(2);
    refresh();
    auto news = client.get("/api/me/news");
    BOOST_REQUIRE_EQUAL(news.status, 200);
    BOOST_TEST(news.header("cache-control") == "no-store");
    auto body = news.json();
    BOOST_TEST(body["unread"].asInt() == 4, body);
    auto items = body["items"];
    BOOST_REQUIRE(items.size() >= 4u);
    for (Json::ArrayIndex i = 1; i < items.size(); ++i)
        BOOST_TEST(items[i - 1]["id"].asInt64() > items[i]["id"].asInt64());  // newest first
    auto all = news_since(client, baseline);
    BOOST_TEST(count_of(all, "arrived", kAurora, kBobine) == 1, describe(all));
    BOOST_TEST(count_of(all, "to_rent", kZorro) == 1, describe(all));
    BOOST_TEST(count_of(all, "arrived", kZorro, kPlanSequence) == 1, describe(all));
    BOOST_TEST(count_of(all, "left", kAurora, kPlanSequence) == 1, describe(all));
    // Read up to the second newest: one left unread, and ?unread=1 lists it alone.
    auto second = items[1]["id"].asInt64();
    auto marked =
        client.request("POST", "/api/me/news/read", "{\"up_to\": " + std::to_string(second) + "}",
                       {"Content-Type: application/json"});
    BOOST_TEST(marked.status == 200);
    BOOST_TEST(marked.body == R"({"unread":1})");
    auto unread = client.get("/api/me/news?unread=1").json();
    BOOST_TEST(unread["unread"].asInt() == 1);
    BOOST_REQUIRE(unread["items"].size() == 1u);
    BOOST_TEST(unread["items"][0]["id"] == items[0]["id"]);
    // Never back; never past what there is.
    client.request("POST", "/api/me/news/read", R"({"up_to": 1})",
                   {"Content-Type: application/json"});
    BOOST_TEST(client.get("/api/me/news").json()["unread"].asInt() == 1);
    auto all_read = client.request("POST", "/api/me/news/read",
                                   "{\"up_to\": " + items[0]["id"].asString() + "}",
                                   {"Content-Type: application/json"});
    BOOST_TEST(all_read.body == R"({"unread":0})");
    BOOST_TEST(client.get("/api/me/news?unread=1").body == R"({"unread":0,"items":[]})");
    // Bad input.
    for (const char* bad :
         {R"({"up_to": "12"})", R"({"up_to": -1})", R"({})", R"({"up_to": 1.5})"}) {
        auto r =
            client.request("POST", "/api/me/news/read", bad, {"Content-Type: application/json"});
        BOOST_TEST(r.status == 400, bad);
        BOOST_TEST(r.body == R"({"error":"up_to must be a news id"})", bad);
    }
    BOOST_TEST(client.get("/api/me/news?unread=yes").status == 400);
    // The unread count comes from the index, not from a scan of everyone's news.
    auto plan = stack().sql(
        "EXPLAIN SELECT count(*) FROM user_news WHERE user_id = "
        "'00000000-0000-0000-0000-000000000000' AND change_id > 5");
    BOOST_TEST(plan.find("Index") != std::string::npos, plan);
}

BOOST_AUTO_TEST_CASE(advice_counts_match_a_fresh_computation) {
    PhaseZero phase;
    HttpClient client;
    std::string id = sign_up(client, "advice");
    const std::vector<std::pair<std::string, std::string>> titles = {
        {"movie", kRobinHood}, {"movie", kZorro},   {"tv", kAurora}, {"movie", "900063"},
        {"movie", "900006"},   {"movie", "900001"}, {"tv", "950003"}};
    for (const auto& [media_type, title] : titles) keep(client, media_type, title);
    stack().tmdb_offers_phase(1);
    refresh();
    // Computed afresh from what the fake TMDB answers now, title by title.
    std::map<int, int> expected;
    for (const auto& [media_type, title] : titles) {
        auto page = run(
            {"curl", "-s",
             "http://127.0.0.1:" + std::to_string(stack().tmdb_port()) + "/3/" + media_type + "/" +
                 title + "?api_key=test-api-key-not-a-secret&append_to_response=watch/providers"});
        auto parsed = cv::json::parse(page.output);
        BOOST_REQUIRE(parsed.has_value());
        for (const auto& offer : (*parsed)["watch/providers"]["results"]["FR"]["flatrate"])
            ++expected[offer["provider_id"].asInt()];
    }
    BOOST_REQUIRE(!expected.empty());
    auto advice = client.get("/api/me/advice");
    BOOST_REQUIRE_EQUAL(advice.status, 200);
    BOOST_TEST(advice.header("cache-control") == "no-store");
    auto list = advice.json();
    std::map<int, int> answered;
    for (Json::ArrayIndex i = 0; i < list.size(); ++i) {
        const auto& entry = list[i];
        int provider = entry["provider"]["provider_id"].asInt();
        BOOST_TEST(entry["provider"]["provider_name"].isString());
        BOOST_TEST(entry["provider"]["logo_path"].isString());
        if (i > 0)
            BOOST_TEST(list[i - 1]["titles"].asInt() >= entry["titles"].asInt());  // most first
        if (entry["titles"].asInt() > 0) answered[provider] = entry["titles"].asInt();
    }
    BOOST_TEST((answered == expected));
    // And in SQL, from the offers kept a title.
    for (const auto& [provider, count] : expected) {
        BOOST_TEST(stack().sql("SELECT count(*) FROM watchlist_items w JOIN title_offers o USING "
                               "(media_type, tmdb_id) WHERE w.user_id = '" +
                               id + "' AND " + std::to_string(provider) + " = ANY(o.flatrate)") ==
                   std::to_string(count));
    }
    // Someone with an empty list: every subscription service, none with a title.
    HttpClient empty;
    sign_up(empty, "noadvice");
    for (const auto& entry : empty.get("/api/me/advice").json())
        BOOST_TEST(entry["titles"].asInt() == 0);
}

BOOST_AUTO_TEST_CASE(the_private_feed_is_atom_revocable_and_only_mine) {
    PhaseZero phase;
    HttpClient ada, bob;
    sign_up(ada, "feed_ada");
    sign_up(bob, "feed_bob");
    BOOST_REQUIRE_EQUAL(put_services(ada, R"({"providers": [9102]})").status, 200);
    BOOST_REQUIRE_EQUAL(put_services(bob, R"({"providers": [9103]})").status, 200);
    keep(ada, "movie", kRobinHood);
    keep(bob, "movie", kZorro);
    refresh();
    stack().tmdb_offers_phase(1);
    refresh();
    stack().tmdb_offers_phase(2);
    refresh();
    auto feed_of = [](HttpClient& client) {
        auto r = client.request("POST", "/api/me/feed", "", {"Content-Type: application/json"});
        BOOST_REQUIRE_EQUAL(r.status, 200);
        std::string url = r.json()["url"].asString();
        BOOST_REQUIRE(url.rfind("/feeds/", 0) == 0u);
        BOOST_REQUIRE(url.size() > 12 && url.substr(url.size() - 5) == ".atom");
        return url;
    };
    // What a checked feed holds: its entries' ids (atom_check.py parses it as Atom 1.0).
    auto entries_of = [](const std::string& url) {
        HttpClient reader;  // no cookie: the token alone
        auto r = reader.get(url);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        BOOST_TEST(r.header("content-type") == "application/atom+xml; charset=utf-8");
        BOOST_TEST(r.header("cache-control") == "no-store");
        std::string file = stack().dir() + "/feed.xml";
        std::ofstream(file) << r.body;
        auto checked =
            run({"python3", std::string(CV_SOURCE_DIR) + "/tests/integration/atom_check.py", file});
        BOOST_REQUIRE_MESSAGE(checked.exit_code == 0, checked.output << "\n" << r.body);
        std::set<std::string> ids;
        std::istringstream lines(checked.output);
        for (std::string line; std::getline(lines, line);) ids.insert(line);
        return ids;
    };
    auto news_ids = [](HttpClient& client) {
        std::set<std::string> ids;
        auto news = client.get("/api/me/news").json();
        for (const auto& item : news["items"]) ids.insert(item["id"].asString());
        return ids;
    };
    auto suffixes = [](const std::set<std::string>& entry_ids) {
        std::set<std::string> ids;
        for (const auto& id : entry_ids) ids.insert(id.substr(id.rfind('/') + 1));
        return ids;
    };
    std::string adas = feed_of(ada), bobs = feed_of(bob);
    auto ada_entries = entries_of(adas), bob_entries = entries_of(bobs);
    BOOST_TEST(!ada_entries.empty());
    BOOST_TEST(!bob_entries.empty());
    // Each feed is its owner's news, and nobody else's.
    BOOST_TEST(suffixes(ada_entries) == news_ids(ada));
    BOOST_TEST(suffixes(bob_entries) == news_ids(bob));
    HttpClient reader;
    auto text = reader.get(adas).body;
    BOOST_TEST(text.find("Robin Hood") != std::string::npos);
    BOOST_TEST(text.find("Zorro") == std::string::npos);
    BOOST_TEST(text.find("arrive sur Fondu Enchaîné") != std::string::npos, text);
    // A new URL revokes the old; DELETE revokes it too; unknown tokens are 404.
    std::string renewed = feed_of(ada);
    BOOST_TEST(renewed != adas);
    auto revoked = reader.get(adas);
    BOOST_TEST(revoked.status == 404);
    BOOST_TEST(revoked.body == R"({"error":"Not found"})");
    BOOST_TEST(reader.get(renewed).status == 200);
    auto deleted = ada.request("DELETE", "/api/me/feed");
    BOOST_TEST(deleted.body == R"({"revoked":true})");
    BOOST_TEST(reader.get(renewed).status == 404);
    BOOST_TEST(ada.request("DELETE", "/api/me/feed").body == R"({"revoked":false})");
    for (const char* unknown : {"/feeds/abc.atom", "/feeds/x", "/feeds/.atom",
                                "/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.atom"})
        BOOST_TEST(reader.get(unknown).status == 404, unknown);
    // Only a hash of a token is stored.
    std::string token = bobs.substr(7, bobs.size() - 12);
    BOOST_TEST(stack().sql("SELECT count(*) FROM news_feeds WHERE encode(token_hash, 'escape') "
                           "LIKE '%" +
                           token + "%'") == "0");
}

BOOST_AUTO_TEST_CASE(the_export_holds_it_and_deleting_the_account_takes_it) {
    PhaseZero phase;
    HttpClient client;
    std::string name = unique_name("platforms_leaver");
    auto registered = client.post_json("/register", registration(name));
    BOOST_REQUIRE_EQUAL(registered.status, 200);
    std::string id = registered.json()["id"].asString();
    BOOST_REQUIRE_EQUAL(put_services(client, R"({"providers": [9102]})").status, 200);
    keep(client, "movie", kRobinHood);
    refresh();
    stack().tmdb_offers_phase(1);
    refresh();
    BOOST_REQUIRE(!client.get("/api/me/news").json()["items"].empty());
    client.request("POST", "/api/me/news/read", R"({"up_to": 1})",
                   {"Content-Type: application/json"});
    auto feed = client.request("POST", "/api/me/feed", "", {"Content-Type: application/json"});
    BOOST_REQUIRE_EQUAL(feed.status, 200);
    // The data export carries all of it, the feed's token excepted.
    auto exported = client.get("/api/export");
    BOOST_REQUIRE_EQUAL(exported.status, 200);
    auto platforms = exported.json()["platforms"];
    BOOST_TEST(ids_of(platforms["services"]) == std::vector<int>{kFondu});
    BOOST_TEST(!platforms["news"].empty());
    BOOST_TEST(platforms["news"][0]["title"].asString() == "Robin Hood");
    BOOST_TEST(platforms["news_read_up_to"].isIntegral());
    BOOST_TEST(platforms["feed"]["created_at"].asString().size() == 20u);
    std::string url = feed.json()["url"].asString();
    BOOST_TEST(exported.body.find(url.substr(7, url.size() - 12)) == std::string::npos);
    auto deleted = client.request("DELETE", "/api/account", R"({"password": "correct horse"})",
                                  {"Content-Type: application/json"});
    BOOST_REQUIRE_EQUAL(deleted.status, 200);
    for (const char* table : {"user_providers", "user_news", "news_read", "news_feeds",
                              "watchlist_items", "sessions"}) {
        BOOST_TEST(stack().sql(std::string("SELECT count(*) FROM ") + table + " WHERE user_id = '" +
                               id + "'") == "0",
                   table);
    }
}

BOOST_AUTO_TEST_SUITE_END()
