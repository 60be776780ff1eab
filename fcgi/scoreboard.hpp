#pragma once
// What every worker is doing, in a mapping the master shares with them (Apache's scoreboard,
// php-fpm's shared process slots): each worker publishes when its current request started,
// its route and request id; the master reads it to kill a worker stuck in one request past
// the terminate timeout, and to report the pool's state.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::fcgi {

class Scoreboard {
  public:
    using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC: one clock for every process
    static constexpr std::size_t kSlots = 1024;
    static constexpr std::size_t kLanes = 8;

    // Maps the shared region; throws std::bad_alloc when it cannot. Made before any fork.
    Scoreboard();
    ~Scoreboard();
    Scoreboard(const Scoreboard&) = delete;
    Scoreboard& operator=(const Scoreboard&) = delete;

    struct Worker {
        pid_t pid = 0;
        std::size_t lane = 0;
        unsigned generation = 0;
        bool accepting = false;                       // past its start, in its loop
        std::uint64_t requests = 0;                   // served since it started
        std::optional<Clock::time_point> busy_since;  // in a request since then
        std::string route;  // the request's route (its path until one matched)
        std::string request_id;
    };

    // A lane's counters since the pool started (php-fpm's pool status).
    struct LaneStats {
        std::string name;
        unsigned workers = 0;        // how many it should run
        unsigned busy = 0;           // in a request now
        unsigned max_busy = 0;       // the most at once
        std::uint64_t accepted = 0;  // requests begun
        std::uint64_t all_busy = 0;  // requests begun with every worker busy
        std::uint64_t restarts = 0;  // workers that died and were replaced
        std::uint64_t killed = 0;    // by the watchdog
    };

    // The master: the pool's start, and each lane's name and size (again after a reload).
    void start(Clock::time_point at, std::chrono::system_clock::time_point wall_clock);
    void describe_lane(std::size_t lane, std::string_view name, unsigned workers);
    void count_restart(std::size_t lane);
    void count_kill(std::size_t lane);
    std::size_t lane_count() const;
    LaneStats lane(std::size_t lane) const;
    Clock::time_point started() const;
    std::chrono::system_clock::time_point started_wall_clock() const;

    // The master: a free slot for a worker about to be forked, and back when it is reaped.
    std::optional<std::size_t> claim(std::size_t lane, unsigned generation);
    void assign(std::size_t slot, pid_t pid);
    void release(std::size_t slot);
    Worker read(std::size_t slot) const;
    // Every worker of the pool now (both generations during a reload).
    std::vector<Worker> workers() const;

    // The worker, in its own slot.
    void mark_accepting(std::size_t slot);
    void begin_request(std::size_t slot, std::string_view request_id, std::string_view path);
    void set_route(std::size_t slot, std::string_view route);
    // A worker busy with long work (a loop lane's) shows a sign of life: the terminate
    // timeout counts from here, not from when the work began.
    void still_busy(std::size_t slot);
    void end_request(std::size_t slot);

  private:
    static constexpr std::size_t kTextBytes = 96;
    struct Slot {
        std::atomic<std::uint32_t> used;
        std::atomic<pid_t> pid;
        std::atomic<std::uint32_t> lane;
        std::atomic<std::uint32_t> generation;
        std::atomic<std::uint32_t> accepting;
        std::atomic<std::uint64_t> requests;
        std::atomic<std::int64_t> busy_since_ns;  // 0: idle
        // A seqlock over the two strings: odd while the worker writes them.
        std::atomic<std::uint32_t> sequence;
        char route[kTextBytes];
        char request_id[40];
    };
    struct Lane {
        std::atomic<std::uint32_t> workers;
        std::atomic<std::uint32_t> busy;
        std::atomic<std::uint32_t> max_busy;
        std::atomic<std::uint64_t> accepted;
        std::atomic<std::uint64_t> all_busy;
        std::atomic<std::uint64_t> restarts;
        std::atomic<std::uint64_t> killed;
        char name[32];
    };
    struct Header {
        std::atomic<std::int64_t> started_ns;
        std::atomic<std::int64_t> started_unix_ns;
        std::atomic<std::uint32_t> lanes;
        Lane lane[kLanes];
    };
    struct Region {
        Header header;
        Slot slots[kSlots];
    };
    void write_text(Slot& slot, std::string_view route, std::string_view request_id, bool both);

    Region* region_;
    Slot* slots_;
};

}  // namespace cv::fcgi
