// Background work over the real stack: the jobs lane (workers with no socket, on the status
// page), the queue's unique keys, retries with backoff, the dead state and `jobs retry`, a
// job put back when its worker stops and taken again when it is killed, resuming where it
// stopped; the queue on /status and /metrics.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>

#include "core/json.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

std::map<std::string, std::string> admin_environment() {
    auto env = stack().pool_environment();
    env["CINEVERSE_CONFIG_FILE"] = "";
    return env;
}

RunResult jobs_command(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {CV_API_BINARY, "jobs"});
    return run(arguments, admin_environment());
}

std::string job_field(long long id, const std::string& expression) {
    return stack().sql("SELECT " + expression + " FROM jobs WHERE id = " + std::to_string(id));
}

// Waits until the job is in `state`.
bool reaches(long long id, const std::string& state,
             std::chrono::milliseconds patience = kPatience) {
    return wait_until([&] { return job_field(id, "state") == state; }, patience);
}

// A job of the offers refresh, queued as the timer does.
long long enqueue_refresh() {
    auto queued = jobs_command({"enqueue", "offers.refresh"});
    BOOST_REQUIRE_MESSAGE(queued.exit_code == 0, queued.output);
    return std::stoll(stack().sql("SELECT max(id) FROM jobs WHERE kind = 'offers.refresh'"));
}

// No refresh job left queued or running, so that the next test starts from an idle queue.
void wait_until_idle() {
    BOOST_REQUIRE(wait_until(
        [] {
            return stack().sql("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')") ==
                   "0";
        },
        60s));
}

// A user keeping `count` demo films from `first` on, so that a refresh has that many titles.
void keep_films(int first, int count) {
    HttpClient client;
    static int users = 0;
    auto r = client.post_json("/register", registration("jobs" + std::to_string(getpid()) + "_" +
                                                        std::to_string(++users)));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    stack().sql("INSERT INTO watchlist_items (user_id, media_type, tmdb_id, title) SELECT '" +
                r.json()["id"].asString() + "', 'movie', " + std::to_string(first) +
                " + i, 'Film ' || i FROM generate_series(0, " + std::to_string(count - 1) +
                ") i ON CONFLICT DO NOTHING");
}

Json::Value status_kind(const std::string& kind) {
    HttpClient client;
    auto status = client.get("/status").json();
    for (const auto& entry : status["jobs"]["kinds"]) {
        if (entry["kind"].asString() == kind) return entry;
    }
    return Json::Value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jobs)

BOOST_AUTO_TEST_CASE(the_jobs_lane_has_no_socket_and_shows_on_the_status_page) {
    BOOST_TEST(stack().worker_pids("jobs").size() == static_cast<size_t>(Stack::kJobsWorkers));
    HttpClient client;
    auto status = client.get("/status?full").json();
    bool listed = false;
    for (const auto& lane : status["lanes"]) {
        if (lane["name"].asString() != "jobs") continue;
        listed = true;
        BOOST_TEST(lane["workers"].asInt() == Stack::kJobsWorkers);
        BOOST_TEST(lane["idle"].asInt() + lane["busy"].asInt() == Stack::kJobsWorkers);
    }
    BOOST_TEST(listed, status);
    BOOST_TEST(status["jobs"]["kinds"].isArray(), status);
    BOOST_TEST(status["offers"]["titles"].isIntegral(), status);
    // Nothing of the route table is served by it, and nothing listens for it.
    auto routes = run({CV_API_BINARY, "routes", "--json"});
    auto table = cv::json::parse(routes.output);
    BOOST_REQUIRE(table.has_value());
    for (const auto& lane : (*table)["lanes"]) {
        if (lane["name"].asString() == "jobs") BOOST_TEST(!lane["listens"].asBool());
    }
    BOOST_TEST(read_file(stack().dir() + "/nginx/snippets-cineverse/upstreams.conf")
                   .find("cineverse_api_jobs") == std::string::npos);
    // The command line's status shows the lane and the queue.
    auto table_status = run({CV_API_BINARY, "status"}, admin_environment());
    BOOST_TEST(table_status.output.find("jobs") != std::string::npos, table_status.output);
    BOOST_TEST(table_status.output.find("JOB KIND") != std::string::npos, table_status.output);
}

