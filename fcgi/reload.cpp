#include "fcgi/reload.hpp"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <ctime>

#include "fcgi/signals.hpp"

namespace cv::fcgi {

ReloadOutcome request_reload(pid_t master, std::chrono::milliseconds patience) {
    using Clock = std::chrono::steady_clock;
    // Blocked before asking, so that an answer arriving at once waits for sigtimedwait.
    sigset_t answers;
    sigemptyset(&answers);
    sigaddset(&answers, SIGUSR1);
    sigaddset(&answers, SIGUSR2);
    sigprocmask(SIG_BLOCK, &answers, nullptr);
    sigval value{};
    value.sival_int = kAnswerRequested;
    if (sigqueue(master, SIGHUP, value) != 0) return ReloadOutcome::gone;
    const auto deadline = Clock::now() + patience;
    while (Clock::now() < deadline) {
        // Short waits, so that a master that dies meanwhile is noticed.
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        auto wait = std::clamp<long long>(left.count(), 1, 250);
        timespec timeout{0, static_cast<long>(wait) * 1000000L};
        siginfo_t info{};
        int signo = sigtimedwait(&answers, &info, &timeout);
        if (signo > 0 && info.si_pid == master)
            return signo == SIGUSR1 ? ReloadOutcome::done : ReloadOutcome::refused;
        if (signo < 0 && errno != EAGAIN && errno != EINTR) return ReloadOutcome::gone;
        if (kill(master, 0) != 0 && errno == ESRCH) return ReloadOutcome::gone;
    }
    return ReloadOutcome::timed_out;
}

}  // namespace cv::fcgi
