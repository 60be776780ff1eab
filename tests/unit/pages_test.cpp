// Film and series pages reduced from TMDB's answers to the contract's shape, and search
// queries normalised.
#include <boost/test/unit_test.hpp>
#include <map>

#include "catalogue/pages.hpp"
#include "catalogue/search.hpp"
#include "core/json.hpp"

using namespace cv::catalogue;

namespace {

Json::Value video(const char* type, const char* language, bool official, const char* key) {
    Json::Value v(Json::objectValue);
    v["type"] = type;
    v["iso_639_1"] = language;
    v["official"] = official;
    v["key"] = key;
    v["site"] = "YouTube";
    v["name"] = std::string(type) + " " + language;
    return v;
}

// A TMDB movie answer with everything appended; `people` cast members and `similar` titles.
Json::Value tmdb_movie(int people = 3, int similar = 3) {
    Json::Value page(Json::objectValue);
    page["id"] = 653;
    page["title"] = "Nosferatu";
    page["original_title"] = "Nosferatu, eine Symphonie des Grauens";
    page["overview"] = "Un agent immobilier…";
    page["tagline"] = "";
    page["release_date"] = "1922-02-16";
    page["runtime"] = 94;
    page["poster_path"] = "/p.jpg";
    page["backdrop_path"] = Json::Value();
    page["vote_average"] = 7.6;
    page["vote_count"] = 1900;
    page["budget"] = 0;  // not in the contract: left out
    Json::Value genre(Json::objectValue);
    genre["id"] = 27;
    genre["name"] = "Horreur";
    page["genres"].append(genre);
    for (int i = 0; i < people; ++i) {
        Json::Value person(Json::objectValue);
        person["id"] = 100 + i;
        person["name"] = "Person " + std::to_string(i);
        person["character"] = "Role " + std::to_string(i);
        person["profile_path"] = Json::Value();
        person["order"] = people - i;  // TMDB's list is not always in billing order
        person["popularity"] = 1.5;
        page["credits"]["cast"].append(person);
    }
    Json::Value director(Json::objectValue);
    director["id"] = 9;
    director["name"] = "F. W. Murnau";
    director["job"] = "Director";
    page["credits"]["crew"].append(director);
    Json::Value writer = director;
    writer["id"] = 10;
    writer["job"] = "Screenplay";
    page["credits"]["crew"].append(writer);
    page["videos"]["results"] = Json::Value(Json::arrayValue);
    for (int i = 0; i < similar; ++i) {
        Json::Value item(Json::objectValue);
        item["id"] = 1000 + i;
        item["title"] = "Similar " + std::to_string(i);
        page["similar"]["results"].append(item);
    }
    Json::Value fr(Json::objectValue);
    fr["link"] = "https://www.themoviedb.org/movie/653/watch?locale=FR";
    Json::Value offer(Json::objectValue);
    offer["provider_id"] = 8;
    offer["provider_name"] = "Cinémathèque";
    offer["logo_path"] = "/l.jpg";
    offer["display_priority"] = 1;
    fr["flatrate"].append(offer);
    page["watch/providers"]["results"]["FR"] = fr;
    Json::Value us = fr;
    us["flatrate"][0]["provider_name"] = "Elsewhere";
    page["watch/providers"]["results"]["US"] = us;
    Json::Value release(Json::objectValue);
    release["iso_3166_1"] = "FR";
    Json::Value premiere(Json::objectValue);
    premiere["type"] = 1;
    premiere["certification"] = "";
    release["release_dates"].append(premiere);
    Json::Value theatrical(Json::objectValue);
    theatrical["type"] = 3;
    theatrical["certification"] = "12";
    release["release_dates"].append(theatrical);
    page["release_dates"]["results"].append(release);
    return page;
}

Json::Value reduced(const Json::Value& tmdb, const PageOptions& options = {}) {
    auto out = movie_page(cv::json::write(tmdb), options);
    BOOST_REQUIRE(out.has_value());
    return *cv::json::parse(*out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pages)

BOOST_AUTO_TEST_CASE(a_film_page_has_the_contract_keys_and_nothing_else) {
    auto page = reduced(tmdb_movie());
    for (const char* key : {"id",         "media_type",    "title",         "original_title",
                            "overview",   "tagline",       "release_date",  "runtime",
                            "genres",     "poster_path",   "backdrop_path", "vote_average",
                            "vote_count", "certification", "directors",     "cast",
                            "trailer",    "providers",     "similar",       "recommendations",
                            "collection", "release_fr"})
        BOOST_TEST(page.isMember(key), key);
    BOOST_TEST(page.size() == 22u);
    BOOST_TEST(page["media_type"].asString() == "movie");
    BOOST_TEST(page["certification"].asString() == "12");  // the theatrical release's
    BOOST_TEST(page["directors"].size() == 1u);
    BOOST_TEST(page["directors"][0]["name"].asString() == "F. W. Murnau");
    BOOST_TEST(page["directors"][0].size() == 2u);
    BOOST_TEST(page["genres"][0]["name"].asString() == "Horreur");
    BOOST_TEST(page["backdrop_path"].isNull());
}

BOOST_AUTO_TEST_CASE(cast_in_billing_order_and_at_most_twenty_of_cast_and_similar) {
    auto page = reduced(tmdb_movie(45, 30));
    BOOST_TEST(page["cast"].size() == 20u);
    BOOST_TEST(page["cast"][0]["name"].asString() == "Person 44");  // order 1
    BOOST_TEST(page["cast"][0].size() == 4u);  // id, name, character, profile_path
    BOOST_TEST(page["similar"].size() == 20u);
}

BOOST_AUTO_TEST_CASE(providers_of_the_configured_region_only) {
    auto page = reduced(tmdb_movie());
    BOOST_TEST(page["providers"]["flatrate"][0]["provider_name"].asString() == "Cinémathèque");
    BOOST_TEST(page["providers"]["flatrate"][0].size() == 3u);  // no display_priority
    BOOST_TEST(!page["providers"].isMember("rent"));
    PageOptions us;
    us.region = "US";
    BOOST_TEST(reduced(tmdb_movie(), us)["providers"]["flatrate"][0]["provider_name"].asString() ==
               "Elsewhere");
    PageOptions nowhere;
    nowhere.region = "JP";
    BOOST_TEST(reduced(tmdb_movie(), nowhere)["providers"].isNull());
    BOOST_TEST(reduced(tmdb_movie(), nowhere)["certification"].isNull());
}

BOOST_AUTO_TEST_CASE(the_trailer_rule) {
    auto with = [](std::initializer_list<Json::Value> videos) {
        Json::Value tmdb = tmdb_movie();
        for (const auto& v : videos) tmdb["videos"]["results"].append(v);
        return reduced(tmdb)["trailer"];
    };
    // An official French Trailer first, whatever else there is.
    BOOST_TEST(with({video("Teaser", "fr", true, "t"), video("Trailer", "en", true, "en"),
                     video("Trailer", "fr", false, "unofficial"),
                     video("Trailer", "fr", true, "fr")})["key"]
                   .asString() == "fr");
    // Else an English Trailer.
    BOOST_TEST(with({video("Teaser", "fr", true, "t"), video("Trailer", "fr", false, "unofficial"),
                     video("Trailer", "en", false, "en")})["key"]
                   .asString() == "en");
    // Else a Teaser (the language's first).
    BOOST_TEST(with({video("Clip", "fr", true, "c"), video("Teaser", "en", true, "ten"),
                     video("Teaser", "fr", true, "tfr")})["key"]
                   .asString() == "tfr");
    // Else none; a German trailer is no trailer for a French page.
    BOOST_TEST(
        with({video("Trailer", "de", true, "de"), video("Featurette", "fr", true, "f")}).isNull());
    auto chosen = with({video("Trailer", "fr", true, "fr")});
    BOOST_TEST(chosen.size() == 3u);  // site, key, name
    BOOST_TEST(chosen["site"].asString() == "YouTube");
}

BOOST_AUTO_TEST_CASE(a_series_page) {
    Json::Value tmdb(Json::objectValue);
    tmdb["id"] = 950003;
    tmdb["name"] = "La Maison du bout du lac";
    tmdb["original_name"] = "The House by the Lake";
    tmdb["first_air_date"] = "2019-01-01";
    tmdb["last_air_date"] = "2021-01-01";
    tmdb["number_of_seasons"] = 3;
    tmdb["number_of_episodes"] = 30;
    tmdb["episode_run_time"] = Json::Value(Json::arrayValue);
    Json::Value creator(Json::objectValue);
    creator["id"] = 1;
    creator["name"] = "N. Brisco";
    creator["credit_id"] = "x";
    tmdb["created_by"].append(creator);
    Json::Value network(Json::objectValue);
    network["id"] = 9205;
    network["name"] = "Frontier";
    network["logo_path"] = "/n.svg";
    network["origin_country"] = "US";
    tmdb["networks"].append(network);
    Json::Value person(Json::objectValue);
    person["id"] = 7;
    person["name"] = "June";
    person["order"] = 0;
    person["profile_path"] = "/j.svg";
    Json::Value small(Json::objectValue), big(Json::objectValue);
    small["character"] = "Guest";
    small["episode_count"] = 2;
    big["character"] = "Abigail";
    big["episode_count"] = 40;
    person["roles"].append(small);
    person["roles"].append(big);
    tmdb["aggregate_credits"]["cast"].append(person);
    Json::Value rating(Json::objectValue);
    rating["iso_3166_1"] = "FR";
    rating["rating"] = "12";
    tmdb["content_ratings"]["results"].append(rating);
    auto out = tv_page(cv::json::write(tmdb), {});
    BOOST_REQUIRE(out.has_value());
    auto page = *cv::json::parse(*out);
    BOOST_TEST(page["media_type"].asString() == "tv");
    BOOST_TEST(page["episode_run_time"].isNull());
    BOOST_TEST(page["cast"][0]["character"].asString() == "Abigail");  // the most-played role
    BOOST_TEST(page["certification"].asString() == "12");
    BOOST_TEST(page["creators"][0].size() == 2u);
    BOOST_TEST(page["networks"][0].size() == 3u);
    BOOST_TEST(!page.isMember("title"));
    BOOST_TEST(page.isMember("number_of_seasons"));
}

BOOST_AUTO_TEST_CASE(garbage_is_no_page) {
    for (const char* body : {"", "[]", "{}", R"({"id": "653"})", "{\"id\": 653", "null"})
        BOOST_TEST(!movie_page(body, {}).has_value(), body);
    BOOST_TEST(movie_page(R"({"id": 1})", {}).has_value());  // sparse, but a page
}

BOOST_AUTO_TEST_CASE(page_queries_append_everything_in_one_call) {
    BOOST_TEST(movie_page_query("fr-FR") ==
               "language=fr-FR&append_to_response=credits,videos,watch/providers,similar,"
               "recommendations,release_dates&include_video_language=fr,en,null");
    BOOST_TEST(tv_page_query("en-US").find("aggregate_credits") != std::string::npos);
    BOOST_TEST(tv_page_query("en-US").find("include_video_language=en,en,null") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_film_says_its_saga_and_its_recommendations) {
    auto tmdb = tmdb_movie();
    BOOST_TEST(reduced(tmdb)["collection"].isNull());
    BOOST_TEST(reduced(tmdb)["recommendations"].size() == 0u);
    tmdb["belongs_to_collection"]["id"] = 990001;
    tmdb["belongs_to_collection"]["name"] = "Fantômas - Saga";
    tmdb["belongs_to_collection"]["poster_path"] = "/s.svg";
    tmdb["belongs_to_collection"]["backdrop_path"] = "/b.svg";
    for (int i = 0; i < 25; ++i) tmdb["recommendations"]["results"][i]["id"] = 2000 + i;
    auto page = reduced(tmdb);
    BOOST_TEST(page["collection"]["id"].asInt() == 990001);
    BOOST_TEST(page["collection"]["name"].asString() == "Fantômas - Saga");
    BOOST_TEST(page["collection"].size() == 3u);  // id, name, poster_path
    BOOST_TEST(page["recommendations"].size() == 20u);
    BOOST_TEST(page["recommendations"][0]["id"].asInt() == 2000);
}

BOOST_AUTO_TEST_CASE(the_french_release_gives_the_earliest_dates_of_each_window) {
    auto tmdb = tmdb_movie();
    // No French cinema date: no windows.
    auto none = reduced(tmdb)["release_fr"];
    BOOST_TEST(none["cinema"].isNull());
    BOOST_TEST(none["windows"].size() == 0u);
    // A limited release, then the theatrical one: the theatrical date counts.
    Json::Value& fr = tmdb["release_dates"]["results"][0]["release_dates"];
    fr[0]["type"] = 2;
    fr[0]["release_date"] = "2026-07-01T00:00:00.000Z";
    fr[1]["release_date"] = "2026-08-31T00:00:00.000Z";
    auto release = reduced(tmdb)["release_fr"];
    BOOST_TEST(release["cinema"].asString() == "2026-08-31");
    std::map<std::string, std::string> earliest;
    for (const auto& window : release["windows"])
        earliest[window["channel"].asString()] = window["earliest"].asString();
    BOOST_TEST(earliest.size() == 5u);
    BOOST_TEST(earliest["rent_buy"] == "2026-12-31");        // 4 months
    BOOST_TEST(earliest["canal_plus"] == "2027-02-28");      // 6 months: February's last day
    BOOST_TEST(earliest["svod_agreement"] == "2027-11-30");  // 15 months
    BOOST_TEST(earliest["svod"] == "2028-01-31");            // 17 months
    BOOST_TEST(earliest["free_tv"] == "2028-06-30");         // 22 months
    // Only the limited release: its date counts; another country's never.
    fr[1]["type"] = 4;
    BOOST_TEST(reduced(tmdb)["release_fr"]["cinema"].asString() == "2026-07-01");
    tmdb["release_dates"]["results"][0]["iso_3166_1"] = "US";
    BOOST_TEST(reduced(tmdb)["release_fr"]["cinema"].isNull());
}

BOOST_AUTO_TEST_CASE(search_queries_are_normalised_and_bounded) {
    BOOST_TEST(*normalised_search("  Nosferatu ") == "nosferatu");
    BOOST_TEST(*normalised_search("Night   of  THE living") == "night of the living");
    BOOST_TEST(*normalised_search("Métropolis") == "métropolis");  // ASCII letters only
    BOOST_TEST(normalised_search(std::string(100, 'a')).has_value());
    BOOST_TEST(normalised_search(std::string(99, 'a') + "é").has_value());  // code points
    for (const std::string& bad :
         {std::string(""), std::string("   "), std::string(101, 'a'), std::string("tab\there"),
          std::string("bad\xff"), std::string("nul\0x", 5)})
        BOOST_TEST(!normalised_search(bad).has_value(), bad);
    // One question, and so one cache key, for a visitor's search and an import's.
    BOOST_TEST(search_query("the kid", "fr-FR") ==
               "query=the%20kid&include_adult=false&language=fr-FR");
    BOOST_TEST(search_query("häxan", "en-US", 2) ==
               "query=h%C3%A4xan&include_adult=false&language=en-US&page=2");
}

BOOST_AUTO_TEST_SUITE_END()
