#pragma once
// Signals become bytes on a self-pipe that the owning loop polls (php-fpm's fpm_signals.c):
// the handler only writes a byte, and the loop handles the signal in its own time.
#include <initializer_list>
#include <vector>

#include "core/file_descriptor.hpp"

namespace cv::fcgi {

class SignalPipe {
  public:
    // Becomes the process's signal pipe: one a process (the master's, then each worker's own
    // after fork).
    SignalPipe();
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;

    int read_fd() const { return read_.get(); }
    // Signals handled from now on by writing their number to the pipe.
    static void forward(std::initializer_list<int> signals);
    // The signals that arrived since the last call, in order.
    std::vector<int> drain() const;

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
