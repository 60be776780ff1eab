#pragma once
// Counters shared by the master and every worker: one anonymous shared mapping made before
// the first fork, so /metrics answers for the whole pool whichever worker serves it.
// Series are named by their full Prometheus text (`name{label="value"}`).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cv::fcgi {

class SharedMetrics {
  public:
    static constexpr std::size_t kSlots = 2048;
    static constexpr std::size_t kNameBytes = 160;

    SharedMetrics();  // maps the shared region; throws std::bad_alloc when it cannot
    ~SharedMetrics();
    SharedMetrics(const SharedMetrics&) = delete;
    SharedMetrics& operator=(const SharedMetrics&) = delete;

    // Adds to a counter, creating it on first use. Series beyond capacity are dropped.
    void add(std::string_view series, std::uint64_t amount = 1);
    // Records a request duration into the pool-wide latency histogram.
    void observe_request(std::string_view route, int status, double seconds);
    // Prometheus text exposition format (version 0.0.4).
    std::string render() const;

  private:
    struct Slot {
        std::atomic<std::uint32_t> state;  // 0 empty, 1 being claimed, 2 ready
        std::atomic<std::uint64_t> value;
        char name[kNameBytes];
    };
    static constexpr std::size_t kBuckets = 14;  // 13 bounds and +Inf
    // The latency histogram has fixed series: one counter a bucket (not cumulative; render()
    // adds them up), so observing a request is two atomic adds, not fourteen name lookups.
    struct Histogram {
        std::atomic<std::uint64_t> buckets[kBuckets];
        std::atomic<std::uint64_t> sum_microseconds;
    };
    struct Region {
        Histogram latency;
        Slot slots[kSlots];
    };
    Region* region_;
};

// `value` escaped for a Prometheus label.
std::string label_value(std::string_view value);

}  // namespace cv::fcgi
