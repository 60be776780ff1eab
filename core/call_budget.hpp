#pragma once
// A budget of calls a second shared by every process forked after it is made (the pool's
// workers): one anonymous shared mapping holding the "generic cell rate algorithm" state,
// a single 64-bit time taken with compare-and-swap, so no lock is ever held across
// processes (a worker killed mid-call leaves nothing half-done).
#include <atomic>
#include <cstdint>

namespace cv {

class SharedCallBudget {
  public:
    // `per_second` calls on average, up to `burst` at once; per_second 0: no limit.
    // Throws std::bad_alloc when the mapping cannot be made.
    SharedCallBudget(double per_second, double burst);
    ~SharedCallBudget();
    SharedCallBudget(const SharedCallBudget&) = delete;
    SharedCallBudget& operator=(const SharedCallBudget&) = delete;

    // Takes one call from the budget; false when the budget is spent for now.
    bool try_take();

  private:
    std::int64_t interval_ns_;   // between two calls at the budget's pace; 0: no limit
    std::int64_t tolerance_ns_;  // how far ahead of the pace a burst may run
    // When the next call would be due at the budget's pace, in CLOCK_MONOTONIC nanoseconds
    // (the same clock in every process of the host).
    std::atomic<std::int64_t>* due_;
};

}  // namespace cv
