// Discovering by filters: a question validated and normalised into one TMDB query; person
// and saga pages, and the services list, reduced from TMDB's answers. No I/O.
#include <boost/test/unit_test.hpp>
#include <map>

#include "catalogue/discover.hpp"
#include "catalogue/people_and_sagas.hpp"
#include "catalogue/providers.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"

using namespace cv::catalogue;

namespace {

using Parameters = std::map<std::string, std::string>;

std::string query_for(MediaType media, const Parameters& given) {
    return discover_query(
               media,
               [&](const std::string& name) -> std::optional<std::string> {
                   auto found = given.find(name);
                   if (found == given.end()) return std::nullopt;
                   return found->second;
               },
               "fr-FR", "FR")
        .tmdb_query;
}

std::string refusal(MediaType media, const Parameters& given) {
    try {
        query_for(media, given);
    } catch (const cv::Failure& failure) {
        BOOST_TEST((failure.kind() == cv::FailureKind::invalid_input));
        return failure.what();
    }
    return "";
}

bool has(const std::string& query, const std::string& part) {
    return ("&" + query + "&").find("&" + part + "&") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(discovering)

BOOST_AUTO_TEST_CASE(two_spellings_of_one_question_are_one_query) {
    std::string one = query_for(MediaType::movie, {{"genres", "35,18,35"},
                                                   {"year_from", "1920"},
                                                   {"sort", "popularity"},
                                                   {"page", "1"},
                                                   {"providers", "9107, 8"}});
    std::string other = query_for(MediaType::movie, {{"providers", "8,9107"},
                                                     {"genres", "18, 35"},
                                                     {"genres_mode", "all"},
                                                     {"year_from", "1920"},
                                                     {"rating_min", "0"},
                                                     {"votes_min", "0"}});
    BOOST_TEST(one == other);
    BOOST_TEST(has(one, "with_genres=18,35"));
    BOOST_TEST(has(one, "with_watch_providers=8%7C9107"));
    BOOST_TEST(has(one, "watch_region=FR"));
    BOOST_TEST(has(one, "region=FR"));
    BOOST_TEST(has(one, "primary_release_date.gte=1920-01-01"));
    BOOST_TEST(one.find("page=") == std::string::npos);  // the default, dropped
    BOOST_TEST(one.find("vote_average") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_filter_reaches_tmdb_as_its_parameter) {
    auto movie = query_for(MediaType::movie, {{"genres", "35,10751"},
                                              {"genres_mode", "any"},
                                              {"year_from", "1990"},
                                              {"year_to", "1999"},
                                              {"rating_min", "7.50"},
                                              {"votes_min", "30"},
                                              {"runtime_min", "60"},
                                              {"runtime_max", "100"},
                                              {"original_language", "fr"},
                                              {"certification_max", "U"},
                                              {"monetization", "rent,flatrate,flatrate"},
                                              {"sort", "release"},
                                              {"page", "3"}});
    for (const char* part :
         {"with_genres=35%7C10751", "primary_release_date.gte=1990-01-01",
          "primary_release_date.lte=1999-12-31", "vote_average.gte=7.5", "vote_count.gte=30",
          "with_runtime.gte=60", "with_runtime.lte=100", "with_original_language=fr",
          "certification_country=FR", "certification.lte=U",
          "with_watch_monetization_types=flatrate%7Crent", "sort_by=primary_release_date.desc",
          "page=3", "language=fr-FR", "include_adult=false"})
        BOOST_TEST(has(movie, part), part << " in " << movie);
    auto series = query_for(MediaType::tv, {{"year_from", "2001"}, {"sort", "title"}});
    BOOST_TEST(has(series, "first_air_date.gte=2001-01-01"));
    BOOST_TEST(has(series, "sort_by=name.asc"));
}

BOOST_AUTO_TEST_CASE(the_rating_sort_always_has_a_vote_floor) {
    auto rated = query_for(MediaType::movie, {{"sort", "rating"}});
    BOOST_TEST(has(rated, "sort_by=vote_average.desc"));
    BOOST_TEST(has(rated, "vote_count.gte=100"));
    // A higher floor of the visitor's own stands.
    BOOST_TEST(has(query_for(MediaType::movie, {{"sort", "rating"}, {"votes_min", "500"}}),
                   "vote_count.gte=500"));
}

BOOST_AUTO_TEST_CASE(a_value_out_of_its_rule_names_its_parameter) {
    const std::pair<Parameters, const char*> cases[] = {
        {{{"genres", "28,abc"}}, "genres"},
        {{{"genres", "0"}}, "genres"},
        {{{"genres_mode", "some"}}, "genres_mode"},
        {{{"year_from", "1850"}}, "year_from"},
        {{{"year_from", "2000"}, {"year_to", "1990"}}, "year_to"},
        {{{"rating_min", "11"}}, "rating_min"},
        {{{"rating_min", "7.25"}}, "rating_min"},
        {{{"rating_min", "-1"}}, "rating_min"},
        {{{"votes_min", "many"}}, "votes_min"},
        {{{"runtime_min", "120"}, {"runtime_max", "90"}}, "runtime_max"},
        {{{"original_language", "FR"}}, "original_language"},
        {{{"original_language", "fra"}}, "original_language"},
        {{{"certification_max", "PG-13"}}, "certification_max"},
        {{{"providers", "8,,9"}}, "providers"},
        {{{"monetization", "stream"}}, "monetization"},
        {{{"sort", "random"}}, "sort"},
        {{{"page", "501"}}, "page"},
        {{{"page", "0"}}, "page"},
    };
    for (const auto& [given, name] : cases)
        BOOST_TEST(refusal(MediaType::movie, given) == std::string("Invalid parameter: ") + name,
                   name);
    // Series have no French age-rating filter at TMDB.
    BOOST_TEST(refusal(MediaType::tv, {{"certification_max", "12"}}) ==
               "Invalid parameter: certification_max");
    std::string many;
    for (int i = 1; i <= 31; ++i) many += (many.empty() ? "" : ",") + std::to_string(i);
    BOOST_TEST(refusal(MediaType::movie, {{"providers", many}}) == "Invalid parameter: providers");
}

BOOST_AUTO_TEST_CASE(a_discover_answer_keeps_the_envelope) {
    auto page = discover_page(
        R"({"page": 2, "results": [{"id": 1}], "total_pages": 900, "total_results": 18000, "x": 1})");
    BOOST_REQUIRE(page.has_value());
    auto parsed = *cv::json::parse(*page);
    BOOST_TEST(parsed["page"].asInt() == 2);
    BOOST_TEST(parsed["total_pages"].asInt() == 500);  // TMDB serves no page past 500
    BOOST_TEST(parsed["total_results"].asInt() == 18000);
    BOOST_TEST(parsed["results"].size() == 1u);
    BOOST_TEST(parsed.size() == 4u);
    BOOST_TEST(!discover_page(R"({"status_code": 7})").has_value());
}

BOOST_AUTO_TEST_CASE(a_persons_credits_are_one_entry_a_title) {
    auto page = person_page(R"({
        "id": 970001, "name": "Charlie Chaplin", "biography": "…", "birthday": "1889-04-16",
        "deathday": "1977-12-25", "place_of_birth": "Londres", "profile_path": "/c.svg",
        "known_for_department": "Acting", "adult": false,
        "combined_credits": {
          "cast": [{"media_type": "movie", "id": 1, "title": "The Kid", "character": "Le vagabond",
                    "release_date": "1921-02-06", "poster_path": "/k.svg", "vote_average": 8.1,
                    "popularity": 9.5},
                   {"media_type": "tv", "id": 2, "name": "A Show", "character": "Lui-même",
                    "first_air_date": "", "popularity": 1}],
          "crew": [{"media_type": "movie", "id": 1, "title": "The Kid", "job": "Director",
                    "release_date": "1921-02-06"},
                   {"media_type": "movie", "id": 1, "title": "The Kid", "job": "Writer"},
                   {"media_type": "movie", "id": 1, "title": "The Kid", "job": "Director"},
                   {"media_type": "movie", "id": 3, "title": "City Lights", "job": "Producer",
                    "release_date": "1931-01-30"}]}})");
    BOOST_REQUIRE(page.has_value());
    auto parsed = *cv::json::parse(*page);
    BOOST_TEST(parsed["name"].asString() == "Charlie Chaplin");
    BOOST_TEST(!parsed.isMember("adult"));
    const auto& credits = parsed["credits"];
    BOOST_REQUIRE(credits.size() == 3u);
    // Newest first, undated last.
    BOOST_TEST(credits[0]["title"].asString() == "City Lights");
    BOOST_TEST(credits[1]["title"].asString() == "The Kid");
    BOOST_TEST(credits[1]["character"].asString() == "Le vagabond");
    BOOST_TEST(credits[1]["job"].asString() == "Director, Writer");
    BOOST_TEST(credits[1]["date"].asString() == "1921-02-06");
    BOOST_TEST(credits[0]["character"].isNull());
    BOOST_TEST(credits[2]["media_type"].asString() == "tv");
    BOOST_TEST(credits[2]["title"].asString() == "A Show");
    BOOST_TEST(credits[2]["date"].isNull());
    BOOST_TEST(credits[2]["job"].isNull());
    BOOST_TEST(!person_page(R"({"name": "no id"})").has_value());
}

BOOST_AUTO_TEST_CASE(a_saga_in_release_order) {
    auto page = collection_page(R"({"id": 990001, "name": "Fantômas - Saga", "overview": "…",
        "poster_path": null, "backdrop_path": null, "parts": [
          {"id": 3, "release_date": "1913-11-28"}, {"id": 9, "release_date": ""},
          {"id": 1, "release_date": "1913-05-09"}]})");
    BOOST_REQUIRE(page.has_value());
    auto parts = (*cv::json::parse(*page))["parts"];
    BOOST_REQUIRE(parts.size() == 3u);
    BOOST_TEST(parts[0]["id"].asInt() == 1);
    BOOST_TEST(parts[1]["id"].asInt() == 3);
    BOOST_TEST(parts[2]["id"].asInt() == 9);
}

BOOST_AUTO_TEST_CASE(the_services_of_films_and_series_are_one_list_by_priority) {
    auto films = provider_list(R"({"results": [
        {"provider_id": 8, "provider_name": "Netflix", "logo_path": "/n.jpg", "display_priority": 5,
         "display_priorities": {"FR": 2, "US": 1}},
        {"provider_id": 9, "provider_name": "Ciné", "logo_path": "/c.jpg", "display_priority": 9}]})",
                               "FR");
    auto series = provider_list(R"({"results": [
        {"provider_id": 8, "provider_name": "Netflix", "logo_path": "/n.jpg", "display_priority": 5,
         "display_priorities": {"FR": 1}},
        {"provider_id": 4, "provider_name": "Abc", "logo_path": "/a.jpg", "display_priority": 9}]})",
                                "FR");
    BOOST_REQUIRE(films.has_value());
    BOOST_REQUIRE(series.has_value());
    auto merged = *cv::json::parse(merged_providers(*films, *series));
    BOOST_REQUIRE(merged.size() == 3u);
    BOOST_TEST(merged[0]["provider_id"].asInt() == 8);
    BOOST_TEST(merged[0]["display_priority"].asInt() == 1);      // the better of FR's two
    BOOST_TEST(merged[1]["provider_name"].asString() == "Abc");  // ties by name
    BOOST_TEST(merged[2]["provider_name"].asString() == "Ciné");
    BOOST_TEST(merged[0].size() == 4u);
    BOOST_TEST(!provider_list("[]", "FR").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
