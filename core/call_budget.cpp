#include "core/call_budget.hpp"

#include <sys/mman.h>
#include <time.h>

#include <algorithm>
#include <new>

namespace cv {
namespace {

std::int64_t monotonic_ns() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

}  // namespace

SharedCallBudget::SharedCallBudget(double per_second, double burst)
    : interval_ns_(per_second > 0 ? static_cast<std::int64_t>(1e9 / per_second) : 0),
      tolerance_ns_(
          static_cast<std::int64_t>(std::max(burst - 1, 0.0) * static_cast<double>(interval_ns_))) {
    static_assert(std::atomic<std::int64_t>::is_always_lock_free,
                  "a lock inside a shared mapping could be held by a killed process");
    void* region = mmap(nullptr, sizeof(std::atomic<std::int64_t>), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) throw std::bad_alloc();
    due_ = static_cast<std::atomic<std::int64_t>*>(region);  // zero-filled by the kernel: due now
}

SharedCallBudget::~SharedCallBudget() {
    munmap(due_, sizeof(std::atomic<std::int64_t>));
}

bool SharedCallBudget::try_take() {
    if (interval_ns_ == 0) return true;
    std::int64_t now = monotonic_ns();
    std::int64_t due = due_->load(std::memory_order_relaxed);
    for (;;) {
        std::int64_t next = std::max(due, now) + interval_ns_;
        if (next - now > tolerance_ns_ + interval_ns_) return false;
        if (due_->compare_exchange_weak(due, next, std::memory_order_relaxed)) return true;
    }
}

}  // namespace cv
