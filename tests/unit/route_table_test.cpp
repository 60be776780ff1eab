// The route table's own rules: what nginx and the tools generated from it rely on.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "app/lanes.hpp"
#include "app/route_listing.hpp"
#include "core/json.hpp"
#include "fcgi/path_pattern.hpp"
#include "handlers/routes.hpp"

using namespace cv::handlers;

BOOST_AUTO_TEST_SUITE(the_route_table)

BOOST_AUTO_TEST_CASE(every_row_is_well_formed_and_listed_once) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& route : route_table()) {
        BOOST_TEST(seen.insert({route.method, route.path}).second, route.path);
        BOOST_CHECK_NO_THROW(cv::fcgi::PathPattern{route.path});
        BOOST_TEST(static_cast<bool>(route.handler), route.path);
        // nginx caches only what is the same for everyone, and only answers to GET.
        if (route.traits.access == Access::shared) {
            BOOST_TEST(route.method == "GET", route.path);
            BOOST_TEST(route.traits.cache_for.count() > 0, route.path);
            // nginx's cache key is made of the parameters the route reads.
            for (const auto& parameter : route.traits.query)
                BOOST_TEST(
                    parameter.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos,
                    parameter);
        } else {
            BOOST_TEST(route.traits.cache_for.count() == 0, route.path);
        }
    }
    BOOST_CHECK_NO_THROW(Api{});
    // Rows of one kind agree on its freshness, which is where each kind's comes from.
    auto lifetimes = default_cache_lifetimes();
    BOOST_TEST(lifetimes.at("search").count() == 3600);
    for (const auto& route : route_table()) {
        if (route.traits.access == Access::shared)
            BOOST_TEST(lifetimes.at(route.traits.cache_kind) == route.traits.cache_for, route.path);
    }
}

BOOST_AUTO_TEST_CASE(one_path_one_lane_and_one_access) {
    // nginx picks the lane and the location by path, whatever the method.
    std::map<std::string, std::pair<Lane, Access>> by_path;
    for (const auto& route : route_table()) {
        auto [it, added] = by_path.try_emplace(route.path, route.traits.lane, route.traits.access);
        BOOST_TEST((it->second == std::make_pair(route.traits.lane, route.traits.access)),
                   route.path);
    }
}

BOOST_AUTO_TEST_CASE(the_home_rows_are_shared_lists_in_the_catalogue_lane) {
    int rows = 0;
    for (const auto& route : route_table()) {
        if (route.traits.home_row.empty()) continue;
        ++rows;
        BOOST_TEST((route.traits.lane == Lane::catalogue), route.path);
        BOOST_TEST((route.traits.access == Access::shared), route.path);
    }
    BOOST_TEST(rows == 22);  // the twenty lists, in cinemas now and soon
}

// The units' ListenStream= lines and the scripts' sockets come from each lane's socket name
// (scripts/regenerate): one a lane, and the main lane's default address is its own.
BOOST_AUTO_TEST_CASE(every_lane_names_a_socket_of_its_own) {
    std::set<std::string> seen;
    for (const auto& definition : cv::lane_definitions()) {
        if (definition.loop) {  // the jobs lane listens nowhere
            BOOST_TEST(definition.socket == nullptr);
            continue;
        }
        const std::string socket = definition.socket;
        BOOST_TEST(socket.ends_with(".sock"), socket);
        BOOST_TEST(socket.find('/') == std::string::npos, socket);
        BOOST_TEST(seen.insert(socket).second, socket);
        if (definition.default_listen != nullptr)
            BOOST_TEST(std::string(definition.default_listen) == "unix:/run/cineverse/" + socket);
    }
    auto document = cv::json::parse(cv::routes_as_json());
    BOOST_REQUIRE(document.has_value());
    BOOST_TEST((*document)["lanes"][1]["socket"].asString() == "api-hashing.sock");
}

BOOST_AUTO_TEST_CASE(the_json_listing_carries_every_row_and_lane) {
    auto document = cv::json::parse(cv::routes_as_json());
    BOOST_REQUIRE(document.has_value());
    BOOST_TEST((*document)["routes"].size() == route_table().size());
    BOOST_TEST((*document)["lanes"].size() == cv::lane_definitions().size());
    auto row = [&](const std::string& path) {
        for (const auto& route : (*document)["routes"]) {
            if (route["path"].asString() == path) return route;
        }
        return Json::Value();
    };
    const auto login = row("/login");
    BOOST_TEST(login["path"].asString() == "/login");
    BOOST_TEST(login["lane"].asString() == "hashing");
    BOOST_TEST(login["rate_limit"].asString() == "auth");
    BOOST_TEST(login["regex"].asString() == "^/login$");
    const auto trending = row("/api/trending-movies");
    BOOST_TEST(trending["home_row"].asString() == "Films tendance");
    BOOST_TEST(trending["cache_seconds"].asInt() == 600);
    BOOST_TEST(trending["query"].size() == 2u);
    BOOST_TEST(trending["rate_limit"].asString() == "catalogue");
    // Every lane a route names is one the application defines, and every rate-limit class
    // one nginx gets a zone for.
    std::set<std::string> lanes, limits;
    for (const auto& lane : (*document)["lanes"]) lanes.insert(lane["name"].asString());
    for (const auto& limit : (*document)["rate_limits"]) limits.insert(limit["name"].asString());
    for (const auto& route : (*document)["routes"]) {
        BOOST_TEST(lanes.count(route["lane"].asString()) == 1u);
        if (!route["rate_limit"].isNull())
            BOOST_TEST(limits.count(route["rate_limit"].asString()) == 1u);
    }
    BOOST_TEST(cv::routes_as_text().find("/api/discover-western-movies") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_jobs_lane_listens_nowhere_and_serves_no_route) {
    auto document = cv::json::parse(cv::routes_as_json());
    BOOST_REQUIRE(document.has_value());
    int listening = 0;
    for (const auto& lane : (*document)["lanes"]) {
        bool jobs = lane["name"].asString() == "jobs";
        // What renders sockets and upstreams from the list skips the lane marked so.
        BOOST_TEST(lane["listens"].asBool() == !jobs, lane["name"]);
        BOOST_TEST(lane["listen_variable"].isNull() == jobs, lane["name"]);
        listening += lane["listens"].asBool();
    }
    BOOST_TEST(listening == 3);
    for (const auto& route : route_table())
        BOOST_TEST((route.traits.lane != Lane::jobs), route.path);
}

BOOST_AUTO_TEST_SUITE_END()
