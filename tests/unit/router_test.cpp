#include <boost/test/unit_test.hpp>

#include "core/failure.hpp"
#include "fcgi/path_pattern.hpp"
#include "fcgi/router.hpp"

using namespace cv::fcgi;
using cv::Failure;
using cv::FailureKind;

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
    router.add("GET", "/items/{id:int}", [](Counter&, const Request& r) {
        return raw_json(200, "\"" + r.path_param("id") + "\"");
    });
    router.add("PUT", "/lists/{kind:movie|tv}/{id:int}", [](Counter&, const Request& r) {
        return raw_json(200, "\"" + r.path_param("kind") + " " + r.path_param("id") + "\"");
    });
    return router;
}

// What dispatching the request threw, or nullopt when it was answered.
std::optional<FailureKind> refusal(Router<Counter>& router, const std::string& method,
                                   const std::string& path) {
    Counter counter;
    Request request = make_request(method, path);
    try {
        router.dispatch(counter, request);
    } catch (const Failure& failure) {
        return failure.kind();
    }
    return std::nullopt;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(exact_path_reaches_its_handler_and_names_the_route) {
    Counter counter;
    auto router = sample_router();
    Request request = make_request("GET", "/items");
    auto response = router.dispatch(counter, request);
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == "[1]");
    BOOST_TEST(counter.calls == 1);
    BOOST_TEST(request.route() == "/items");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_not_found) {
    auto router = sample_router();
    BOOST_TEST((refusal(router, "GET", "/items/") == FailureKind::not_found));
    BOOST_TEST((refusal(router, "GET", "/other") == FailureKind::not_found));
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_allow) {
    auto router = sample_router();
    Counter counter;
    Request request = make_request("DELETE", "/items");
    try {
        router.dispatch(counter, request);
        BOOST_FAIL("DELETE was served");
    } catch (const Failure& failure) {
        BOOST_TEST((failure.kind() == FailureKind::method_not_allowed));
        BOOST_TEST(std::string(failure.what()) == "Method not allowed");
        BOOST_REQUIRE(failure.headers().size() == 1u);
        BOOST_TEST(failure.headers()[0].first == "Allow");
        BOOST_TEST(failure.headers()[0].second == "GET, HEAD, POST");
    }
}

BOOST_AUTO_TEST_CASE(head_is_served_by_get) {
    Counter counter;
    auto router = sample_router();
    Request request = make_request("HEAD", "/items");
    auto response = router.dispatch(counter, request);
    BOOST_TEST(response.status == 200);
    BOOST_TEST(counter.calls == 1);
    // The worker drops the body of a HEAD answer but keeps its length.
    auto wire = serialize(response, false);
    BOOST_TEST(wire.find("Content-Length: 3\r\n") != std::string::npos);
    BOOST_TEST(wire.substr(wire.size() - 4) == "\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(typed_parameters) {
    auto router = sample_router();
    Counter counter;
    Request request = make_request("GET", "/items/653");
    BOOST_TEST(router.dispatch(counter, request).body == "\"653\"");
    BOOST_TEST(request.route() == "/items/{id:int}");
    Request listed = make_request("PUT", "/lists/tv/7");
    BOOST_TEST(router.dispatch(counter, listed).body == "\"tv 7\"");
    for (const char* bad : {"/items/0", "/items/007", "/items/-1", "/items/2147483648",
                            "/items/abc", "/items/1/2", "/items/"})
        BOOST_TEST((refusal(router, "GET", bad) == FailureKind::not_found), bad);
    BOOST_TEST((refusal(router, "GET", "/items/2147483647") == std::nullopt));
    BOOST_TEST((refusal(router, "PUT", "/lists/person/7") == FailureKind::not_found));
}

BOOST_AUTO_TEST_CASE(patterns_render_as_anchored_regexes) {
    BOOST_TEST(PathPattern("/api/movie/{id:int}").regex() == "^/api/movie/[0-9]+$");
    BOOST_TEST(PathPattern("/w/{kind:movie|tv}/{id}").regex() == "^/w/(?:movie|tv)/[^/]+$");
    BOOST_TEST(PathPattern("/@me").regex() == "^/@me$");
    BOOST_TEST(PathPattern("/a.b").regex() == "^/a\\.b$");
    BOOST_TEST(PathPattern("/@me").is_exact());
    BOOST_CHECK_THROW(PathPattern("relative"), std::invalid_argument);
    BOOST_CHECK_THROW(PathPattern("/x{id}"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_route_listed_twice_is_a_table_error) {
    Router<Counter> router;
    router.add("GET", "/x", [](Counter&, const Request&) { return raw_json(200, "1"); });
    BOOST_CHECK_THROW(
        router.add("GET", "/x", [](Counter&, const Request&) { return raw_json(200, "2"); }),
        std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(guard_refuses_before_the_handler) {
    auto router = sample_router();
    router.set_guard([](Counter&, const Request& r) {
        if (r.method() == "POST") throw Failure(FailureKind::unsupported_media_type, "nope");
    });
    BOOST_TEST((refusal(router, "POST", "/items") == FailureKind::unsupported_media_type));
    BOOST_TEST((refusal(router, "GET", "/items") == std::nullopt));
    // Unknown paths stay 404: the guard only runs once a route matched.
    BOOST_TEST((refusal(router, "POST", "/other") == FailureKind::not_found));
}

BOOST_AUTO_TEST_SUITE_END()
