// The one place where failures become answers: each kind's status, message and headers.
#include <boost/test/unit_test.hpp>

#include "core/failure.hpp"
#include "db/database.hpp"
#include "handlers/answers.hpp"

using cv::Failure;
using cv::FailureKind;
using cv::handlers::answer_failure;

namespace {

template <typename Thrown>
cv::fcgi::Response answer_to(Thrown thrown) {
    return answer_failure(std::make_exception_ptr(std::move(thrown)), "rid-test");
}

std::string header(const cv::fcgi::Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) return value;
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(failure_answers)

BOOST_AUTO_TEST_CASE(each_kind_has_its_status_and_keeps_its_message) {
    const std::pair<FailureKind, int> kinds[] = {
        {FailureKind::invalid_input, 400},      {FailureKind::unauthenticated, 401},
        {FailureKind::forbidden, 403},          {FailureKind::not_found, 404},
        {FailureKind::method_not_allowed, 405}, {FailureKind::conflict, 409},
        {FailureKind::payload_too_large, 413},  {FailureKind::unsupported_media_type, 415},
        {FailureKind::rate_limited, 429},       {FailureKind::unavailable, 503},
        {FailureKind::timed_out, 503},
    };
    for (auto [kind, status] : kinds) {
        auto response = answer_to(Failure(kind, "the message"));
        BOOST_TEST(response.status == status);
        BOOST_TEST(response.body == R"({"error":"the message"})");
        BOOST_TEST(response.content_type == "application/json; charset=utf-8");
    }
}

BOOST_AUTO_TEST_CASE(headers_travel_with_the_failure) {
    auto unavailable = answer_to(cv::db::Unavailable("database unreachable"));
    BOOST_TEST(unavailable.status == 503);
    BOOST_TEST(unavailable.body == R"({"error":"Database unavailable"})");
    BOOST_TEST(header(unavailable, "Retry-After") == "2");
    auto wrong_method = answer_to(
        Failure(FailureKind::method_not_allowed, "Method not allowed", {{"Allow", "GET, HEAD"}}));
    BOOST_TEST(header(wrong_method, "Allow") == "GET, HEAD");
}

BOOST_AUTO_TEST_CASE(anything_else_is_a_500_without_details) {
    auto response = answer_to(std::runtime_error("an internal detail"));
    BOOST_TEST(response.status == 500);
    BOOST_TEST(response.body == R"({"error":"Internal server error"})");
    BOOST_TEST(answer_to(42).status == 500);
}

BOOST_AUTO_TEST_SUITE_END()
