#include "core/metrics.hpp"

#include <sched.h>
#include <sys/mman.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <new>

namespace cv {
namespace {

constexpr double kBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                              0.25,  0.5,    1,     2.5,  5,     10};
constexpr const char* kBoundLabels[] = {"0.001", "0.0025", "0.005", "0.01", "0.025",
                                        "0.05",  "0.1",    "0.25",  "0.5",  "1",
                                        "2.5",   "5",      "10",    "+Inf"};
static_assert(std::size(kBoundLabels) == std::size(kBounds) + 1);

// A claim is a name copy away from done, but its process may be preempted in between, or
// killed (workers are SIGKILLed by operators, the chaos run and the watchdog). Past this,
// the slot is treated as lost: the series goes on to the next free slot. Two slots may
// then hold one name; render() adds them up.
constexpr auto kClaimPatience = std::chrono::milliseconds(20);

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

SharedMetrics::SharedMetrics(std::string prefix) : prefix_(std::move(prefix)) {
    static_assert(std::size(kBoundLabels) == kBuckets);
    void* region =
        mmap(nullptr, sizeof(Region), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) throw std::bad_alloc();
    region_ = static_cast<Region*>(region);  // zero-filled by the kernel: every slot empty
}

SharedMetrics::~SharedMetrics() {
    munmap(region_, sizeof(Region));
}

SharedMetrics::Slot* SharedMetrics::find_or_claim(std::string_view full_name) {
    // Open addressing on the name's hash; a slot is claimed once and never freed, so a
    // reader either sees it ready with its full name or skips it.
    std::size_t start = std::hash<std::string_view>{}(full_name) % kSlots;
    for (std::size_t probe = 0; probe < kSlots; ++probe) {
        Slot& slot = region_->slots[(start + probe) % kSlots];
        std::uint32_t state = slot.state.load(std::memory_order_acquire);
        if (state == empty) {
            std::uint32_t expected = empty;
            if (slot.state.compare_exchange_strong(expected, claiming, std::memory_order_acq_rel)) {
                std::memcpy(slot.name, full_name.data(), full_name.size());
                slot.name[full_name.size()] = '\0';
                slot.state.store(ready, std::memory_order_release);
                return &slot;
            }
            state = expected;
        }
        if (state == claiming) {
            auto give_up = std::chrono::steady_clock::now() + kClaimPatience;
            while (state == claiming && std::chrono::steady_clock::now() < give_up) {
                sched_yield();
                state = slot.state.load(std::memory_order_acquire);
            }
            if (state != ready) continue;  // abandoned: try the next slot
        }
        if (full_name == std::string_view(slot.name)) return &slot;
    }
    return nullptr;
}

void SharedMetrics::add(std::string_view series, std::uint64_t amount) {
    if (prefix_.size() + series.size() >= kNameBytes) return;
    char name[kNameBytes];
    std::memcpy(name, prefix_.data(), prefix_.size());
    std::memcpy(name + prefix_.size(), series.data(), series.size());
    if (Slot* slot = find_or_claim({name, prefix_.size() + series.size()}))
        slot->value.fetch_add(amount, std::memory_order_relaxed);
}

void SharedMetrics::set(std::string_view series, std::uint64_t value) {
    if (prefix_.size() + series.size() >= kNameBytes) return;
    char name[kNameBytes];
    std::memcpy(name, prefix_.data(), prefix_.size());
    std::memcpy(name + prefix_.size(), series.data(), series.size());
    if (Slot* slot = find_or_claim({name, prefix_.size() + series.size()})) {
        slot->gauge.store(1, std::memory_order_relaxed);
        slot->value.store(value, std::memory_order_relaxed);
    }
}

void SharedMetrics::observe_request(std::string_view route, int status, double seconds) {
    std::string labels =
        "route=\"" + label_value(route) + "\",status=\"" + std::to_string(status) + "\"";
    add("requests_total{" + labels + "}");
    std::size_t bucket = 0;
    while (bucket < std::size(kBounds) && seconds > kBounds[bucket]) ++bucket;
    region_->latency.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    region_->latency.sum_microseconds.fetch_add(static_cast<std::uint64_t>(seconds * 1e6),
                                                std::memory_order_relaxed);
}

std::string SharedMetrics::render() const {
    // Sorted by series so each metric's lines are together under one TYPE line; a series
    // that ended up in two slots (see kClaimPatience) is one line.
    struct Series {
        std::uint64_t value = 0;
        bool gauge = false;
    };
    std::map<std::string, Series> series;
    for (const Slot& slot : region_->slots) {
        if (slot.state.load(std::memory_order_acquire) != ready) continue;
        Series& entry = series[slot.name];
        entry.gauge = slot.gauge.load(std::memory_order_relaxed) != 0;
        entry.value += slot.value.load(std::memory_order_relaxed);
    }
    std::string out;
    std::string current;
    for (const auto& [name, entry] : series) {
        std::string metric = name.substr(0, name.find('{'));
        if (metric != current) {
            current = metric;
            out += "# TYPE " + metric + (entry.gauge ? " gauge\n" : " counter\n");
        }
        out += name + " " + std::to_string(entry.value) + "\n";
    }
    const std::string histogram = prefix_ + "request_duration_seconds";
    out += "# TYPE " + histogram + " histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t bucket = 0; bucket < kBuckets; ++bucket) {
        cumulative += region_->latency.buckets[bucket].load(std::memory_order_relaxed);
        out += histogram + "_bucket{le=\"" + kBoundLabels[bucket] + "\"} " +
               std::to_string(cumulative) + "\n";
    }
    char sum[64];
    std::snprintf(
        sum, sizeof sum, "%.6f",
        static_cast<double>(region_->latency.sum_microseconds.load(std::memory_order_relaxed)) /
            1e6);
    out += histogram + "_sum " + sum + "\n";
    out += histogram + "_count " + std::to_string(cumulative) + "\n";
    return out;
}

}  // namespace cv
