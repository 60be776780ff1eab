#pragma once
// How long a failed job waits before its next attempt: exponential, as river and Oban do,
// without jitter (a handful of periodic jobs never stampede), and capped. Pure: no I/O.
#include <chrono>

namespace cv::jobs {

struct Backoff {
    std::chrono::seconds first{10};  // after the first failed attempt
    std::chrono::seconds most{3600};

    // After the `attempt`-th attempt (1, 2, …) failed: first × 2^(attempt − 1), at most `most`.
    std::chrono::seconds after(int attempt) const;
};

}  // namespace cv::jobs
