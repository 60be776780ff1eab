#include <boost/test/unit_test.hpp>

#include "fcgi/json.hpp"
#include "fcgi/response.hpp"

using namespace cv::fcgi;

BOOST_AUTO_TEST_SUITE(json_helpers)

BOOST_AUTO_TEST_CASE(strict_parsing) {
    BOOST_TEST(parse_json(R"({"a": 1})").has_value());
    BOOST_TEST(parse_json("[1,2]").has_value());
    BOOST_TEST(!parse_json("{").has_value());
    BOOST_TEST(!parse_json(R"({"a": 1} trailing)").has_value());
    BOOST_TEST(!parse_json(R"({"a": 1, "a": 2})").has_value());
    BOOST_TEST(!parse_json("{'a': 1}").has_value());
    BOOST_TEST(!parse_json("").has_value());
    std::string reason;
    BOOST_TEST(!parse_json("{\"a\": \"\xff\"}", &reason).has_value());
    BOOST_TEST(reason == "invalid UTF-8");
    std::string deep(100000, '[');
    BOOST_TEST(!parse_json(deep, &reason).has_value());
}

BOOST_AUTO_TEST_CASE(utf8_validation) {
    BOOST_TEST(is_valid_utf8("héllo 世界 🎬"));
    BOOST_TEST(!is_valid_utf8("\xc3"));              // truncated
    BOOST_TEST(!is_valid_utf8("\xc0\xaf"));          // overlong '/'
    BOOST_TEST(!is_valid_utf8("\xed\xa0\x80"));      // surrogate
    BOOST_TEST(!is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    BOOST_TEST(!is_valid_utf8("\x80"));
}

BOOST_AUTO_TEST_CASE(writing_keeps_utf8) {
    Json::Value v(Json::objectValue);
    v["name"] = "Amélie \"quoted\"";
    BOOST_TEST(to_json(v) == R"({"name":"Amélie \"quoted\""})");
}

BOOST_AUTO_TEST_CASE(error_helper_has_contract_shape) {
    auto r = error(401, "Unauthorized");
    BOOST_TEST(r.status == 401);
    BOOST_TEST(r.body == R"({"error":"Unauthorized"})");
    BOOST_TEST(r.content_type == "application/json; charset=utf-8");
    auto wire = serialize(r.with_header("X-A", "b"), true);
    BOOST_TEST(wire.rfind("Status: 401 Unauthorized\r\n", 0) == 0u);
    BOOST_TEST(wire.find("X-A: b\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
