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

namespace cv::fcgi {

class Scoreboard {
  public:
    using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC: one clock for every process
    static constexpr std::size_t kSlots = 1024;

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

    // The master: a free slot for a worker about to be forked, and back when it is reaped.
    std::optional<std::size_t> claim(std::size_t lane, unsigned generation);
    void assign(std::size_t slot, pid_t pid);
    void release(std::size_t slot);
    Worker read(std::size_t slot) const;

    // The worker, in its own slot.
    void mark_accepting(std::size_t slot);
    void begin_request(std::size_t slot, std::string_view request_id, std::string_view path);
    void set_route(std::size_t slot, std::string_view route);
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
    void write_text(Slot& slot, std::string_view route, std::string_view request_id, bool both);

    Slot* slots_;
};

}  // namespace cv::fcgi
