// TLS versions and security headers on every kind of answer, checked with real clients.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;

namespace {

// Handshake with exactly one protocol version; the client's own floor is lowered so that
// only the server can refuse.
bool handshake_succeeds(const std::string& version) {
    auto r =
        run({"openssl", "s_client", "-connect", "127.0.0.1:" + std::to_string(stack().https_port()),
             "-servername", "localhost", "-" + version, "-cipher", "DEFAULT:@SECLEVEL=0", "-brief"},
            {});
    return r.exit_code == 0 && r.output.find("Protocol version") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security)

BOOST_AUTO_TEST_CASE(only_tls_1_2_and_1_3) {
    BOOST_TEST(handshake_succeeds("tls1_3"));
    BOOST_TEST(handshake_succeeds("tls1_2"));
    BOOST_TEST(!handshake_succeeds("tls1_1"));
    BOOST_TEST(!handshake_succeeds("tls1"));
}

BOOST_AUTO_TEST_CASE(security_headers_on_every_kind_of_answer) {
    HttpClient client;
    std::string asset;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(CV_SOURCE_DIR) + "/web/dist/assets")) {
        asset = "/assets/" + entry.path().filename().string();
    }
    const std::pair<std::string, HttpResult> answers[] = {
        {"API", client.get("/healthz")},
        {"API error", client.get("/api/nothing-here")},
        {"catalogue", client.get("/api/trending-movies")},
        {"SPA", client.get("/")},
        {"SPA route", client.get("/inscription")},
        {"asset", client.get(asset)},
        {"nginx 413", client.post_json("/login", std::string(70 * 1024, ' '))},
        {"worker 415", client.request("POST", "/login", "{}", {"Content-Type: text/plain"})},
    };
    for (const auto& [kind, r] : answers) {
        BOOST_TEST(r.header("strict-transport-security") == "max-age=63072000; includeSubDomains",
                   kind);
        BOOST_TEST(r.header("x-content-type-options") == "nosniff", kind);
        BOOST_TEST(r.header("x-frame-options") == "DENY", kind);
        BOOST_TEST(
            r.header("content-security-policy").find("default-src 'self'") != std::string::npos,
            kind);
        BOOST_TEST(r.header("referrer-policy") == "strict-origin-when-cross-origin", kind);
        BOOST_TEST(r.header("server") == "nginx", kind);  // no version
    }
}

BOOST_AUTO_TEST_SUITE_END()
