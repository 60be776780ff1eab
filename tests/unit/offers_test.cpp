// The offers job's pure parts: a TMDB page's French offers, what changed between two checks,
// the Atom feed's text, and the jobs' backoff.
#include <boost/test/unit_test.hpp>

#include "core/json.hpp"
#include "jobs/backoff.hpp"
#include "platforms/atom.hpp"
#include "platforms/offers.hpp"

using namespace cv::platforms;
using namespace std::chrono_literals;

namespace {

// A film page as TMDB answers it, with the appended calls the check asks for.
const char* kPage = R"({
  "id": 653, "title": "Nosferatu", "poster_path": "/n.jpg",
  "watch/providers": {"results": {
    "FR": {"link": "…",
           "flatrate": [{"provider_id": 381, "provider_name": "Canal+", "logo_path": "/c.png", "display_priority": 4},
                        {"provider_id": 8, "provider_name": "Netflix", "logo_path": "/n.png", "display_priority": 1}],
           "ads": [{"provider_id": 300, "provider_name": "Pluto", "display_priority": 9}],
           "rent": [{"provider_id": 2, "provider_name": "Apple TV", "logo_path": "/a.png", "display_priority": 3},
                    {"provider_id": 10, "provider_name": "Amazon", "logo_path": "/z.png", "display_priority": 2}],
           "buy": [{"provider_id": 2, "provider_name": "Apple TV", "logo_path": "/a.png", "display_priority": 3}]},
    "US": {"flatrate": [{"provider_id": 15, "provider_name": "Hulu", "display_priority": 1}]}}},
  "release_dates": {"results": [
    {"iso_3166_1": "US", "release_dates": [{"type": 3, "release_date": "1922-01-01T00:00:00.000Z"}]},
    {"iso_3166_1": "FR", "release_dates": [
        {"type": 1, "release_date": "1922-02-16T00:00:00.000Z"},
        {"type": 2, "release_date": "1922-03-01T00:00:00.000Z"},
        {"type": 3, "release_date": "1922-04-02T00:00:00.000Z"},
        {"type": 3, "release_date": "1922-03-20T00:00:00.000Z"},
        {"type": 4, "release_date": "2000-01-01T00:00:00.000Z"}]}]}
})";

Offers offers(std::vector<int> flatrate, std::vector<int> rent = {},
              std::optional<std::string> cinema = std::nullopt) {
    Offers o;
    o.flatrate = std::move(flatrate);
    o.rent = std::move(rent);
    o.cinema_date = std::move(cinema);
    return o;
}

