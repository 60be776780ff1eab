// The diary's rules, pure: an entry's fields, a Letterboxd export read (the demo's own, the
// file Letterboxd's importer reads, and what is not one), which search result a row of it
// names, and what an import keeps of a title's page.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "core/failure.hpp"
#include "core/json.hpp"
#include "diary/entries.hpp"
#include "diary/import_run.hpp"
#include "diary/imports.hpp"
#include "diary/letterboxd.hpp"

using namespace cv::diary;

namespace {

EntryFields fields(const std::string& body) {
    return read_entry_fields(*cv::json::parse(body), "2026-12-05");
}

std::string refusal(const std::string& body) {
    try {
        fields(body);
    } catch (const cv::Failure& failure) {
        return failure.what();
    }
    return "";
}

std::string file(const std::string& path) {
    std::ifstream in(std::string(CV_SOURCE_DIR) + "/" + path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string export_refusal(const std::string& body, ExportFormat format,
                           const ExportLimits& limits = {}) {
    try {
        read_letterboxd_export(body, format, "", limits);
    } catch (const cv::Failure& failure) {
        return failure.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(diary)

BOOST_AUTO_TEST_CASE(an_entry_takes_a_date_a_rating_in_halves_and_plain_text) {
    auto given =
        fields(R"({"watched_on": "2026-11-30", "rating": 3.5, "review": "  <b>Bien</b> & bon\n",
                           "rewatch": true, "public": false})");
    BOOST_TEST(*given.watched_on == "2026-11-30");
    BOOST_TEST(**given.rating_halves == 7);
    BOOST_TEST(**given.review == "<b>Bien</b> & bon");  // the same text, never markup
    BOOST_TEST(*given.rewatch);
    BOOST_TEST(!*given.is_public);
    auto cleared = fields(R"({"rating": null, "review": null})");
    BOOST_TEST((cleared.rating_halves.has_value() && !cleared.rating_halves->has_value()));
    BOOST_TEST((cleared.review.has_value() && !cleared.review->has_value()));
    BOOST_TEST(!fields("{}").watched_on.has_value());  // today, by default
    BOOST_TEST(**fields(R"({"rating": 5})").rating_halves == 10);
    BOOST_TEST(**fields(R"({"rating": 0.5})").rating_halves == 1);
    BOOST_TEST(fields(R"({"review": "   "})").review->has_value() == false);
    BOOST_TEST(fields("{\"review\": \"" + std::string(5000, 'e') + "\"}").review.has_value());
}

BOOST_AUTO_TEST_CASE(an_entry_out_of_its_rules_is_refused_naming_the_field) {
    for (const char* rating : {"0", "0.25", "5.5", "-1", "\"4\"", "true", "3.49"})
        BOOST_TEST(refusal(std::string(R"({"rating": )") + rating + "}") ==
                       "rating must be 0.5 to 5 in halves, or null",
                   rating);
    for (const char* date : {"\"2026-13-01\"", "\"2026-02-30\"", "\"2027-01-01\"", "\"1800-01-01\"",
                             "\"yesterday\"", "20261130"})
        BOOST_TEST(
            refusal(std::string(R"({"watched_on": )") + date + "}").rfind("watched_on", 0) == 0u,
            date);
    BOOST_TEST(refusal("{\"review\": \"" + std::string(5001, 'e') + "\"}").rfind("review", 0) ==
               0u);
    BOOST_TEST(refusal(R"({"review": "bell\u0007"})").rfind("review", 0) == 0u);
    BOOST_TEST(refusal(R"({"review": 12})") == "review must be a string or null");
    BOOST_TEST(refusal(R"({"rewatch": "yes"})") == "rewatch must be true or false");
    BOOST_TEST(refusal(R"({"public": 1})") == "public must be true or false");
    BOOST_TEST(*parse_rating("3.5") == 7);
    BOOST_TEST(!parse_rating("3.25").has_value());
    BOOST_TEST(!parse_rating("six").has_value());
}

BOOST_AUTO_TEST_CASE(the_demo_export_is_read_each_viewing_once) {
    auto rows = read_letterboxd_export(file("demo/letterboxd-export.zip"), ExportFormat::zip);
    int viewings = 0, listed = 0;
    int nosferatu = 0;
    bool duplicate = false;
    std::set<std::string> keys;
    for (const auto& row : rows) {
        duplicate = duplicate || !keys.insert(row.key).second;
        if (row.kind == ExportRow::Kind::watchlist) {
            ++listed;
            continue;
        }
        ++viewings;
        BOOST_TEST(row.watched_on.has_value(), row.name);
        if (row.name == "Nosferatu") {
            ++nosferatu;
            if (*row.watched_on == "2024-10-31") {
                BOOST_TEST(row.rewatch);
                BOOST_TEST(*row.rating_halves == 9);
                BOOST_TEST(row.review->find("L'ombre d'Orlok") != std::string::npos);
                BOOST_TEST(row.review->find('\n') != std::string::npos);  // two paragraphs
            }
        }
        if (row.name == "Le \"Chat\" & la <Souris>") {
            BOOST_TEST(*row.year == 1927);
            BOOST_TEST(row.review->find("<i>Relâche</i>") != std::string::npos);
        }
        if (row.name == "Charade") BOOST_TEST(*row.watched_on == "2023-05-02");  // watched only
    }
    BOOST_TEST(!duplicate);
    BOOST_TEST(nosferatu == 2);  // a viewing and its rewatch
    BOOST_TEST(viewings == 23);  // 21 diary lines less a duplicate, and 3 watched films
    BOOST_TEST(listed == 7);
}

BOOST_AUTO_TEST_CASE(one_csv_is_read_as_the_file_it_is) {
    auto watchlist = read_letterboxd_export(file("demo/letterboxd/watchlist.csv"),
                                            ExportFormat::csv, "watchlist.csv");
    BOOST_TEST(watchlist.size() == 7u);
    BOOST_TEST((watchlist.front().kind == ExportRow::Kind::watchlist));
    auto diary = read_letterboxd_export(file("demo/letterboxd/diary.csv"), ExportFormat::csv);
    BOOST_TEST(diary.size() == 20u);
    auto reviews = read_letterboxd_export(file("demo/letterboxd/reviews.csv"), ExportFormat::csv);
    BOOST_TEST(reviews.size() == 5u);
    BOOST_TEST(reviews.front().review.has_value());
    // With a byte order mark, as spreadsheets save it.
    BOOST_TEST(read_letterboxd_export("\xEF\xBB\xBF" + file("demo/letterboxd/ratings.csv"),
                                      ExportFormat::csv)
                   .size() == 20u);
}

BOOST_AUTO_TEST_CASE(what_is_not_an_export_is_refused) {
    const std::string refused = "Not a Letterboxd export";
    BOOST_TEST(export_refusal("PK\x03\x04 garbage", ExportFormat::zip) == refused);
    BOOST_TEST(export_refusal(file("demo/letterboxd/diary.csv"), ExportFormat::zip) == refused);
    BOOST_TEST(export_refusal("a,b,c\n1,2,3\n", ExportFormat::csv) == refused);
    BOOST_TEST(export_refusal("Date,Name,Year,Letterboxd URI\n\"unclosed", ExportFormat::csv) ==
               refused);
    BOOST_TEST(export_refusal("Date,Name,Year,Letterboxd URI\n2024-01-01,Bad \xff,1922,x\n",
                              ExportFormat::csv) == refused);
    BOOST_TEST(export_refusal("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,N,1922,x,7\n",
                              ExportFormat::csv) == refused);  // a rating out of 5
    BOOST_TEST(export_refusal("Date,Name,Year,Letterboxd URI\nyesterday,N,1922,x\n",
                              ExportFormat::csv) == refused);
    // Over the limits: a file too large once inflated, or too many rows.
    ExportLimits small;
    small.max_file = 1000;
    BOOST_TEST(export_refusal(file("demo/letterboxd-export.zip"), ExportFormat::zip, small) ==
               refused);
    ExportLimits few;
    few.max_rows = 10;
    BOOST_TEST(export_refusal(file("demo/letterboxd-export.zip"), ExportFormat::zip, few) ==
               refused);
    BOOST_TEST(export_refusal("", ExportFormat::csv) == refused);
}

BOOST_AUTO_TEST_CASE(a_row_names_the_film_of_its_title_and_year) {
    const std::string results = R"([
        {"media_type": "person", "id": 1, "name": "Nosferatu"},
        {"media_type": "tv", "id": 2, "name": "Nosferatu"},
        {"media_type": "movie", "id": 3, "title": "Nosferatu", "release_date": "1979-01-17"},
        {"media_type": "movie", "id": 4, "title": "Nosferatu", "original_title": "Nosferatu, eine Symphonie des Grauens", "release_date": "1922-03-04"},
        {"media_type": "movie", "id": 5, "title": "Häxan", "release_date": "1923-01-01"}])";
    ExportRow row;
    row.name = "Nosferatu";
    row.year = 1922;
    BOOST_TEST(*matching_film(results, row) == 4);
    row.year = std::nullopt;
    BOOST_TEST(*matching_film(results, row) == 3);  // the first of that name
    row.name = "HAXAN";
    row.year = 1922;  // one year off: TMDB and Letterboxd disagree on a premiere
    BOOST_TEST(*matching_film(results, row) == 5);
    row.year = 1930;
    BOOST_TEST(!matching_film(results, row).has_value());
    row.name = "The Phantom Carriage";
    row.year = 1921;
    BOOST_TEST(!matching_film(results, row).has_value());
    BOOST_TEST(!matching_film("not json", row).has_value());
}

BOOST_AUTO_TEST_CASE(the_file_letterboxds_importer_reads_is_read_back) {
    // What GET /api/export/letterboxd.csv writes: a TMDB id, and a date for a viewing.
    std::vector<ImportLine> lines = {
        {"900005", "The Kid", "1921", "2026-10-10", "4.5", "true",
         "Chaplin, \"le\" vagabond,\nici."},
        {"900006", "Nosferatu", "1922", "2026-10-11", "", "false", ""},
        {"900007", "Metropolis", "1927", "", "", "", ""},
    };
    auto rows = read_letterboxd_export(letterboxd_csv(lines), ExportFormat::csv);
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST((rows[0].kind == ExportRow::Kind::viewing));
    BOOST_TEST(*rows[0].tmdb_id == 900005);
    BOOST_TEST(*rows[0].year == 1921);
    BOOST_TEST(*rows[0].watched_on == "2026-10-10");
    BOOST_TEST(*rows[0].rating_halves == 9);
    BOOST_TEST(rows[0].rewatch);
    BOOST_TEST(*rows[0].review == "Chaplin, \"le\" vagabond,\nici.");
    BOOST_TEST(!rows[1].rating_halves.has_value());
    BOOST_TEST(!rows[1].rewatch);
    BOOST_TEST(!rows[1].review.has_value());
    BOOST_TEST((rows[2].kind == ExportRow::Kind::watchlist));  // no date: a film to watch
    // Uploaded as the watchlist, every line is a film to watch.
    auto listed = read_letterboxd_export(letterboxd_csv(lines), ExportFormat::csv, "watchlist.csv");
    for (const auto& row : listed) BOOST_TEST((row.kind == ExportRow::Kind::watchlist));
    BOOST_TEST(listed.size() == 3u);
    // The same line twice is one row; a line without a title is no export.
    lines.push_back(lines[0]);
    BOOST_TEST(read_letterboxd_export(letterboxd_csv(lines), ExportFormat::csv).size() == 3u);
    BOOST_TEST(export_refusal("Title,Year\n,1922\n", ExportFormat::csv) ==
               "Not a Letterboxd export");
    BOOST_TEST(export_refusal("Title,Colour\nNosferatu,noir\n", ExportFormat::csv) ==
               "Not a Letterboxd export");
}

BOOST_AUTO_TEST_CASE(an_import_keeps_of_a_page_what_the_diary_shows) {
    auto film = title_of_page(
        "movie", 900006,
        R"({"title": "Nosferatu", "poster_path": "/p.svg", "release_date": "1922-03-04", "genres": [{"id": 27, "name": "Horreur"}, {"id": 14}]})");
    BOOST_REQUIRE(film.has_value());
    BOOST_TEST(film->title == "Nosferatu");
    BOOST_TEST(*film->poster_path == "/p.svg");
    BOOST_TEST(*film->release_date == "1922-03-04");
    BOOST_TEST((film->genre_ids == std::vector<int>{27, 14}));
    auto series = title_of_page("tv", 950001,
                                R"({"name": "Série", "first_air_date": "", "poster_path": null})");
    BOOST_REQUIRE(series.has_value());
    BOOST_TEST(series->title == "Série");
    BOOST_TEST(!series->release_date.has_value());
    BOOST_TEST(!series->poster_path.has_value());
    BOOST_TEST(!title_of_page("movie", 1, "[]").has_value());
    BOOST_TEST(!title_of_page("movie", 1, R"({"title": ""})").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