BOOST_AUTO_TEST_CASE(a_unique_kind_is_queued_once_however_often_it_is_enqueued) {
    ScopedPool no_jobs{{"CINEVERSE_JOBS_WORKERS", "0"}};  // nobody takes it meanwhile
    BOOST_TEST(stack().worker_pids("jobs").empty());
    std::atomic<int> failed{0};
    {
        std::vector<std::jthread> timers;
        for (int i = 0; i < 8; ++i) {
            timers.emplace_back([&] {
                if (jobs_command({"enqueue", "offers.refresh"}).exit_code != 0) ++failed;
            });
        }
    }
    BOOST_TEST(failed == 0);
    BOOST_TEST(stack().sql("SELECT count(*) FROM jobs WHERE unique_key = 'offers.refresh' AND "
                           "state IN ('queued', 'running', 'retrying')") == "1");
    auto again = jobs_command({"enqueue", "offers.refresh"});
    BOOST_TEST(again.exit_code == 0);
    BOOST_TEST(again.output.find("already queued or running") != std::string::npos, again.output);
    auto listed = jobs_command({"list", "queued"});
    BOOST_TEST(listed.output.find("offers.refresh") != std::string::npos, listed.output);
    // What the application does not run, or a payload that is not an object: refused.
    BOOST_TEST(jobs_command({"enqueue", "nothing.at.all"}).exit_code == 2);
    BOOST_TEST(jobs_command({"enqueue", "offers.refresh", "[1]"}).exit_code == 2);
    BOOST_TEST(jobs_command({"list", "sleeping"}).exit_code == 2);
    BOOST_TEST(jobs_command({"retry", "abc"}).exit_code == 2);
    // The queued job waits for a worker: one comes with the default pool, and takes it.
    long long id =
        std::stoll(stack().sql("SELECT id FROM jobs WHERE unique_key = "
                               "'offers.refresh' AND state = 'queued'"));
    no_jobs.restart();  // still none
    BOOST_TEST(job_field(id, "state") == "queued");
}

BOOST_AUTO_TEST_CASE(an_enqueued_job_wakes_an_idle_worker_at_once) {
    wait_until_idle();
    ScopedPool slow_poll{{"CINEVERSE_JOBS_POLL", "10m"}};  // LISTEN/NOTIFY or nothing
    BOOST_REQUIRE(wait_until([] { return stack().worker_pids("jobs").size() == 1; }, kPatience));
    LogWatch log;
    // The worker has listened since it started; let it reach its sleep.
    BOOST_REQUIRE(wait_until(
        [] {
            HttpClient client;
            auto status = client.get("/status").json();
            for (const auto& lane : status["lanes"]) {
                if (lane["name"].asString() == "jobs") return lane["idle"].asInt() == 1;
            }
            return false;
        },
        kPatience));
    long long id = enqueue_refresh();
    BOOST_TEST(reaches(id, "done", 15s));
    BOOST_TEST(log.count({"event=job_started", "job=" + std::to_string(id) + " "}) == 1u);
}

