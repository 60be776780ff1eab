// Finding and opening a film, over the real stack with the fake TMDB serving the demo
// catalogue: search, film and series pages, the image configuration, the aliases.
#include <boost/test/unit_test.hpp>

#include "core/json.hpp"
#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// Demo titles that exercise the contract's rules (demo/titles.py).
constexpr const char* kNosferatu = "900006";       // official French trailer, French offers
constexpr const char* kBirthOfANation = "900002";  // an English trailer only
constexpr const char* kIntolerance = "900003";     // a teaser only
constexpr const char* kTheKid = "900005";          // no trailer, no offers anywhere
constexpr const char* kCaligari = "900004";        // offers, but none in France
constexpr const char* kSeries = "950003";
constexpr const char* kPhantom = "900013";  // asked for by no other test

long rows(const std::string& like) {
    return std::stol(
        stack().sql("SELECT count(*) FROM catalogue_cache WHERE key LIKE '" + like + "'"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(discovery)

BOOST_AUTO_TEST_CASE(a_film_page_has_the_contract_shape) {
    HttpClient client;
    auto r = client.get(std::string("/api/movie/") + kNosferatu);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    auto page = r.json();
    BOOST_TEST(page["id"].asInt() == 900006);
    BOOST_TEST(page["media_type"].asString() == "movie");
    BOOST_TEST(page["title"].asString() == "Nosferatu");
    BOOST_TEST(page["original_title"].isString());
    BOOST_TEST(page["runtime"].isIntegral());
    BOOST_TEST(page["genres"].size() > 0u);
    BOOST_TEST(page["directors"][0]["name"].asString() == "F. W. Murnau");
    BOOST_TEST(page["cast"].size() > 0u);
    BOOST_TEST(page["cast"].size() <= 20u);
    BOOST_TEST(page["cast"][0].isMember("character"));
    BOOST_TEST(page["similar"].size() > 0u);
    BOOST_TEST(page["similar"].size() <= 20u);
    BOOST_TEST(page["trailer"]["site"].asString() == "YouTube");
    BOOST_TEST(page["certification"].isString());
    BOOST_TEST(!page.isMember("credits"));  // reduced, not TMDB's 100 KB
    BOOST_TEST(r.header("cache-control").find("public, max-age=") == 0u);
    // One TMDB call with everything appended, in the configured language (a title no other
    // test asks for, nor the demo's Letterboxd export names, so that its call is this one).
    BOOST_REQUIRE_EQUAL(client.get("/__direct/api/movie/900078").status, 200);
    auto query = stack().tmdb_last_query("/3/movie/900078");
    for (const char* part : {"language=fr-FR",
                             "append_to_response=credits,videos,watch/providers,"
                             "similar,recommendations,release_dates",
                             "include_video_language=fr,en,null"})
        BOOST_TEST(query.find(part) != std::string::npos, part << " in " << query);
}

BOOST_AUTO_TEST_CASE(the_trailer_rule_and_the_regions_providers) {
    HttpClient client;
    auto page = [&](const char* id) { return client.get(std::string("/api/movie/") + id).json(); };
    auto nosferatu = page(kNosferatu);
    BOOST_TEST(nosferatu["trailer"]["name"].asString().find("officielle") != std::string::npos,
               nosferatu["trailer"]);
    BOOST_TEST(!page(kBirthOfANation)["trailer"].isNull());
    BOOST_TEST(!page(kIntolerance)["trailer"].isNull());
    BOOST_TEST(page(kTheKid)["trailer"].isNull());
    // France's offers only: a title offered elsewhere but not in France has none.
    BOOST_TEST(nosferatu["providers"]["link"].asString().find("locale=FR") != std::string::npos);
    BOOST_TEST(nosferatu["providers"]["flatrate"][0].isMember("provider_name"));
    BOOST_TEST(page(kCaligari)["providers"].isNull());
    BOOST_TEST(page(kTheKid)["providers"].isNull());
}

BOOST_AUTO_TEST_CASE(a_series_page) {
    HttpClient client;
    auto r = client.get(std::string("/api/tv/") + kSeries);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    auto page = r.json();
    BOOST_TEST(page["media_type"].asString() == "tv");
    BOOST_TEST(page["name"].isString());
    BOOST_TEST(page["number_of_seasons"].isIntegral());
    BOOST_TEST(page["creators"].size() > 0u);
    BOOST_TEST(page["networks"][0].isMember("logo_path"));
    BOOST_TEST(page["cast"][0]["character"].isString());
    BOOST_TEST(!page.isMember("title"));
    BOOST_REQUIRE_EQUAL(client.get("/__direct/api/tv/950010").status, 200);
    auto query = stack().tmdb_last_query("/3/tv/950010");
    BOOST_TEST(query.find("aggregate_credits") != std::string::npos, query);
}

BOOST_AUTO_TEST_CASE(malformed_and_unknown_ids_are_404_and_unknown_ones_remembered) {
    HttpClient client;
    for (const char* bad : {"/api/movie/0", "/api/movie/-1", "/api/movie/abc", "/api/movie/007",
                            "/api/movie/2147483648", "/api/tv/1.5"}) {
        auto r = client.get(bad);
        BOOST_TEST(r.status == 404, bad);
        BOOST_TEST(r.body == R"({"error":"Not found"})", bad);
    }
    stack().tmdb_reset();
    long before = rows("/movie/%");
    // Unknown to TMDB: two requests (past nginx's cache), one TMDB call.
    for (int i = 0; i < 2; ++i) {
        auto r = client.get("/__direct/api/movie/123456789");
        BOOST_TEST(r.status == 404);
        BOOST_TEST(r.json()["error"].asString() == "Not found");
    }
    BOOST_TEST(stack().tmdb_count("/3/movie/123456789") == 1);
    BOOST_TEST(rows("/movie/%") == before + 1);  // the malformed ones made no row
}

BOOST_AUTO_TEST_CASE(a_page_is_served_stale_while_tmdb_fails_and_503_with_nothing_kept) {
    ScopedPool pool{{"CINEVERSE_CACHE_TTL_MOVIE", "1s"}, {"CINEVERSE_CACHE_TTL_TV", "1s"}};
    HttpClient client;
    std::string path = std::string("/__direct/api/movie/") + kPhantom;
    BOOST_REQUIRE_EQUAL(client.get(path).status, 200);
    ScopedTmdbMode failing{R"({"mode": "error500"})"};
    // Once its second is up, the page is refreshed from a failing TMDB: the kept one is served.
    HttpResult stale;
    BOOST_TEST(wait_until(
        [&] {
            stale = client.get(path);
            return stale.header("x-cache") == "STALE";
        },
        20s));
    BOOST_TEST(stale.status == 200);
    BOOST_TEST(stale.json()["title"].asString() == "The Phantom of the Opera");
    auto nothing = client.get("/__direct/api/tv/950001");
    BOOST_TEST(nothing.status == 503);
    BOOST_TEST(nothing.body == R"({"error":"Catalogue unavailable"})");
}

BOOST_AUTO_TEST_CASE(search_passes_tmdb_results_through_and_normalises_its_key) {
    HttpClient client;
    auto r = client.get("/api/search-multi?query=nosfer");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    auto results = r.json();
    BOOST_REQUIRE(results.isArray());
    bool found = false;
    for (const auto& item : results) {
        BOOST_TEST(item.isMember("media_type"));
        found = found || item["title"].asString() == "Nosferatu";
    }
    BOOST_TEST(found);
    BOOST_REQUIRE_EQUAL(client.get("/__direct/api/search-multi?query=murnau").status, 200);
    auto query = stack().tmdb_last_query("/3/search/multi");
    BOOST_TEST(query.find("query=murnau") != std::string::npos, query);
    BOOST_TEST(query.find("include_adult=false") != std::string::npos, query);
    BOOST_TEST(query.find("language=fr-FR") != std::string::npos, query);
    // Two spellings, one key, one TMDB call (past nginx's cache, which keys on the raw value;
    // a word no other test searches, nor the import of the demo's Letterboxd export).
    stack().tmdb_reset();
    BOOST_TEST(client.get("/__direct/api/search-multi?query=%20%20Horse%20").status == 200);
    BOOST_TEST(client.get("/__direct/api/search-multi?query=horse").status == 200);
    BOOST_TEST(client.get("/__direct/api/search-multi?query=HORSE&zz=1").status == 200);
    BOOST_TEST(stack().tmdb_count("/3/search/multi") == 1);
    BOOST_TEST(rows("/search/multi?query=horse&%") == 1);
}

BOOST_AUTO_TEST_CASE(search_refuses_what_breaks_its_rule) {
    HttpClient client;
    for (const std::string& bad :
         {std::string("/api/search-multi"), std::string("/api/search-multi?query="),
          std::string("/api/search-multi?query=%20%20%20"),
          "/api/search-multi?query=" + std::string(101, 'a'),
          std::string("/api/search-multi?query=a%09b"),
          std::string("/api/search-multi?query=%ff")}) {
        auto r = client.get(bad);
        BOOST_TEST(r.status == 400, bad);
        BOOST_TEST(r.body == R"({"error":"query must be 1 to 100 characters"})", bad);
    }
    BOOST_TEST(client.get("/api/search-multi?query=nosf&page=501").status == 400);
    // TMDB failing with nothing kept: the original's empty list.
    ScopedTmdbMode failing{R"({"mode": "error500"})"};
    auto empty = client.get("/__direct/api/search-multi?query=unheard-of");
    BOOST_TEST(empty.status == 200);
    BOOST_TEST(empty.body == "[]");
}

BOOST_AUTO_TEST_CASE(the_original_clients_aliases_answer_as_their_routes) {
    HttpClient client;
    BOOST_TEST(client.get("/api/users/search-multi?query=nosf").body ==
               client.get("/api/search-multi?query=nosf").body);
    auto name = "alias" + std::to_string(getpid());
    auto body = std::string(R"({"username": ")") + name +
                R"(", "password": "correct horse", "email": ")" + name +
                R"(@example.org", "first_name": "A", "last_name": "B"})";
    BOOST_REQUIRE_EQUAL(client.post_json("/register", body).status, 200);
    auto me = client.get("/@me");
    BOOST_TEST(me.status == 200);
    BOOST_TEST(client.get("/api/@me").body == me.body);
    HttpClient anonymous;
    BOOST_TEST(anonymous.get("/api/@me").body == anonymous.get("/@me").body);
}

BOOST_AUTO_TEST_CASE(the_image_configuration) {
    HttpClient client;
    auto r = client.get("/api/config");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    auto images = r.json()["images"];
    BOOST_TEST(images["base_url"].asString() == "/demo-images/");  // the demo's, on this site
    for (const char* sizes : {"poster_sizes", "backdrop_sizes", "profile_sizes", "logo_sizes"})
        BOOST_TEST(images[sizes].size() > 0u, sizes);
    // And the image is there, same origin.
    auto poster = client.get(
        r.json()["images"]["base_url"].asString() + "w342" +
        client.get(std::string("/api/movie/") + kNosferatu).json()["poster_path"].asString());
    BOOST_TEST(poster.status == 200);
    BOOST_TEST(poster.header("content-type") == "image/svg+xml");
}

BOOST_AUTO_TEST_SUITE_END()
