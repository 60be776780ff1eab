#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <thread>

#include "app/config.hpp"
#include "app/lanes.hpp"
#include "core/log.hpp"
#include "core/settings.hpp"

using cv::ConfigError;
using cv::parse_env_file;
using cv::Settings;
using namespace std::chrono_literals;

namespace {
Settings with(std::map<std::string, std::string> values) {
    return Settings(std::move(values));
}

// The variable a ConfigError names, or "" when none was thrown.
std::string rejected_variable(std::map<std::string, std::string> values) {
    try {
        cv::AppConfig::load(with(std::move(values)));
    } catch (const ConfigError& e) {
        return e.variable();
    }
    return "";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(configuration)

BOOST_AUTO_TEST_CASE(defaults_are_sensible) {
    auto config = cv::AppConfig::load(with({}));
    BOOST_TEST(config.pool.body_limit == 64u * 1024);
    BOOST_TEST(config.pool.lanes.at(0).workers >= 2);
    BOOST_TEST(config.pool.lanes.size() == 2u);
    BOOST_TEST(config.pool.lanes[0].name == "main");
    BOOST_TEST(config.pool.lanes[0].listen->path == "/run/cineverse/api.sock");
    // The jobs lane, on every host: one worker, no socket.
    BOOST_TEST(config.pool.lanes[1].name == "jobs");
    BOOST_TEST(!config.pool.lanes[1].listen.has_value());
    BOOST_TEST(config.pool.lanes[1].workers == 1);
    BOOST_TEST(config.sessions.absolute_lifetime.count() == 7 * 24 * 3600);
    BOOST_TEST(config.sessions.idle_lifetime.count() == 24 * 3600);
    BOOST_TEST(config.tmdb.total_timeout.count() == 5000);
    BOOST_TEST(config.tmdb.connect_timeout.count() == 2000);
    // Each kind's freshness is its rows' in the route table, unless configured otherwise.
    BOOST_TEST(config.cache_lifetimes.at("list").count() == 600);
    BOOST_TEST(config.cache_lifetimes.at("search").count() == 3600);
    BOOST_TEST(config.cache_lifetimes.at("movie").count() == 24 * 3600);
    BOOST_TEST(config.cache.max_rows == 20000);
    BOOST_TEST(config.cache.search_stale_limit < config.cache.stale_limit);
    BOOST_TEST(config.tmdb_budget > 0);
    BOOST_TEST(config.tmdb_budget < 40);  // below TMDB's own limit
    BOOST_TEST(config.tmdb.base_url == "https://api.themoviedb.org/3");
    BOOST_TEST(config.pool.request_timeout.count() == 10000);
    BOOST_TEST(config.pool.terminate_timeout.count() == 15000);
    BOOST_TEST(config.pool.max_requests == 0);  // never recycled, as php-fpm by default
    BOOST_TEST(config.sessions.max_live_sessions == 20);
    BOOST_TEST(config.tmdb.languages.front() == "fr-FR");  // the French client's default
}

BOOST_AUTO_TEST_CASE(a_kind_of_answer_is_kept_as_configured_under_its_own_name) {
    auto config = cv::AppConfig::load(
        with({{"CINEVERSE_CACHE_TTL_SEARCH", "5m"}, {"CINEVERSE_CACHE_TTL_TV", "2h"}}));
    BOOST_TEST(config.cache_lifetimes.at("search").count() == 300);
    BOOST_TEST(config.cache_lifetimes.at("tv").count() == 7200);
    BOOST_TEST(config.cache_lifetimes.at("movie").count() == 24 * 3600);  // untouched
    BOOST_TEST(cv::cache_kind_variable("now-playing") == "NOW_PLAYING");
    BOOST_CHECK_THROW(cv::AppConfig::load(with({{"CINEVERSE_CACHE_TTL_LIST", "0s"}})),
                      cv::ConfigError);
}

BOOST_AUTO_TEST_CASE(main_lane_gets_spare_workers_only_when_it_waits_on_tmdb) {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    BOOST_TEST(cv::AppConfig::load(with({})).pool.lanes.at(0).workers == 2 * cores);
    auto with_lane =
        cv::AppConfig::load(with({{"CINEVERSE_LISTEN", "unix:/tmp/cv-main.sock"},
                                  {"CINEVERSE_CATALOGUE_LISTEN", "unix:/tmp/cv-catalogue.sock"}}));
    BOOST_REQUIRE(with_lane.pool.lanes.size() == 3u);
    BOOST_TEST(with_lane.pool.lanes[0].workers == cores);
    BOOST_TEST(with_lane.pool.lanes[1].name == "catalogue");
    BOOST_TEST(with_lane.pool.lanes[1].workers == 2 * cores);
    BOOST_TEST(with_lane.pool.lanes[1].keep_connections);
    auto hashing_only =
        cv::AppConfig::load(with({{"CINEVERSE_LISTEN", "unix:/tmp/cv-main.sock"},
                                  {"CINEVERSE_HASHING_LISTEN", "unix:/tmp/cv-hashing.sock"}}));
    BOOST_TEST(hashing_only.pool.lanes.at(0).workers == 2 * cores);
    BOOST_REQUIRE(hashing_only.pool.lanes.size() == 3u);
    BOOST_TEST(hashing_only.pool.lanes[1].name == "hashing");
    // Hashing leaves a core free of Argon2id (docs/benchmarks.md, the login flood), in a
    // session of its own at niceness 10.
    BOOST_TEST(hashing_only.pool.lanes[1].workers == std::max(1, cores - 1));
    BOOST_TEST(hashing_only.pool.lanes[1].nice == 10);
    BOOST_TEST((hashing_only.pool.lanes[1].scheduling == cv::fcgi::Lane::Scheduling::own_group));
    BOOST_TEST(!hashing_only.pool.lanes[1].keep_connections);
    BOOST_TEST((with_lane.pool.lanes[0].scheduling == cv::fcgi::Lane::Scheduling::normal));
    auto placed = cv::AppConfig::load(with({{"CINEVERSE_HASHING_LISTEN", "unix:/tmp/cv-h.sock"},
                                            {"CINEVERSE_HASHING_SCHEDULING", "idle"}}));
    BOOST_TEST((placed.pool.lanes.at(1).scheduling == cv::fcgi::Lane::Scheduling::idle));
    // A pool of the hashing lane alone, beside another that serves the rest.
    auto alone = cv::AppConfig::load(
        with({{"CINEVERSE_LISTEN", "off"}, {"CINEVERSE_HASHING_LISTEN", "unix:/tmp/cv-h.sock"}}));
    BOOST_REQUIRE(alone.pool.lanes.size() == 2u);
    BOOST_TEST(alone.pool.lanes[0].name == "hashing");
    BOOST_TEST(alone.pool.lanes[1].name == "jobs");
    auto chosen =
        cv::AppConfig::load(with({{"CINEVERSE_WORKERS", "5"},
                                  {"CINEVERSE_LISTEN", "unix:/tmp/cv-main.sock"},
                                  {"CINEVERSE_CATALOGUE_LISTEN", "unix:/tmp/cv-c.sock"}}));
    BOOST_TEST(chosen.pool.lanes.at(0).workers == 5);
}

BOOST_AUTO_TEST_CASE(the_jobs_lane_is_sized_and_can_be_left_out) {
    auto three = cv::AppConfig::load(with({{"CINEVERSE_JOBS_WORKERS", "3"}}));
    BOOST_REQUIRE(three.pool.lanes.size() == 2u);
    BOOST_TEST(three.pool.lanes[1].workers == 3);
    BOOST_TEST(three.pool.lanes[1].nice == 5);
    // A pool that runs no jobs (another host's pool runs them).
    auto none = cv::AppConfig::load(with({{"CINEVERSE_JOBS_WORKERS", "0"}}));
    BOOST_REQUIRE(none.pool.lanes.size() == 1u);
    BOOST_TEST(none.pool.lanes[0].name == "main");
    BOOST_TEST(rejected_variable({{"CINEVERSE_JOBS_WORKERS", "-1"}}) == "CINEVERSE_JOBS_WORKERS");
}

BOOST_AUTO_TEST_CASE(jobs_and_offers_settings) {
    auto config = cv::AppConfig::load(with({}));
    BOOST_TEST(config.jobs.lease.count() == 60);
    BOOST_TEST(config.jobs.poll.count() == 5000);
    BOOST_TEST(config.jobs.backoff.first.count() == 30);
    BOOST_TEST(config.offers.calls_per_run == 5000);
    BOOST_TEST(config.offers.calls_per_second == 5.0);
    BOOST_TEST(config.offers.refresh_after.count() == 6 * 3600);
    BOOST_TEST(config.offers.region == "FR");
    // A claimed batch fits in half a lease: 60 s / 2 / (0.2 s + 5 s) → 5 titles.
    BOOST_TEST(config.offers.batch == 5);
    BOOST_TEST(config.offers.claim_for.count() == 60);
    BOOST_TEST(config.jobs_listen_url == config.database_url);
    auto polling = cv::AppConfig::load(with({{"CINEVERSE_JOBS_LISTEN_URL", "off"}}));
    BOOST_TEST(polling.jobs_listen_url.empty());
    // A job's TMDB call ends within half a lease.
    auto short_lease = cv::AppConfig::load(with({{"CINEVERSE_JOBS_LEASE", "4s"}}));
    BOOST_TEST(short_lease.offers.call_timeout.count() == 2000);
    BOOST_TEST(short_lease.offers.batch == 1);
    // The job's pace never goes above the host's budget.
    BOOST_TEST(
        cv::AppConfig::load(with({{"CINEVERSE_OFFERS_RATE", "30"}})).offers.calls_per_second ==
        20.0);
    BOOST_TEST(
        cv::AppConfig::load(with({{"CINEVERSE_OFFERS_RATE", "30"}, {"CINEVERSE_TMDB_BUDGET", "0"}}))
            .offers.calls_per_second == 30.0);
    // A backoff cap below its start: refused.
    BOOST_TEST(rejected_variable(
                   {{"CINEVERSE_JOBS_BACKOFF", "2m"}, {"CINEVERSE_JOBS_BACKOFF_MAX", "1m"}}) ==
               "CINEVERSE_JOBS_BACKOFF_MAX");
}

BOOST_AUTO_TEST_CASE(values_are_parsed) {
    auto config = cv::AppConfig::load(
        with({{"CINEVERSE_LISTEN", "127.0.0.1:9000"},
              {"CINEVERSE_WORKERS", "3"},
              {"CINEVERSE_BODY_LIMIT", "128k"},
              {"CINEVERSE_DRAIN_TIMEOUT", "1500ms"},
              {"CINEVERSE_SESSION_IDLE", "2h"},
              {"CINEVERSE_PUBLIC_ORIGINS", "https://a.example, https://b.example"},
              {"TMDB_BASE_URL", "http://127.0.0.1:9/3/"}}));
    BOOST_TEST(config.pool.lanes.at(0).listen->host == "127.0.0.1");
    BOOST_TEST(config.pool.lanes.at(0).listen->port == 9000);
    BOOST_TEST(config.pool.lanes.at(0).workers == 3);
    BOOST_TEST(config.pool.body_limit == 128u * 1024);
    BOOST_TEST(config.pool.drain_timeout.count() == 1500);
    BOOST_TEST(config.sessions.idle_lifetime.count() == 7200);
    BOOST_TEST(config.public_origins.size() == 2u);
    BOOST_TEST(config.public_origins[1] == "https://b.example");
    BOOST_TEST(config.tmdb.base_url == "http://127.0.0.1:9/3");
}

BOOST_AUTO_TEST_CASE(invalid_values_name_their_variable) {
    BOOST_TEST(rejected_variable({{"CINEVERSE_WORKERS", "0"}}) == "CINEVERSE_WORKERS");
    BOOST_TEST(rejected_variable({{"CINEVERSE_WORKERS", "four"}}) == "CINEVERSE_WORKERS");
    BOOST_TEST(rejected_variable({{"CINEVERSE_HASHING_LISTEN", "unix:/tmp/cv-h.sock"},
                                  {"CINEVERSE_HASHING_SCHEDULING", "batch"}}) ==
               "CINEVERSE_HASHING_SCHEDULING");
    BOOST_TEST(rejected_variable({{"CINEVERSE_LISTEN", "relative.sock"}}) == "CINEVERSE_LISTEN");
    BOOST_TEST(rejected_variable({{"CINEVERSE_LISTEN", "host:99999"}}) == "CINEVERSE_LISTEN");
    BOOST_TEST(rejected_variable({{"CINEVERSE_DRAIN_TIMEOUT", "soon"}}) ==
               "CINEVERSE_DRAIN_TIMEOUT");
    BOOST_TEST(rejected_variable({{"CINEVERSE_BODY_LIMIT", "12q"}}) == "CINEVERSE_BODY_LIMIT");
    BOOST_TEST(rejected_variable({{"CINEVERSE_SOCKET_MODE", "999"}}) == "CINEVERSE_SOCKET_MODE");
    BOOST_TEST(rejected_variable({{"CINEVERSE_MIGRATE_ON_START", "perhaps"}}) ==
               "CINEVERSE_MIGRATE_ON_START");
    BOOST_TEST(rejected_variable({{"TMDB_BASE_URL", "ftp://x"}}) == "TMDB_BASE_URL");
    BOOST_TEST(rejected_variable({{"CINEVERSE_PUBLIC_ORIGINS", "localhost"}}) ==
               "CINEVERSE_PUBLIC_ORIGINS");
    // The key travels in TMDB's URL: plain HTTP only to a stand-in on this host.
    BOOST_TEST(rejected_variable({{"TMDB_BASE_URL", "http://10.0.0.1/3"}}) == "TMDB_BASE_URL");
    BOOST_TEST(rejected_variable({{"TMDB_BASE_URL", "http://localhost.evil.example/3"}}) ==
               "TMDB_BASE_URL");
    BOOST_TEST(rejected_variable({{"TMDB_BASE_URL", "http://localhost:8089/3"}}) == "");
    BOOST_TEST(rejected_variable({{"CINEVERSE_TMDB_LANGUAGES", "fr-FR,french"}}) ==
               "CINEVERSE_TMDB_LANGUAGES");
    // The service answers before its own watchdog and before nginx: the deadlines nest.
    BOOST_TEST(rejected_variable({{"CINEVERSE_REQUEST_TERMINATE_TIMEOUT", "5s"}}) ==
               "CINEVERSE_REQUEST_TERMINATE_TIMEOUT");
    BOOST_TEST(rejected_variable({{"CINEVERSE_TMDB_TIMEOUT", "10s"}}) == "CINEVERSE_TMDB_TIMEOUT");
    BOOST_TEST(rejected_variable({{"CINEVERSE_SESSION_MAX", "0"}}) == "CINEVERSE_SESSION_MAX");
    BOOST_TEST(rejected_variable({}) == "");
}

BOOST_AUTO_TEST_CASE(env_file_lines) {
    auto values = parse_env_file("# comment\n\nA=1\n B = two words \nC=\"quoted\"\nnot a pair\n");
    BOOST_TEST(values.at("A") == "1");
    BOOST_TEST(values.at("B") == "two words");
    BOOST_TEST(values.at("C") == "quoted");
    BOOST_TEST(values.size() == 3u);
}

BOOST_AUTO_TEST_CASE(log_values_cannot_forge_lines) {
    BOOST_TEST(cv::log::quote_if_needed("plain") == "plain");
    BOOST_TEST(cv::log::quote_if_needed("two words") == "\"two words\"");
    BOOST_TEST(cv::log::quote_if_needed("a\nb=\"c\"") == "\"a\\x0ab=\\\"c\\\"\"");
    BOOST_TEST(cv::log::quote_if_needed("") == "\"\"");
}

BOOST_AUTO_TEST_SUITE_END()