BOOST_AUTO_TEST_CASE(a_failing_job_is_retried_with_backoff_then_dead_with_its_last_error) {
    wait_until_idle();
    keep_films(900020, 6);  // enough titles for the run to give up on a failing TMDB
    ScopedTmdbMode failing{R"({"mode": "error500"})"};
    LogWatch log;
    // Two attempts, as a kind could ask (the offers refresh's default is five).
    long long id = std::stoll(
        stack().sql("WITH queued AS (INSERT INTO jobs (kind, unique_key, max_attempts) VALUES "
                    "('offers.refresh', 'offers.refresh', 2) RETURNING id), woken AS (SELECT "
                    "pg_notify('cineverse_jobs', 'offers.refresh')) SELECT id FROM queued, woken"));
    BOOST_REQUIRE(reaches(id, "retrying"));
    BOOST_TEST(job_field(id, "attempts") == "1");
    // Retried after the backoff of its first attempt (CINEVERSE_JOBS_BACKOFF=1s).
    BOOST_TEST(job_field(id, "extract(epoch FROM run_at - started_at) >= 1") == "t");
    BOOST_TEST(job_field(id, "last_error").find("TMDB failed 5 times in a row") == 0u);
    BOOST_REQUIRE(reaches(id, "dead"));
    BOOST_TEST(job_field(id, "attempts") == "2");
    BOOST_TEST(job_field(id, "finished_at IS NOT NULL") == "t");
    BOOST_TEST(job_field(id, "last_error").find("HTTP 500") != std::string::npos);
    BOOST_TEST(log.count({"event=job_failed", "job=" + std::to_string(id) + " ", "retry_in_s=1"}) ==
               1u);
    BOOST_TEST(log.count({"event=job_dead", "job=" + std::to_string(id) + " "}) == 1u);
    // The operator sees it, and queues it again once TMDB is back.
    auto dead = jobs_command({"list", "dead"});
    BOOST_TEST(dead.output.find(std::to_string(id)) != std::string::npos, dead.output);
    BOOST_TEST(dead.output.find("HTTP 500") != std::string::npos, dead.output);
    stack().tmdb_reset();
    auto retried = jobs_command({"retry", std::to_string(id)});
    BOOST_TEST(retried.exit_code == 0, retried.output);
    BOOST_TEST(reaches(id, "done"));
    BOOST_TEST(job_field(id, "attempts") == "1");
    BOOST_TEST(jobs_command({"retry", std::to_string(id)}).exit_code == 3);  // not dead now
    // The status page keeps its last run.
    auto kind = status_kind("offers.refresh");
    BOOST_TEST(kind["last_finished"]["state"].asString() == "done", kind);
    BOOST_TEST(kind["last_finished"]["progress"]["ended"].asString() == "all checked", kind);
}

BOOST_AUTO_TEST_CASE(a_killed_workers_job_is_taken_again_and_resumes_where_it_stopped) {
    wait_until_idle();
    keep_films(900030, 24);
    // Slow enough to be killed halfway: 24 titles and more at 6 a second.
    ScopedPool pool{{"CINEVERSE_OFFERS_RATE", "6"}};
    BOOST_REQUIRE(wait_until([] { return stack().worker_pids("jobs").size() == 1; }, kPatience));
    LogWatch log;
    long long id = enqueue_refresh();
    BOOST_REQUIRE(wait_until(
        [&] { return job_field(id, "COALESCE((progress->>'checked')::int, 0) >= 4") == "t"; },
        kPatience));
    std::string run_started = job_field(id, "progress->>'run_started'");
    auto killed = stack().worker_pids("jobs");
    BOOST_REQUIRE(killed.size() == 1u);
    kill(killed.front(), SIGKILL);
    BOOST_REQUIRE(
        log.wait_for({"event=worker_died", "worker=" + std::to_string(killed.front()) + " "}));
    // Its lease runs out (4 s), another worker takes it again, and the run goes on.
    BOOST_REQUIRE(log.wait_for({"event=jobs_rescued"}));
    BOOST_REQUIRE(reaches(id, "done", 60s));
    BOOST_TEST(job_field(id, "attempts") == "2");
    BOOST_TEST(log.count({"event=offers_refresh_resumed"}) == 1u);
    BOOST_TEST(job_field(id, "progress->>'run_started'") == run_started);
    BOOST_TEST(job_field(id, "progress->>'ended'") == "all checked");
    // Every title checked in that one run, each once: no title was asked before the run's
    // start, and the resumed run did not start again from the first.
    BOOST_TEST(stack().sql("SELECT count(*) FROM title_offers WHERE checked_at IS NULL OR "
                           "checked_at < '" +
                           run_started + "'") == "0");
    long calls = std::stol(job_field(id, "(progress->>'calls')::int"));
    long due = std::stol(job_field(id, "(progress->>'titles_due')::int"));
    // At most the calls the killed worker made after its last saved progress are made again.
    BOOST_TEST(calls <= due + 2, calls << " calls for " << due << " titles");
}

