#pragma once
// Signals become records on a self-pipe that the owning loop polls (php-fpm's fpm_signals.c):
// the handler only writes a record, and the loop handles the signal in its own time.
#include <sys/types.h>

#include <initializer_list>
#include <vector>

#include "core/file_descriptor.hpp"

namespace cv::fcgi {

// The value a reload request carries (sigqueue(3) of SIGHUP, see fcgi/reload.hpp): the master
// answers its sender once the reload is done or refused. A plain kill(1) carries none and
// gets no answer.
inline constexpr int kAnswerRequested = 0x63765248;

class SignalPipe {
  public:
    // A signal that arrived, and the process that asked to be answered (0: nobody asked).
    struct Arrival {
        int signo = 0;
        pid_t requester = 0;
    };

    // Becomes the process's signal pipe: one a process (the master's, then each worker's own
    // after fork).
    SignalPipe();
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;

    int read_fd() const { return read_.get(); }
    // Signals handled from now on by writing a record to the pipe.
    static void forward(std::initializer_list<int> signals);
    // The signals that arrived since the last call, in order.
    std::vector<Arrival> drain() const;

  private:
    FileDescriptor read_;
    FileDescriptor write_;
};

// Back to the default action (after fork, for what the master handled itself).
void reset_to_default(std::initializer_list<int> signals);

// A worker's stop signal (SIGTERM or SIGINT) arrived while blocked: workers block them except
// while they wait, so that one never interrupts a request (or a round of work) halfway.
bool stop_signal_pending();

}  // namespace cv::fcgi
