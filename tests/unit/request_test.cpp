#include <boost/test/unit_test.hpp>

#include "fcgi/request.hpp"

using namespace cv::fcgi;

BOOST_AUTO_TEST_SUITE(request_parsing)

BOOST_AUTO_TEST_CASE(percent_decoding) {
    BOOST_TEST(*percent_decode("a%20b%2Fc", false) == "a b/c");
    BOOST_TEST(*percent_decode("a+b", true) == "a b");
    BOOST_TEST(*percent_decode("a+b", false) == "a+b");
    BOOST_TEST(*percent_decode("%e2%82%ac", false) == "\xe2\x82\xac");
    BOOST_TEST(!percent_decode("%", false).has_value());
    BOOST_TEST(!percent_decode("%2", false).has_value());
    BOOST_TEST(!percent_decode("%zz", false).has_value());
    BOOST_TEST(*percent_decode("%00", false) == std::string(1, '\0'));
}

BOOST_AUTO_TEST_CASE(query_string) {
    auto q = parse_query("a=1&b=two+words&c=%26&&d&a=2");
    BOOST_TEST(q.count("a") == 2u);
    BOOST_TEST(q.find("a")->second == "1");
    BOOST_TEST(q.find("b")->second == "two words");
    BOOST_TEST(q.find("c")->second == "&");
    BOOST_TEST(q.find("d")->second == "");
    BOOST_CHECK_THROW(parse_query("a=%G1"), MalformedRequest);
}

BOOST_AUTO_TEST_CASE(cookies) {
    auto c = parse_cookies("session=abc; theme=\"dark\";garbage; =x; session=second;  lang = fr ");
    BOOST_TEST(c.count("session") == 2u);
    BOOST_TEST(c.find("theme")->second == "dark");
    BOOST_TEST(c.find("lang")->second == "fr");
    BOOST_TEST(c.count("garbage") == 0u);
    BOOST_TEST(c.size() == 4u);
    // A cookie sent twice is no cookie at all: neither copy can be told genuine.
    for (const char* header : {"a=1; a=2", "a=2; a=1", "a=1; b=2; a=1"}) {
        Request r = Request::from_params({{"HTTP_COOKIE", header}});
        BOOST_TEST(!r.cookie("a").has_value(), header);
    }
    BOOST_TEST(*Request::from_params({{"HTTP_COOKIE", "b=2; a=1"}}).cookie("a") == "1");
}

BOOST_AUTO_TEST_CASE(from_fastcgi_params) {
    Request r = Request::from_params({{"REQUEST_METHOD", "POST"},
                                      {"REQUEST_URI", "/raw/path?x=1"},
                                      {"DOCUMENT_URI", "/login"},
                                      {"QUERY_STRING", "user_id=abc&x=%41"},
                                      {"REMOTE_ADDR", "127.0.0.1"},
                                      {"REQUEST_ID", "rid42"},
                                      {"CONTENT_TYPE", "application/json"},
                                      {"CONTENT_LENGTH", "7"},
                                      {"HTTP_ORIGIN", "https://localhost:8443"},
                                      {"HTTP_X_FORWARDED_FOR", "10.0.0.1"},
                                      {"HTTP_COOKIE", "session=tok"}},
                                     [](size_t n) { return std::string(n, 'x'); });
    BOOST_TEST(r.method() == "POST");
    BOOST_TEST(r.path() == "/login");  // nginx's normalised path wins
    BOOST_TEST(*r.query("user_id") == "abc");
    BOOST_TEST(*r.query("x") == "A");
    BOOST_TEST(!r.query("missing").has_value());
    BOOST_TEST(r.remote_addr() == "127.0.0.1");
    BOOST_TEST(r.request_id() == "rid42");
    BOOST_TEST(*r.header("content-type") == "application/json");
    BOOST_TEST(*r.header("origin") == "https://localhost:8443");
    BOOST_TEST(*r.header("x-forwarded-for") == "10.0.0.1");
    BOOST_TEST(*r.cookie("session") == "tok");
    BOOST_TEST(*r.content_length() == 7u);
    BOOST_TEST(r.body() == "xxxxxxx");
}

BOOST_AUTO_TEST_CASE(path_from_request_uri_without_document_uri) {
    Request r = Request::from_params({{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/a%20b?q=1"}});
    BOOST_TEST(r.path() == "/a b");
    BOOST_CHECK_THROW(Request::from_params({{"REQUEST_URI", "/a%zz"}}), MalformedRequest);
    BOOST_CHECK_THROW(Request::from_params({{"CONTENT_LENGTH", "12abc"}}), MalformedRequest);
}

BOOST_AUTO_TEST_CASE(body_is_read_lazily_once) {
    int reads = 0;
    Request r = Request::from_params({{"CONTENT_LENGTH", "3"}}, [&](size_t n) {
        ++reads;
        return std::string(n, 'b');
    });
    BOOST_TEST(reads == 0);
    BOOST_TEST(r.body() == "bbb");
    BOOST_TEST(r.body() == "bbb");
    BOOST_TEST(reads == 1);
}

BOOST_AUTO_TEST_SUITE_END()
