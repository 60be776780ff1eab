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
    void* region =
        mmap(nullptr, sizeof(Region), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) throw std::bad_alloc();
    region_ = static_cast<Region*>(region);  // zero-filled: every slot free
    slots_ = region_->slots;
}

Scoreboard::~Scoreboard() {
    munmap(region_, sizeof(Region));
}

void Scoreboard::start(Clock::time_point at, std::chrono::system_clock::time_point wall_clock) {
    region_->header.started_ns.store(to_ns(at), std::memory_order_relaxed);
    region_->header.started_unix_ns.store(
        std::chrono::duration_cast<std::chrono::nanoseconds>(wall_clock.time_since_epoch()).count(),
        std::memory_order_relaxed);
}

void Scoreboard::describe_lane(std::size_t index, std::string_view name, unsigned workers) {
    if (index >= kLanes) return;
    Lane& lane = region_->header.lane[index];
    copy_text(lane.name, sizeof lane.name, name);
    lane.workers.store(workers, std::memory_order_relaxed);
    auto count = static_cast<std::uint32_t>(index + 1);
    if (region_->header.lanes.load(std::memory_order_relaxed) < count)
        region_->header.lanes.store(count, std::memory_order_release);
}

void Scoreboard::count_restart(std::size_t lane) {
    if (lane < kLanes) region_->header.lane[lane].restarts.fetch_add(1, std::memory_order_relaxed);
}

void Scoreboard::count_kill(std::size_t lane) {
    if (lane < kLanes) region_->header.lane[lane].killed.fetch_add(1, std::memory_order_relaxed);
}

std::size_t Scoreboard::lane_count() const {
    return region_->header.lanes.load(std::memory_order_acquire);
}

Scoreboard::LaneStats Scoreboard::lane(std::size_t index) const {
    const Lane& lane = region_->header.lane[index];
    LaneStats stats;
    stats.name = std::string(lane.name, strnlen(lane.name, sizeof lane.name));
    stats.workers = lane.workers.load(std::memory_order_relaxed);
    stats.busy = lane.busy.load(std::memory_order_relaxed);
    stats.max_busy = lane.max_busy.load(std::memory_order_relaxed);
    stats.accepted = lane.accepted.load(std::memory_order_relaxed);
    stats.all_busy = lane.all_busy.load(std::memory_order_relaxed);
    stats.restarts = lane.restarts.load(std::memory_order_relaxed);
    stats.killed = lane.killed.load(std::memory_order_relaxed);
    return stats;
}

Scoreboard::Clock::time_point Scoreboard::started() const {
    return Clock::time_point(
        std::chrono::nanoseconds(region_->header.started_ns.load(std::memory_order_relaxed)));
}

std::chrono::system_clock::time_point Scoreboard::started_wall_clock() const {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(
            region_->header.started_unix_ns.load(std::memory_order_relaxed))));
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

void Scoreboard::release(std::size_t index) {
    Slot& slot = slots_[index];
    // A worker that died in a request never ended it: its lane is one busy worker less.
    if (slot.busy_since_ns.exchange(0, std::memory_order_acq_rel) != 0) {
        auto lane = slot.lane.load(std::memory_order_relaxed);
        if (lane < kLanes) region_->header.lane[lane].busy.fetch_sub(1, std::memory_order_relaxed);
    }
    slot.used.store(0, std::memory_order_release);
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

std::vector<Scoreboard::Worker> Scoreboard::workers() const {
    std::vector<Worker> workers;
    for (std::size_t i = 0; i < kSlots; ++i) {
        if (slots_[i].used.load(std::memory_order_acquire) == 0) continue;
        Worker worker = read(i);
        if (worker.pid != 0) workers.push_back(std::move(worker));
    }
    return workers;
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
    auto index_of_lane = slot.lane.load(std::memory_order_relaxed);
    if (index_of_lane >= kLanes) return;
    Lane& lane = region_->header.lane[index_of_lane];
    lane.accepted.fetch_add(1, std::memory_order_relaxed);
    auto busy = lane.busy.fetch_add(1, std::memory_order_relaxed) + 1;
    auto most = lane.max_busy.load(std::memory_order_relaxed);
    while (busy > most && !lane.max_busy.compare_exchange_weak(most, busy)) {
    }
    // php-fpm's "max children reached": this request found no other worker of its lane free.
    if (busy >= lane.workers.load(std::memory_order_relaxed))
        lane.all_busy.fetch_add(1, std::memory_order_relaxed);
}

void Scoreboard::set_route(std::size_t index, std::string_view route) {
    write_text(slots_[index], route, {}, false);
}

void Scoreboard::still_busy(std::size_t index) {
    Slot& slot = slots_[index];
    auto since = slot.busy_since_ns.load(std::memory_order_relaxed);
    // Only while busy: an idle worker's 0 must stay 0 (end_request counts on it).
    if (since != 0)
        slot.busy_since_ns.compare_exchange_strong(since, to_ns(Clock::now()),
                                                   std::memory_order_release);
}

void Scoreboard::end_request(std::size_t index) {
    Slot& slot = slots_[index];
    slot.requests.fetch_add(1, std::memory_order_relaxed);
    if (slot.busy_since_ns.exchange(0, std::memory_order_acq_rel) == 0) return;
    auto lane = slot.lane.load(std::memory_order_relaxed);
    if (lane < kLanes) region_->header.lane[lane].busy.fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace cv::fcgi
