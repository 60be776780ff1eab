#include "fcgi/metrics.hpp"

#include <sys/mman.h>

#include <cstring>
#include <functional>
#include <map>
#include <new>

namespace cv::fcgi {
namespace {

constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                               0.25,  0.5,    1,     2.5,  5,     10};

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
    void* region = mmap(nullptr, sizeof(Slot) * kSlots, PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) throw std::bad_alloc();
    slots_ = static_cast<Slot*>(region);  // zero-filled by the kernel: every slot empty
}

SharedMetrics::~SharedMetrics() {
    munmap(slots_, sizeof(Slot) * kSlots);
}

void SharedMetrics::add(std::string_view series, std::uint64_t amount) {
    if (series.size() >= kNameBytes) return;
    // Open addressing on the name's hash; a slot is claimed once and never freed, so a
    // reader either sees it ready with its full name or skips it.
    std::size_t start = std::hash<std::string_view>{}(series) % kSlots;
    for (std::size_t probe = 0; probe < kSlots; ++probe) {
        Slot& slot = slots_[(start + probe) % kSlots];
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
    for (double bound : kBuckets) {
        if (seconds <= bound) {
            char le[32];
            std::snprintf(le, sizeof le, "%g", bound);
            add(std::string("cineverse_request_duration_seconds_bucket{le=\"") + le + "\"}");
        }
    }
    add("cineverse_request_duration_seconds_bucket{le=\"+Inf\"}");
    add("cineverse_request_duration_seconds_count");
    add("cineverse_request_duration_microseconds_sum", static_cast<std::uint64_t>(seconds * 1e6));
}

std::string SharedMetrics::render() const {
    // Sorted by series so each metric's lines are together under one TYPE line.
    std::map<std::string, std::uint64_t> series;
    for (std::size_t i = 0; i < kSlots; ++i) {
        if (slots_[i].state.load(std::memory_order_acquire) == 2) {
            series[slots_[i].name] = slots_[i].value.load(std::memory_order_relaxed);
        }
    }
    std::string out;
    std::string current;
    for (const auto& [name, value] : series) {
        std::string metric = name.substr(0, name.find('{'));
        bool histogram = metric.rfind("cineverse_request_duration_seconds", 0) == 0 ||
                         metric == "cineverse_request_duration_microseconds_sum";
        std::string family = histogram ? "cineverse_request_duration_seconds" : metric;
        if (family != current) {
            current = family;
            out += "# TYPE " + family + (histogram ? " histogram\n" : " counter\n");
        }
        if (metric == "cineverse_request_duration_microseconds_sum") {
            char sum[64];
            std::snprintf(sum, sizeof sum, "%.6f", static_cast<double>(value) / 1e6);
            out += "cineverse_request_duration_seconds_sum " + std::string(sum) + "\n";
        } else {
            out += name + " " + std::to_string(value) + "\n";
        }
    }
    return out;
}

}  // namespace cv::fcgi
