#pragma once
// Counters shared by the master and every worker: one anonymous shared mapping made before
// the first fork, so /metrics answers for the whole pool whichever worker serves it.
// Series are named by their Prometheus text without the application's prefix
// (`requests_total{route="/healthz"}`); the prefix is given once, by the application.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cv {

// What the layers that count things see.
class Metrics {
  public:
    virtual ~Metrics() = default;
    // Adds to a counter, creating it on first use.
    virtual void add(std::string_view series, std::uint64_t amount = 1) = 0;
};

class SharedMetrics final : public Metrics {
  public:
    static constexpr std::size_t kSlots = 2048;
    static constexpr std::size_t kNameBytes = 160;

    // Maps the shared region; throws std::bad_alloc when it cannot.
    explicit SharedMetrics(std::string prefix);
    ~SharedMetrics() override;
    SharedMetrics(const SharedMetrics&) = delete;
    SharedMetrics& operator=(const SharedMetrics&) = delete;

    // Series beyond capacity are dropped.
    void add(std::string_view series, std::uint64_t amount = 1) override;
    // Sets a gauge (a series whose value is replaced, not added to).
    void set(std::string_view series, std::uint64_t value);
    // Records a request duration into the pool-wide latency histogram.
    void observe_request(std::string_view route, int status, double seconds);
    // Prometheus text exposition format (version 0.0.4).
    std::string render() const;

  private:
    friend class MetricsTestProbe;  // leaves a slot half-claimed, as a killed process would

    enum SlotState : std::uint32_t { empty = 0, claiming = 1, ready = 2 };
    struct Slot {
        std::atomic<std::uint32_t> state;
        std::atomic<std::uint32_t> gauge;  // 1: rendered as a gauge
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

    // The slot holding `full_name`, claimed on first use; nullptr when the table is full.
    Slot* find_or_claim(std::string_view full_name);

    std::string prefix_;
    Region* region_;
};

// `value` escaped for a Prometheus label.
std::string label_value(std::string_view value);

}  // namespace cv
