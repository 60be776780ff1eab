// The SPA end to end: web/e2e/run.mjs drives Debian's Chromium through this binary's stack.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "stack.hpp"

using namespace cv::it;

BOOST_AUTO_TEST_SUITE(web)

BOOST_AUTO_TEST_CASE(the_spa_works_end_to_end_in_chromium) {
    std::string web = std::string(CV_SOURCE_DIR) + "/web";
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(web + "/dist/index.html"),
                          "web/dist is missing: scripts/test builds it (npm ci && npm run build)");
    std::string artifacts = std::string(CV_BINARY_DIR) + "/e2e-artifacts";
    // The steps of "Mes plateformes" move the fake TMDB's offers on and run the offers job
    // as an operator would (`cineverse-api offers refresh`, in the pool's environment).
    auto env = stack().pool_environment();
    env["CINEVERSE_CONFIG_FILE"] = "";
    env["BASE_URL"] = stack().base_url();
    env["ARTIFACTS_DIR"] = artifacts;
    env["NODE_PATH"] = web + "/node_modules";
    env["CINEVERSE_API_BINARY"] = CV_API_BINARY;
    env["FAKE_TMDB_URL"] = "http://127.0.0.1:" + std::to_string(stack().tmdb_port());
    auto result = run({"node", web + "/e2e/run.mjs"}, env);
    stack().tmdb_reset();
    BOOST_TEST_MESSAGE(result.output);
    BOOST_TEST(result.exit_code == 0, result.output);
}

BOOST_AUTO_TEST_CASE(spa_routes_fall_back_to_index_and_assets_are_cached_for_long) {
    auto index =
        run({"curl", "-s", "-D", "-", "-o", "/dev/null", "--cacert", stack().certificate(),
             "--resolve", "localhost:" + std::to_string(stack().https_port()) + ":127.0.0.1",
             stack().base_url() + "/profil"});
    BOOST_TEST(index.output.find("HTTP/2 200") != std::string::npos, index.output);
    BOOST_TEST(
        index.output.find("content-security-policy: default-src 'self'") != std::string::npos,
        index.output);
    BOOST_TEST(index.output.find("cache-control: no-cache") != std::string::npos, index.output);
    std::string asset;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(CV_SOURCE_DIR) + "/web/dist/assets")) {
        if (entry.path().extension() == ".js") asset = entry.path().filename();
    }
    BOOST_REQUIRE(!asset.empty());
    auto js = run({"curl", "-s", "-D", "-", "-o", "/dev/null", "--cacert", stack().certificate(),
                   "--resolve", "localhost:" + std::to_string(stack().https_port()) + ":127.0.0.1",
                   stack().base_url() + "/assets/" + asset});
    BOOST_TEST(
        js.output.find("cache-control: public, max-age=31536000, immutable") != std::string::npos,
        js.output);
}

BOOST_AUTO_TEST_SUITE_END()