BOOST_AUTO_TEST_CASE(a_reload_puts_the_running_job_down_and_the_new_workers_resume_it) {
    wait_until_idle();
    keep_films(900060, 12);
    ScopedPool pool{{"CINEVERSE_OFFERS_RATE", "6"}};
    LogWatch log;
    long long id = enqueue_refresh();
    BOOST_REQUIRE(wait_until(
        [&] { return job_field(id, "COALESCE((progress->>'checked')::int, 0) >= 2") == "t"; },
        kPatience));
    kill(pool.master_pid(), SIGHUP);
    BOOST_REQUIRE(log.wait_for({"event=job_interrupted", "job=" + std::to_string(id) + " "}));
    BOOST_REQUIRE(reaches(id, "done", 60s));
    // Put down by a stop is no failed attempt.
    BOOST_TEST(job_field(id, "attempts") == "1");
    BOOST_TEST(log.count({"event=offers_refresh_resumed"}) == 1u);
}

BOOST_AUTO_TEST_CASE(the_queue_is_on_the_status_page_and_in_the_metrics) {
    wait_until_idle();
    long long id = enqueue_refresh();
    BOOST_REQUIRE(reaches(id, "done"));
    auto kind = status_kind("offers.refresh");
    BOOST_TEST(kind["done"].asInt() >= 1, kind);
    BOOST_TEST(kind["queued"].asInt() == 0, kind);
    BOOST_TEST(kind["running"].asInt() == 0, kind);
    BOOST_TEST(kind["latest"]["id"].asInt64() == id, kind);
    for (const char* field : {"checked", "calls", "changes", "titles_due", "started_at"})
        BOOST_TEST(kind["latest"]["progress"].isMember(field), field << " in " << kind);
    HttpClient client;
    std::string metrics;
    // The gauges are published by the jobs worker every 5 s.
    BOOST_TEST(wait_until(
        [&] {
            metrics = client.get("/metrics").body;
            return metric(metrics, "cineverse_jobs{kind=\"offers.refresh\",state=\"queued\"}") ==
                       0 &&
                   metric(metrics, "cineverse_offers_titles") > 0;
        },
        15s));
    for (const char* series :
         {"cineverse_jobs{kind=\"offers.refresh\",state=\"running\"}",
          "cineverse_jobs{kind=\"offers.refresh\",state=\"dead\"}",
          "cineverse_jobs_waiting_seconds{kind=\"offers.refresh\"}",
          "cineverse_jobs_finished_total{kind=\"offers.refresh\",outcome=\"done\"}",
          "cineverse_offers_titles_due", "cineverse_offers_last_run_end_timestamp_seconds",
          "cineverse_offers_tmdb_calls_total", "cineverse_offers_titles_checked_total"})
        BOOST_TEST(metric(metrics, series) >= 0, series);
}

BOOST_AUTO_TEST_CASE(the_jobs_lane_purges_finished_jobs_and_old_news_and_keeps_the_rest) {
    // A finished job past CINEVERSE_JOBS_KEEP (7 days) and one within it; a change to a
    // title's offers past CINEVERSE_NEWS_KEEP (90 days) and one within it. The test pool
    // purges every second (CINEVERSE_PURGE_INTERVAL).
    auto job = [](const char* finished) {
        return stack().sql(
            "INSERT INTO jobs (kind, state, finished_at) VALUES "
            "('offers.refresh', 'done', now() - interval '" +
            std::string(finished) + "') RETURNING id");
    };
    std::string old_job = job("8 days"), recent_job = job("6 days");
    auto change = [](const char* at) {
        return stack().sql(
            "INSERT INTO offer_changes (media_type, tmdb_id, kind, title, at) "
            "VALUES ('movie', 900001, 'to_rent', 'Purge', now() - interval '" +
            std::string(at) + "') RETURNING id");
    };
    std::string old_change = change("91 days"), recent_change = change("89 days");
    BOOST_TEST(wait_until(
        [&] {
            return stack().sql("SELECT count(*) FROM jobs WHERE id = " + old_job) == "0" &&
                   stack().sql("SELECT count(*) FROM offer_changes WHERE id = " + old_change) ==
                       "0";
        },
        std::chrono::seconds(10)));
    BOOST_TEST(stack().sql("SELECT count(*) FROM jobs WHERE id = " + recent_job) == "1");
    BOOST_TEST(stack().sql("SELECT count(*) FROM offer_changes WHERE id = " + recent_change) ==
               "1");
    stack().sql("DELETE FROM jobs WHERE id = " + recent_job);
    stack().sql("DELETE FROM offer_changes WHERE id = " + recent_change);
}

BOOST_AUTO_TEST_SUITE_END()
