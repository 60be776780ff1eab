#include "fcgi/loop_worker.hpp"

#include <poll.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>

#include "core/log.hpp"
#include "fcgi/signals.hpp"

namespace cv::fcgi {
namespace {

class Control final : public LoopControl {
  public:
    Control(int stop_fd, Seat seat) : stop_fd_(stop_fd), seat_(seat) {
        // The stop signals are blocked (Master::child_main) but while the worker waits in
        // ppoll, as a request worker's are: a round is never interrupted halfway.
        sigprocmask(SIG_SETMASK, nullptr, &waiting_);
        sigdelset(&waiting_, SIGTERM);
        sigdelset(&waiting_, SIGINT);
    }

    bool stop_requested() override {
        if (!stopping_) {
            pollfd fd{stop_fd_, POLLIN, 0};
            stopping_ = poll(&fd, 1, 0) > 0 || stop_signal_pending();
        }
        return stopping_;
    }

    bool pause(std::chrono::milliseconds duration) override {
        wait(duration, -1);
        return !stop_requested();
    }

    void busy(std::string_view what, std::string_view id) override {
        done();
        seat_.board.begin_request(seat_.slot, id, what);
        busy_ = true;
    }

    void alive() override {
        if (busy_) seat_.board.still_busy(seat_.slot);
    }

    void done() override {
        if (busy_) seat_.board.end_request(seat_.slot);
        busy_ = false;
    }

    // Rests up to `duration` in ppoll, where the stop signals are delivered; `wake_fd`
    // readable ends the rest early.
    void wait(std::chrono::milliseconds duration, int wake_fd) {
        if (stop_requested() || duration.count() <= 0) return;
        pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {wake_fd, POLLIN, 0}};
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration);
        timespec timeout{static_cast<time_t>(seconds.count()),
                         static_cast<long>((duration - seconds).count()) * 1000000L};
        int ready = ppoll(fds, wake_fd >= 0 ? 2 : 1, &timeout, &waiting_);
        if (ready < 0 && errno != EINTR) log::error("worker_poll_failed", {{"errno", errno}});
    }

  private:
    const int stop_fd_;
    Seat seat_;
    sigset_t waiting_{};
    bool stopping_ = false;
    bool busy_ = false;
};

}  // namespace

void run_loop_worker(const Lane& lane, LoopHandler& handler, int stop_fd, Seat seat) {
    Control control(stop_fd, seat);
    seat.board.mark_accepting(seat.slot);
    while (!control.stop_requested()) {
        LoopPause rest;
        try {
            rest = handler.round(control);
        } catch (const std::exception& e) {
            log::error("loop_round_failed", {{"lane", lane.name}, {"reason", e.what()}});
            rest = LoopPause{};
        }
        control.done();
        control.wait(rest.wait, rest.wake_fd);
    }
}

}  // namespace cv::fcgi
