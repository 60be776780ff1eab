#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "fcgi/metrics.hpp"

using cv::fcgi::SharedMetrics;

BOOST_AUTO_TEST_SUITE(shared_metrics)

BOOST_AUTO_TEST_CASE(counters_render_as_prometheus_text) {
    SharedMetrics metrics;
    metrics.add("cineverse_widgets_total{kind=\"a\"}");
    metrics.add("cineverse_widgets_total{kind=\"a\"}", 2);
    metrics.add("cineverse_widgets_total{kind=\"b\"}");
    auto text = metrics.render();
    BOOST_TEST(text.find("# TYPE cineverse_widgets_total counter\n") != std::string::npos);
    BOOST_TEST(text.find("cineverse_widgets_total{kind=\"a\"} 3\n") != std::string::npos);
    BOOST_TEST(text.find("cineverse_widgets_total{kind=\"b\"} 1\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(request_histogram) {
    SharedMetrics metrics;
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
    SharedMetrics metrics;
    pid_t child = fork();
    if (child == 0) {
        for (int i = 0; i < 1000; ++i) metrics.add("cineverse_shared_total");
        _exit(0);
    }
    for (int i = 0; i < 1000; ++i) metrics.add("cineverse_shared_total");
    int status = 0;
    waitpid(child, &status, 0);
    BOOST_TEST(metrics.render().find("cineverse_shared_total 2000\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(labels_are_escaped_and_oversized_series_dropped) {
    BOOST_TEST(cv::fcgi::label_value("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
    SharedMetrics metrics;
    metrics.add(std::string(SharedMetrics::kNameBytes, 'x'));
    BOOST_TEST(metrics.render().find("xxxx") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
