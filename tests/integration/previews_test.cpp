// What a crawler (a chat's link preview, a search engine) gets without running JavaScript:
// a film's, a series', a person's and a saga's address answered with the web client's page
// carrying the page's title, description, canonical address and preview tags, every value
// escaped; robots.txt and the sitemap.
#include <boost/test/unit_test.hpp>
#include <string>

#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;

namespace {

// The content of the first <meta> whose attribute `attribute` is `name`, as written in the
// page (still escaped); "" when absent.
std::string meta(const std::string& page, const std::string& attribute, const std::string& name) {
    std::string opening = "<meta " + attribute + "=\"" + name + "\" content=\"";
    auto at = page.find(opening);
    if (at == std::string::npos) return "";
    at += opening.size();
    return page.substr(at, page.find('"', at) - at);
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++count;
    return count;
}

std::string head_of(const std::string& page) {
    return page.substr(0, page.find("</head>"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(previews)

BOOST_AUTO_TEST_CASE(a_film_link_shows_its_title_overview_and_poster) {
    HttpClient crawler;
    auto r = crawler.get("/film/900006");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.header("content-type").rfind("text/html", 0) == 0u);
    BOOST_TEST(r.header("cache-control") == "no-store");
    const std::string& page = r.body;
    BOOST_TEST(page.find("<div id=\"root\"></div>") != std::string::npos);  // the client's page
    BOOST_TEST(page.find("<title>Nosferatu (1922) · CineVerse</title>") != std::string::npos);
    BOOST_TEST(meta(page, "property", "og:title") == "Nosferatu (1922)");
    BOOST_TEST(meta(page, "property", "og:type") == "video.movie");
    BOOST_TEST(meta(page, "property", "og:url") == stack().base_url() + "/film/900006");
    BOOST_TEST(meta(page, "property", "og:image") ==
               stack().base_url() + "/demo-images/w500/poster-900006.svg");
    BOOST_TEST(meta(page, "name", "twitter:card") == "summary_large_image");
    BOOST_TEST(meta(page, "property", "og:description").find("agent immobilier") !=
               std::string::npos);
    BOOST_TEST(occurrences(page, "<meta name=\"description\"") == 1u);
    BOOST_TEST(page.find("<link rel=\"canonical\" href=\"" + stack().base_url() +
                         "/film/900006\"") != std::string::npos);
    // The client's assets are the ones it was built with.
    BOOST_TEST(page.find("/assets/") != std::string::npos);
    auto head = crawler.request("HEAD", "/film/900006");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.body.empty());
}

BOOST_AUTO_TEST_CASE(every_value_is_escaped) {
    // The demo's film 900139 is called Le "Chat" & la <Souris>, and its overview has markup.
    HttpClient crawler;
    auto r = crawler.get("/film/900139");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    std::string head = head_of(r.body);
    BOOST_TEST(meta(head, "property", "og:title") ==
               "Le &quot;Chat&quot; &amp; la &lt;Souris&gt; (1927)");
    BOOST_TEST(head.find("<Souris>") == std::string::npos);
    BOOST_TEST(head.find("<b>") == std::string::npos);
    BOOST_TEST(head.find("&lt;b&gt;") != std::string::npos);
    BOOST_TEST(head.find("<title>Le &quot;Chat&quot; &amp; la &lt;Souris&gt; (1927) · "
                         "CineVerse</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_series_a_person_and_a_saga_have_theirs) {
    HttpClient crawler;
    auto series = crawler.get("/serie/950001");
    BOOST_REQUIRE_EQUAL(series.status, 200);
    BOOST_TEST(meta(series.body, "property", "og:type") == "video.tv_show");
    BOOST_TEST(meta(series.body, "property", "og:title").find("(série, ") != std::string::npos);
    auto person = crawler.get("/personne/970017");
    BOOST_REQUIRE_EQUAL(person.status, 200);
    BOOST_TEST(meta(person.body, "property", "og:title") == "Charlie Chaplin");
    BOOST_TEST(meta(person.body, "property", "og:type") == "profile");
    BOOST_TEST(meta(person.body, "property", "og:image").find("/demo-images/h632/") !=
               std::string::npos);
    auto saga = crawler.get("/saga/990001");
    BOOST_REQUIRE_EQUAL(saga.status, 200);
    BOOST_TEST(meta(saga.body, "property", "og:title") == "Fantômas - Saga");
}

BOOST_AUTO_TEST_CASE(an_unknown_id_is_the_clients_page_as_a_404_and_tmdb_down_the_plain_page) {
    HttpClient crawler;
    auto unknown = crawler.get("/film/899999996");
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.header("content-type").rfind("text/html", 0) == 0u);
    BOOST_TEST(unknown.body.find("<div id=\"root\"></div>") != std::string::npos);
    BOOST_TEST(meta(unknown.body, "property", "og:title").empty());
    BOOST_TEST(crawler.get("/personne/979998").status == 404);
    ScopedTmdbMode down{R"({"mode": "error500"})"};
    auto plain = crawler.get("/film/900131");  // never asked for before
    BOOST_TEST(plain.status == 200);
    BOOST_TEST(plain.body.find("<div id=\"root\"></div>") != std::string::npos);
    BOOST_TEST(meta(plain.body, "property", "og:title").empty());
    BOOST_TEST(plain.body.find("<title>CineVerse</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(robots_txt_points_at_a_sitemap_of_the_kept_pages) {
    HttpClient crawler;
    BOOST_REQUIRE_EQUAL(crawler.get("/film/900012").status, 200);
    BOOST_REQUIRE_EQUAL(crawler.get("/api/person/970020").status, 200);
    auto robots = crawler.get("/robots.txt");
    BOOST_TEST(robots.status == 200);
    BOOST_TEST(robots.header("content-type").rfind("text/plain", 0) == 0u);
    BOOST_TEST(robots.body.find("Sitemap: " + stack().base_url() + "/sitemap.xml") !=
               std::string::npos);
    auto sitemap = crawler.get("/__direct/sitemap.xml");
    BOOST_REQUIRE_EQUAL(sitemap.status, 200);
    BOOST_TEST(sitemap.header("content-type").rfind("application/xml", 0) == 0u);
    BOOST_TEST(
        sitemap.body.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") !=
        std::string::npos);
    for (const char* path : {"/film/900012", "/personne/970020"})
        BOOST_TEST(
            sitemap.body.find("<loc>" + stack().base_url() + path + "</loc>") != std::string::npos,
            path);
    // Lists are no pages, and an id TMDB does not know is not listed.
    BOOST_TEST(sitemap.body.find("now_playing") == std::string::npos);
    BOOST_TEST(sitemap.body.find("899999996") == std::string::npos);
    // Well-formed: every <url> closed.
    BOOST_TEST(occurrences(sitemap.body, "<url>") == occurrences(sitemap.body, "</url>"));
}

BOOST_AUTO_TEST_SUITE_END()
