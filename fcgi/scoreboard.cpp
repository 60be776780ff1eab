#include "fcgi/scoreboard.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace cv::fcgi {
namespace {

std::int64_t to_ns(Scoreboard::Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

void copy_text(char* out, std::size_t size, std::string_view text) {
    std::size_t n = std::min(text.size(), size - 1);
    std::memcpy(out, text.data(), n);
    out[n] = '\0';
}

}  // namespace

Scoreboard::Scoreboard() {
    void* region = mmap(nullptr, sizeof(Slot) * kSlots, PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) throw std::bad_alloc();
    slots_ = static_cast<Slot*>(region);  // zero-filled: every slot free
}

Scoreboard::~Scoreboard() {
    munmap(slots_, sizeof(Slot) * kSlots);
}

std::optional<std::size_t> Scoreboard::claim(std::size_t lane, unsigned generation) {
    // Only the master claims and releases, so a plain scan is enough.
    for (std::size_t i = 0; i < kSlots; ++i) {
        Slot& slot = slots_[i];
        if (slot.used.load(std::memory_order_relaxed) != 0) continue;
        slot.pid.store(0, std::memory_order_relaxed);
        slot.lane.store(static_cast<std::uint32_t>(lane), std::memory_order_relaxed);
        slot.generation.store(generation, std::memory_order_relaxed);
        slot.requests.store(0, std::memory_order_relaxed);
        slot.accepting.store(0, std::memory_order_relaxed);
        slot.busy_since_ns.store(0, std::memory_order_relaxed);
        write_text(slot, "", "", true);
        slot.used.store(1, std::memory_order_release);
        return i;
    }
    return std::nullopt;
}

void Scoreboard::assign(std::size_t slot, pid_t pid) {
    slots_[slot].pid.store(pid, std::memory_order_release);
}

void Scoreboard::release(std::size_t slot) {
    slots_[slot].used.store(0, std::memory_order_release);
}

Scoreboard::Worker Scoreboard::read(std::size_t index) const {
    const Slot& slot = slots_[index];
    Worker worker;
    worker.pid = slot.pid.load(std::memory_order_acquire);
    worker.lane = slot.lane.load(std::memory_order_relaxed);
    worker.generation = slot.generation.load(std::memory_order_relaxed);
    worker.requests = slot.requests.load(std::memory_order_relaxed);
    worker.accepting = slot.accepting.load(std::memory_order_acquire) != 0;
    auto since = slot.busy_since_ns.load(std::memory_order_acquire);
    if (since != 0) worker.busy_since = Clock::time_point(std::chrono::nanoseconds(since));
    // A torn read of the strings is retried a few times, then given up: they are for the log.
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto before = slot.sequence.load(std::memory_order_acquire);
        if (before % 2 != 0) continue;
        char route[kTextBytes];
        char request_id[sizeof slot.request_id];
        std::memcpy(route, slot.route, sizeof route);
        std::memcpy(request_id, slot.request_id, sizeof request_id);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (slot.sequence.load(std::memory_order_relaxed) != before) continue;
        route[kTextBytes - 1] = '\0';
        request_id[sizeof request_id - 1] = '\0';
        worker.route = route;
        worker.request_id = request_id;
        break;
    }
    return worker;
}

void Scoreboard::write_text(Slot& slot, std::string_view route, std::string_view request_id,
                            bool both) {
    slot.sequence.fetch_add(1, std::memory_order_acq_rel);
    std::atomic_thread_fence(std::memory_order_release);
    copy_text(slot.route, sizeof slot.route, route);
    if (both) copy_text(slot.request_id, sizeof slot.request_id, request_id);
    slot.sequence.fetch_add(1, std::memory_order_release);
}

void Scoreboard::mark_accepting(std::size_t index) {
    slots_[index].accepting.store(1, std::memory_order_release);
}

void Scoreboard::begin_request(std::size_t index, std::string_view request_id,
                               std::string_view path) {
    Slot& slot = slots_[index];
    write_text(slot, path, request_id, true);
    slot.busy_since_ns.store(to_ns(Clock::now()), std::memory_order_release);
}

void Scoreboard::set_route(std::size_t index, std::string_view route) {
    write_text(slots_[index], route, {}, false);
}

void Scoreboard::end_request(std::size_t index) {
    Slot& slot = slots_[index];
    slot.busy_since_ns.store(0, std::memory_order_release);
    slot.requests.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace cv::fcgi
