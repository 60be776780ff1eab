#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "core/metrics.hpp"
#include "core/timings.hpp"

using cv::SharedMetrics;

namespace cv {
// Leaves the slot a series hashes to half-claimed, as a process SIGKILLed between claiming
// it and writing its name would.
class MetricsTestProbe {
  public:
    static void abandon_claim(SharedMetrics& metrics, std::string_view series) {
        std::string full = metrics.prefix_ + std::string(series);
        std::size_t slot = std::hash<std::string_view>{}(full) % SharedMetrics::kSlots;
        metrics.region_->slots[slot].state.store(SharedMetrics::claiming);
    }
};
}  // namespace cv

namespace {
// Whether `child` exits within `patience`; kills it otherwise.
bool exits_in_time(pid_t child, std::chrono::milliseconds patience) {
    auto deadline = std::chrono::steady_clock::now() + patience;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(child, &status, WNOHANG) == child) return WIFEXITED(status);
        usleep(10000);
    }
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(shared_metrics)

BOOST_AUTO_TEST_CASE(counters_render_as_prometheus_text) {
    SharedMetrics metrics("cineverse_");
    metrics.add("widgets_total{kind=\"a\"}");
    metrics.add("widgets_total{kind=\"a\"}", 2);
    metrics.add("widgets_total{kind=\"b\"}");
    auto text = metrics.render();
    BOOST_TEST(text.find("# TYPE cineverse_widgets_total counter\n") != std::string::npos);
    BOOST_TEST(text.find("cineverse_widgets_total{kind=\"a\"} 3\n") != std::string::npos);
    BOOST_TEST(text.find("cineverse_widgets_total{kind=\"b\"} 1\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(request_histogram) {
    SharedMetrics metrics("cineverse_");
    metrics.observe_request("/healthz", 200, 0.003);
    metrics.observe_request("/healthz", 200, 2.0);
    auto text = metrics.render();
    BOOST_TEST(text.find("cineverse_requests_total{route=\"/healthz\",status=\"200\"} 2\n") !=
                   std::string::npos,
               text);
    BOOST_TEST(text.find("# TYPE cineverse_request_duration_seconds histogram\n") !=
               std::string::npos);
    BOOST_TEST(text.find("cineverse_request_duration_seconds_bucket{le=\"0.005\"} 1\n") !=
                   std::string::npos,
               text);
    BOOST_TEST(text.find("cineverse_request_duration_seconds_bucket{le=\"+Inf\"} 2\n") !=
               std::string::npos);
    BOOST_TEST(text.find("cineverse_request_duration_seconds_count 2\n") != std::string::npos);
    BOOST_TEST(text.find("cineverse_request_duration_seconds_sum 2.003000\n") != std::string::npos,
               text);
    // Cumulative: the 3 ms request is under every bound from 5 ms, the 2 s one from 2.5 s.
    BOOST_TEST(text.find("cineverse_request_duration_seconds_bucket{le=\"0.0025\"} 0\n") !=
               std::string::npos);
    BOOST_TEST(text.find("cineverse_request_duration_seconds_bucket{le=\"1\"} 1\n") !=
               std::string::npos);
    BOOST_TEST(text.find("cineverse_request_duration_seconds_bucket{le=\"2.5\"} 2\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(counts_from_forked_processes_add_up) {
    SharedMetrics metrics("cineverse_");
    pid_t child = fork();
    if (child == 0) {
        for (int i = 0; i < 1000; ++i) metrics.add("shared_total");
        _exit(0);
    }
    for (int i = 0; i < 1000; ++i) metrics.add("shared_total");
    int status = 0;
    waitpid(child, &status, 0);
    BOOST_TEST(metrics.render().find("cineverse_shared_total 2000\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(labels_are_escaped_and_oversized_series_dropped) {
    BOOST_TEST(cv::label_value("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
    SharedMetrics metrics("cineverse_");
    metrics.add(std::string(SharedMetrics::kNameBytes, 'x'));
    BOOST_TEST(metrics.render().find("xxxx") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_slot_left_half_claimed_delays_nobody_for_long) {
    SharedMetrics metrics("cineverse_");
    cv::MetricsTestProbe::abandon_claim(metrics, "stuck_total");
    // In a child, so that the spin this guards against would be caught, not hang the suite.
    pid_t child = fork();
    if (child == 0) {
        metrics.add("stuck_total");
        _exit(0);
    }
    BOOST_TEST(exits_in_time(child, std::chrono::seconds(10)));
    metrics.add("stuck_total", 2);
    BOOST_TEST(metrics.render().find("cineverse_stuck_total 3\n") != std::string::npos,
               metrics.render());
}

BOOST_AUTO_TEST_CASE(gauges_are_set_not_added) {
    SharedMetrics metrics("app_");
    metrics.set("busy_workers{lane=\"main\"}", 3);
    metrics.set("busy_workers{lane=\"main\"}", 1);
    auto text = metrics.render();
    BOOST_TEST(text.find("# TYPE app_busy_workers gauge\n") != std::string::npos, text);
    BOOST_TEST(text.find("app_busy_workers{lane=\"main\"} 1\n") != std::string::npos, text);
    BOOST_TEST(text.find("# TYPE app_request_duration_seconds histogram\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(timings)

BOOST_AUTO_TEST_CASE(each_moment_counts_for_one_part_only) {
    cv::Timings timings;
    auto started = std::chrono::steady_clock::now();
    {
        cv::Timed database(&timings, cv::Timings::Part::database);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        {
            // A TMDB call inside a transaction: the upstream's time, not the database's.
            cv::Timed upstream(&timings, cv::Timings::Part::upstream);
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
        }
    }
    auto elapsed = std::chrono::steady_clock::now() - started;
    auto ms = [&](cv::Timings::Part part) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(timings.of(part)).count();
    };
    BOOST_TEST(ms(cv::Timings::Part::upstream) >= 60);
    BOOST_TEST(ms(cv::Timings::Part::database) >= 20);
    // Counted once: the parts add up to no more than the time that passed.
    BOOST_TEST((timings.of(cv::Timings::Part::database) + timings.of(cv::Timings::Part::upstream) <=
                elapsed));
    BOOST_TEST(ms(cv::Timings::Part::hashing) == 0);
    timings.reset();
    BOOST_TEST(ms(cv::Timings::Part::upstream) == 0);
    cv::Timed nowhere(nullptr, cv::Timings::Part::hashing);  // no timings: nothing counted
}

BOOST_AUTO_TEST_SUITE_END()