Previous checked(Offers o, std::string on = "2026-12-01") {
    return Previous{std::move(o), std::move(on)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(title_offers)

BOOST_AUTO_TEST_CASE(a_page_gives_the_regions_offers_in_display_order) {
    auto check = read_check(kPage, "movie", "FR");
    BOOST_REQUIRE(check.has_value());
    BOOST_TEST(check->title == "Nosferatu");
    BOOST_TEST(*check->poster_path == "/n.jpg");
    BOOST_TEST(check->offers.flatrate == (std::vector<int>{8, 381}));
    BOOST_TEST(check->offers.ads == std::vector<int>{300});
    BOOST_TEST(check->offers.free.empty());
    BOOST_TEST(check->offers.rent == (std::vector<int>{10, 2}));
    BOOST_TEST(check->offers.buy == std::vector<int>{2});
    BOOST_TEST(check->offers.streaming() == (std::vector<int>{8, 381, 300}));
    // The earliest French theatrical date (type 3), not the limited (2) or digital (4) one.
    BOOST_TEST(*check->offers.cinema_date == "1922-03-20");
    // Every service once, by id; a subscription one is marked so.
    BOOST_REQUIRE(check->services.size() == 5u);
    BOOST_TEST(check->services[0].id == 2);
    BOOST_TEST(check->services[0].name == "Apple TV");
    BOOST_TEST(!check->services[0].subscription);
    BOOST_TEST(check->services[1].id == 8);
    BOOST_TEST(check->services[1].subscription);
    BOOST_TEST(!check->services[3].logo_path.has_value());  // Pluto has none
}

BOOST_AUTO_TEST_CASE(what_is_not_a_page_gives_nothing_and_a_bare_page_no_offers) {
    BOOST_TEST(!read_check("[]", "movie", "FR").has_value());
    BOOST_TEST(!read_check(R"({"title": "x"})", "movie", "FR").has_value());
    BOOST_TEST(!read_check("{not json", "movie", "FR").has_value());
    auto bare = read_check(R"({"id": 1, "name": "Série", "poster_path": null})", "tv", "FR");
    BOOST_REQUIRE(bare.has_value());
    BOOST_TEST(bare->title == "Série");
    BOOST_TEST(!bare->poster_path.has_value());
    BOOST_TEST((bare->offers == Offers{}));
    // Only a film has a cinema date; a limited release stands in for a theatrical one.
    auto limited = read_check(
        R"({"id": 2, "release_dates": {"results": [{"iso_3166_1": "FR", "release_dates": [{"type": 2, "release_date": "2026-11-30T00:00:00.000Z"}]}]}})",
        "movie", "FR");
    BOOST_TEST(*limited->offers.cinema_date == "2026-11-30");
    BOOST_TEST(check_path("tv", 950006) == "/tv/950006");
    BOOST_TEST(check_query("movie", "fr-FR") ==
               "language=fr-FR&append_to_response=watch/providers,release_dates");
    BOOST_TEST(check_query("tv", "fr-FR") == "language=fr-FR&append_to_response=watch/providers");
}

BOOST_AUTO_TEST_CASE(the_first_check_is_a_baseline_and_no_news) {
    BOOST_TEST(
        changes_since(std::nullopt, offers({8}, {2}, "2026-12-04"), "2026-12-05", "2026-11-07")
            .empty());
}

BOOST_AUTO_TEST_CASE(arrivals_and_departures_on_any_streaming_offer) {
    Offers before = offers({8});
    before.ads = {300};
    Offers after = offers({381});
    after.free = {8};  // still streams on 8, free now: neither arrived nor left
    auto changes = changes_since(checked(before), after, "2026-12-05", "2026-11-07");
    BOOST_REQUIRE(changes.size() == 2u);
    BOOST_TEST((changes[0] == Change{ChangeKind::arrived, 381}));
    BOOST_TEST((changes[1] == Change{ChangeKind::left, 300}));
    BOOST_TEST(changes_since(checked(after), after, "2026-12-05", "2026-11-07").empty());
}

BOOST_AUTO_TEST_CASE(in_cinemas_once_when_its_recent_date_comes) {
    const std::string today = "2026-12-05", recent = "2026-11-07";
    // Announced for the 12th, then out on the 4th: opened.
    auto opened = changes_since(checked(offers({}, {}, "2026-12-12")), offers({}, {}, "2026-12-04"),
                                today, recent);
    BOOST_REQUIRE(opened.size() == 1u);
    BOOST_TEST((opened[0] == Change{ChangeKind::in_cinemas, std::nullopt}));
    // Its date came between the checks (checked on the 1st, out on the 3rd): opened.
    BOOST_TEST(changes_since(checked(offers({}, {}, "2026-12-03")), offers({}, {}, "2026-12-03"),
                             today, recent)
                   .size() == 1u);
    // Already out at the previous check: nothing new.
    BOOST_TEST(changes_since(checked(offers({}, {}, "2026-11-20")), offers({}, {}, "2026-11-20"),
                             today, recent)
                   .empty());
    // Still to come, or a date learnt for an old film: no news.
    BOOST_TEST(
        changes_since(checked(offers({})), offers({}, {}, "2026-12-12"), today, recent).empty());
    BOOST_TEST(
        changes_since(checked(offers({})), offers({}, {}, "1922-03-20"), today, recent).empty());
    // No date before, out yesterday: opened.
    BOOST_TEST(
        changes_since(checked(offers({})), offers({}, {}, "2026-12-04"), today, recent).size() ==
        1u);
}

BOOST_AUTO_TEST_CASE(rentable_when_it_was_not_with_its_first_renter) {
    auto rentable =
        changes_since(checked(offers({8})), offers({8}, {10, 2}), "2026-12-05", "2026-11-07");
    BOOST_REQUIRE(rentable.size() == 1u);
    BOOST_TEST((rentable[0] == Change{ChangeKind::to_rent, 10}));
    BOOST_TEST(
        changes_since(checked(offers({8}, {2})), offers({8}, {10}), "2026-12-05", "2026-11-07")
            .empty());
    BOOST_TEST(name_of(ChangeKind::to_rent) == std::string("to_rent"));
}

BOOST_AUTO_TEST_CASE(arrays_as_postgresql_spells_them) {
    BOOST_TEST(array_literal({}) == "{}");
    BOOST_TEST(array_literal({8, 381}) == "{8,381}");
    BOOST_TEST(parse_array("{8,381}") == (std::vector<int>{8, 381}));
    BOOST_TEST(parse_array("{}").empty());
    BOOST_TEST(parse_array(array_literal({1, 22, 333})) == (std::vector<int>{1, 22, 333}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(atom)

BOOST_AUTO_TEST_CASE(entries_say_what_changed_in_french_and_text_is_escaped) {
    NewsItem item;
    item.id = 42;
    item.kind = "arrived";
    item.media_type = "movie";
    item.title_id = 900139;
    item.title = R"(Le "Chat" & la <Souris>)";
    item.provider = ServiceRef{9101, "Bobine", "/b.svg", 1};
    item.at = "2026-12-05T10:00:00Z";
    BOOST_TEST(entry_title(item) == R"(« Le "Chat" & la <Souris> » arrive sur Bobine)");
    auto feed = atom_feed({item}, FeedSite{"urn:uuid:1-2", "https://cv.example", "/feeds/t.atom",
                                           "2026-12-01T00:00:00Z"});
    BOOST_TEST(feed.find(R"(<feed xmlns="http://www.w3.org/2005/Atom")") != std::string::npos);
    BOOST_TEST(feed.find("<id>urn:uuid:1-2</id>") != std::string::npos);
    BOOST_TEST(feed.find("Le &quot;Chat&quot; &amp; la &lt;Souris&gt;") != std::string::npos);
    BOOST_TEST(feed.find("<Souris>") == std::string::npos);
    BOOST_TEST(feed.find(R"(href="https://cv.example/film/900139")") != std::string::npos);
    BOOST_TEST(feed.find(R"(href="https://cv.example/feeds/t.atom")") != std::string::npos);
    BOOST_TEST(feed.find("<id>https://cv.example/nouveautes/42</id>") != std::string::npos);
    BOOST_TEST(feed.find("<updated>2026-12-05T10:00:00Z</updated>") != std::string::npos);
    item.kind = "left";
    BOOST_TEST(entry_title(item).find("quitte Bobine") != std::string::npos);
    item.kind = "in_cinemas";
    item.media_type = "tv";
    BOOST_TEST(entry_title(item).find("sort au cinéma") != std::string::npos);
    item.kind = "to_rent";
    item.provider.reset();
    BOOST_TEST(entry_title(item).find("est disponible à la location") != std::string::npos);
    // An empty feed is still a feed, updated when it was made.
    auto empty =
        atom_feed({}, FeedSite{"urn:uuid:1", "https://cv.example", "/f", "2026-12-01T00:00:00Z"});
    BOOST_TEST(empty.find("<updated>2026-12-01T00:00:00Z</updated>") != std::string::npos);
    BOOST_TEST(empty.find("<entry>") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(job_backoff)

BOOST_AUTO_TEST_CASE(doubles_at_each_attempt_up_to_its_cap) {
    cv::jobs::Backoff backoff{30s, 3600s};
    BOOST_TEST(backoff.after(1).count() == 30);
    BOOST_TEST(backoff.after(2).count() == 60);
    BOOST_TEST(backoff.after(3).count() == 120);
    BOOST_TEST(backoff.after(7).count() == 1920);
    BOOST_TEST(backoff.after(8).count() == 3600);
    BOOST_TEST(backoff.after(1000).count() == 3600);
    BOOST_TEST(backoff.after(0).count() == 30);
}

BOOST_AUTO_TEST_SUITE_END()
