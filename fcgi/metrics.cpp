#include "fcgi/metrics.hpp"

#include <sys/mman.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <new>

namespace cv::fcgi {
namespace {

constexpr double kBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                              0.25,  0.5,    1,     2.5,  5,     10};
constexpr const char* kBoundLabels[] = {"0.001", "0.0025", "0.005", "0.01", "0.025",
                                        "0.05",  "0.1",    "0.25",  "0.5",  "1",
                                        "2.5",   "5",      "10",    "+Inf"};
static_assert(std::size(kBoundLabels) == std::size(kBounds) + 1);

}  // namespace

std::string label_value(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

SharedMetrics::SharedMetrics() {
    static_assert(std::size(kBoundLabels) == kBuckets);
    void* region =
        mmap(nullptr, sizeof(Region), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) throw std::bad_alloc();
    region_ = static_cast<Region*>(region);  // zero-filled by the kernel: every slot empty
}

SharedMetrics::~SharedMetrics() {
    munmap(region_, sizeof(Region));
}

void SharedMetrics::add(std::string_view series, std::uint64_t amount) {
    if (series.size() >= kNameBytes) return;
    // Open addressing on the name's hash; a slot is claimed once and never freed, so a
    // reader either sees it ready with its full name or skips it.
    std::size_t start = std::hash<std::string_view>{}(series) % kSlots;
    for (std::size_t probe = 0; probe < kSlots; ++probe) {
        Slot& slot = region_->slots[(start + probe) % kSlots];
        std::uint32_t state = slot.state.load(std::memory_order_acquire);
        if (state == 0) {
            std::uint32_t expected = 0;
            if (slot.state.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
                std::memcpy(slot.name, series.data(), series.size());
                slot.name[series.size()] = '\0';
                slot.value.fetch_add(amount, std::memory_order_relaxed);
                slot.state.store(2, std::memory_order_release);
                return;
            }
            state = slot.state.load(std::memory_order_acquire);
        }
        while (state == 1)
            state = slot.state.load(std::memory_order_acquire);  // a few instructions away
        if (series == std::string_view(slot.name)) {
            slot.value.fetch_add(amount, std::memory_order_relaxed);
            return;
        }
    }
}

void SharedMetrics::observe_request(std::string_view route, int status, double seconds) {
    std::string labels =
        "route=\"" + label_value(route) + "\",status=\"" + std::to_string(status) + "\"";
    add("cineverse_requests_total{" + labels + "}");
    std::size_t bucket = 0;
    while (bucket < std::size(kBounds) && seconds > kBounds[bucket]) ++bucket;
    region_->latency.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    region_->latency.sum_microseconds.fetch_add(static_cast<std::uint64_t>(seconds * 1e6),
                                                std::memory_order_relaxed);
}

std::string SharedMetrics::render() const {
    // Sorted by series so each metric's lines are together under one TYPE line.
    std::map<std::string, std::uint64_t> series;
    for (const Slot& slot : region_->slots) {
        if (slot.state.load(std::memory_order_acquire) == 2) {
            series[slot.name] = slot.value.load(std::memory_order_relaxed);
        }
    }
    std::string out;
    std::string current;
    for (const auto& [name, value] : series) {
        std::string metric = name.substr(0, name.find('{'));
        if (metric != current) {
            current = metric;
            out += "# TYPE " + metric + " counter\n";
        }
        out += name + " " + std::to_string(value) + "\n";
    }
    out += "# TYPE cineverse_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t bucket = 0; bucket < kBuckets; ++bucket) {
        cumulative += region_->latency.buckets[bucket].load(std::memory_order_relaxed);
        out += std::string("cineverse_request_duration_seconds_bucket{le=\"") +
               kBoundLabels[bucket] + "\"} " + std::to_string(cumulative) + "\n";
    }
    char sum[64];
    std::snprintf(
        sum, sizeof sum, "%.6f",
        static_cast<double>(region_->latency.sum_microseconds.load(std::memory_order_relaxed)) /
            1e6);
    out += "cineverse_request_duration_seconds_sum " + std::string(sum) + "\n";
    out += "cineverse_request_duration_seconds_count " + std::to_string(cumulative) + "\n";
    return out;
}

}  // namespace cv::fcgi
