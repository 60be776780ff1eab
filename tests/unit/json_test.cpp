#include <boost/test/unit_test.hpp>

#include "core/json.hpp"
#include "core/text.hpp"
#include "fcgi/response.hpp"

using cv::json::parse;
using cv::text::is_valid_utf8;
using namespace cv::fcgi;

BOOST_AUTO_TEST_SUITE(json_and_text_helpers)

BOOST_AUTO_TEST_CASE(strict_parsing) {
    BOOST_TEST(parse(R"({"a": 1})").has_value());
    BOOST_TEST(parse("[1,2]").has_value());
    BOOST_TEST(!parse("{").has_value());
    BOOST_TEST(!parse(R"({"a": 1} trailing)").has_value());
    BOOST_TEST(!parse(R"({"a": 1, "a": 2})").has_value());
    BOOST_TEST(!parse("{'a': 1}").has_value());
    BOOST_TEST(!parse("").has_value());
    cv::json::ParseError problem;
    BOOST_TEST(!parse("{\"a\": \"\xff\"}", &problem).has_value());
    BOOST_TEST(problem.reason == "invalid UTF-8");
    std::string deep(100000, '[');
    BOOST_TEST(!parse(deep, &problem).has_value());
}

BOOST_AUTO_TEST_CASE(strings_are_text_once_their_escapes_are_decoded) {
    // Each decodes to bytes that are not UTF-8 text (a lone or reversed surrogate, a NUL):
    // refused, naming where the string is.
    const std::pair<const char*, const char*> refused[] = {
        {R"({"username": "\udc00abc"})", "username"},
        {R"({"a": {"b": ["ok", "x\udfff"]}})", "a.b[1]"},
        {R"({"name": "nul\u0000byte"})", "name"},
        {R"({"name": "two highs \udbff\udbff"})", "name"},
        {R"({"name": "high then text \ud800\u0041"})", "name"},
        {R"(["\udc00"])", "[0]"},
        {R"({"\udc00": 1})", "body"},
    };
    for (const auto& [text, field] : refused) {
        cv::json::ParseError problem;
        auto value = parse(text, &problem);
        // A reversed pair or a lone high surrogate is already malformed JSON to the reader.
        BOOST_TEST(!value.has_value(), text);
        BOOST_TEST(problem.field == field, text);
    }
    // A reversed pair, or a lone high surrogate, is refused too (the reader itself finds it
    // malformed).
    for (const char* text : {R"(["\udc00\ud800"])", R"(["\ud800"])", R"(["\ud800x"])"})
        BOOST_TEST(!parse(text).has_value(), text);
    // A genuine pair (U+10000) and plain accents are text.
    BOOST_TEST(parse(R"({"a": "\ud800\udc00 é \u00e9"})").has_value());
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
    BOOST_TEST(cv::json::write(v) == R"({"name":"Amélie \"quoted\""})");
}

BOOST_AUTO_TEST_CASE(trim_lower_and_integers) {
    BOOST_TEST(cv::text::trim("  a b\t\r\n") == "a b");
    BOOST_TEST(cv::text::trim("   ").empty());
    BOOST_TEST(cv::text::lower("NosFÉratu") == "nosfÉratu");  // ASCII only
    BOOST_TEST(*cv::text::parse_integer("500", 1, 500) == 500);
    for (const char* bad : {"", "0", "007", "501", "-1", "+5", "1.5", "12a", " 1"})
        BOOST_TEST(!cv::text::parse_integer(bad, 1, 500).has_value(), bad);
    BOOST_TEST(*cv::text::parse_integer("0", 0, 1) == 0);
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
