#include <boost/test/unit_test.hpp>
#include <set>

#include "catalogue/lists.hpp"
#include "catalogue/tmdb_client.hpp"

using namespace cv::catalogue;

BOOST_AUTO_TEST_SUITE(catalogue_table)

BOOST_AUTO_TEST_CASE(twenty_routes_with_the_contract_genres) {
    const auto& lists = catalogue_lists();
    BOOST_TEST(lists.size() == 20u);
    std::set<std::string> routes;
    for (const auto& list : lists) routes.insert(list.route);
    BOOST_TEST(routes.size() == 20u);
    BOOST_TEST(lists[0].route == "/api/trending-movies");
    BOOST_TEST(lists[0].tmdb_path == "/trending/movie/week");
    BOOST_TEST(lists[1].tmdb_path == "/trending/tv/week");
    auto find = [&](const std::string& route) {
        for (const auto& list : lists) {
            if (list.route == route) return list.fixed_query;
        }
        return std::string("missing");
    };
    BOOST_TEST(find("/api/discover-sciencefiction-movies") == "with_genres=878");
    BOOST_TEST(find("/api/discover-family-movies") == "with_genres=10751");
    BOOST_TEST(find("/api/discover-western-movies") == "with_genres=37");
}

BOOST_AUTO_TEST_CASE(results_are_extracted_byte_for_byte) {
    std::string body =
        R"({"page":1,"results":[{"id":1,"popularity":61.4,"title":"Amélie"}],"total_pages":1})";
    BOOST_TEST(*extract_results(body) == R"([{"id":1,"popularity":61.4,"title":"Amélie"}])");
    BOOST_TEST(*extract_results(R"({"results": []})") == "[]");
    BOOST_TEST(!extract_results(R"({"page": 1})").has_value());
    BOOST_TEST(!extract_results(R"({"results": {}})").has_value());
    BOOST_TEST(!extract_results(R"({"results": [)").has_value());
    BOOST_TEST(!extract_results("<html>").has_value());
    BOOST_TEST(!extract_results("[]").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
