#include <boost/test/unit_test.hpp>

#include "fcgi/json.hpp"
#include "fcgi/router.hpp"

using namespace cv::fcgi;

namespace {

struct Counter {
    int calls = 0;
};

Request make_request(const std::string& method, const std::string& path) {
    return Request::from_params({{"REQUEST_METHOD", method}, {"REQUEST_URI", path}});
}

Router<Counter> sample_router() {
    Router<Counter> router;
    router.add("GET", "/items", [](Counter& c, const Request&) {
        ++c.calls;
        return raw_json(200, "[1]");
    });
    router.add("POST", "/items", [](Counter&, const Request&) { return raw_json(200, "{}"); });
    return router;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(exact_path_reaches_its_handler) {
    Counter counter;
    auto response = sample_router().dispatch(counter, make_request("GET", "/items"));
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == "[1]");
    BOOST_TEST(counter.calls == 1);
}

BOOST_AUTO_TEST_CASE(unknown_path_is_404_json) {
    Counter counter;
    auto response = sample_router().dispatch(counter, make_request("GET", "/items/"));
    BOOST_TEST(response.status == 404);
    BOOST_TEST(response.body == R"({"error":"Not found"})");
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_allow) {
    Counter counter;
    auto response = sample_router().dispatch(counter, make_request("DELETE", "/items"));
    BOOST_TEST(response.status == 405);
    BOOST_TEST(response.body == R"({"error":"Method not allowed"})");
    std::string allow;
    for (auto& [name, value] : response.headers) {
        if (name == "Allow") allow = value;
    }
    BOOST_TEST(allow == "GET, HEAD, POST");
}

BOOST_AUTO_TEST_CASE(head_is_served_by_get) {
    Counter counter;
    auto response = sample_router().dispatch(counter, make_request("HEAD", "/items"));
    BOOST_TEST(response.status == 200);
    BOOST_TEST(counter.calls == 1);
    // The pool drops the body of a HEAD answer but keeps its length.
    auto wire = serialize(response, false);
    BOOST_TEST(wire.find("Content-Length: 3\r\n") != std::string::npos);
    BOOST_TEST(wire.substr(wire.size() - 4) == "\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(guard_answers_before_the_handler) {
    auto router = sample_router();
    router.set_guard([](Counter&, const Request& r) -> std::optional<Response> {
        if (r.method() == "POST") return error(415, "nope");
        return std::nullopt;
    });
    Counter counter;
    BOOST_TEST(router.dispatch(counter, make_request("POST", "/items")).status == 415);
    BOOST_TEST(router.dispatch(counter, make_request("GET", "/items")).status == 200);
    // Unknown paths stay 404: the guard only runs once a route matched.
    BOOST_TEST(router.dispatch(counter, make_request("POST", "/other")).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
