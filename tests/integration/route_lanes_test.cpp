// The nginx configuration generated from the route table, over the real stack: every route
// reaches its own lane's workers, and only shared routes go through nginx's cache.
#include <boost/test/unit_test.hpp>
#include <regex>

#include "core/json.hpp"
#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

Json::Value route_table() {
    auto listing = run({CV_API_BINARY, "routes", "--json"});
    BOOST_REQUIRE_EQUAL(listing.exit_code, 0);
    auto parsed = cv::json::parse(listing.output);
    BOOST_REQUIRE(parsed.has_value());
    return *parsed;
}

// A path the route's pattern matches, each parameter a value of its type never asked for
// before (so nginx's cache cannot answer in the worker's place).
std::string concrete_path(const std::string& pattern, std::size_t fresh) {
    std::string path =
        std::regex_replace(pattern, std::regex(R"(\{[a-z_]+:int\})"), std::to_string(fresh + 1));
    path = std::regex_replace(path, std::regex(R"(\{[a-z_]+:([a-z]+)[^}]*\})"), "$1");
    return std::regex_replace(path, std::regex(R"(\{[a-z_]+\})"), "x");
}

// The pid that logged the request for `path` among the log bytes after `offset`.
pid_t served_by(const std::string& path, std::size_t offset) {
    const std::string needle = " path=" + path + " status=";
    pid_t pid = -1;
    wait_until(
        [&] {
            std::string fresh = read_file(stack().api_log()).substr(offset);
            auto pids = logged_pids(fresh, {"event=request", needle});
            if (pids.empty()) return false;
            pid = pids.back();
            return true;
        },
        10s);
    return pid;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(generated_nginx)

BOOST_AUTO_TEST_CASE(every_route_reaches_the_workers_of_its_lane) {
    auto table = route_table();
    HttpClient client;
    for (const auto& route : table["routes"]) {
        std::string method = route["method"].asString();
        std::size_t offset = read_file(stack().api_log()).size();
        std::string path = concrete_path(route["path"].asString(), offset);
        std::string lane = route["lane"].asString();
        // A query the cache has not seen either: the route's own parameters, fresh values.
        std::string query;
        for (const auto& parameter : route["query"]) {
            std::string name = parameter.asString();
            if (name == "page") query += "&page=" + std::to_string(offset % 499 + 2);
            if (name == "query") query += "&query=probe" + std::to_string(offset);
        }
        if (!query.empty()) query[0] = '?';
        HttpResult answer = method == "GET" ? client.request("GET", path + query)
                                            : client.request(method, path, "{}",
                                                             {"Content-Type: application/json"});
        BOOST_TEST_CONTEXT(method << " " << path << " (" << lane << " lane)") {
            BOOST_TEST(answer.status > 0);
            BOOST_TEST(answer.status < 500, answer.status << " " << answer.body);
            // A shared answer with nothing to vary (GET /api/config) may come from nginx's
            // cache: then the lane map is checked past it (/__direct/ keeps the path's lane).
            if (answer.header("x-proxy-cache") == "HIT") {
                offset = read_file(stack().api_log()).size();
                client.request("GET", "/__direct" + path + query);
            }
            pid_t pid = served_by(path, offset);
            auto lane_pids = stack().worker_pids(lane);
            BOOST_TEST((std::find(lane_pids.begin(), lane_pids.end(), pid) != lane_pids.end()),
                       "served by pid " << pid);
            // nginx's cache sits in front of shared routes only.
            bool cached_location = !answer.header("x-proxy-cache").empty();
            BOOST_TEST(cached_location == (route["access"].asString() == "shared"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
