#include "fcgi/signals.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace cv::fcgi {
namespace {

// A signal handler can only reach a file descriptor through a global; this one is the write
// end of the process's self-pipe, set once before any handler is installed.
volatile sig_atomic_t signal_pipe_write_fd = -1;

void forward_signal(int signo) {
    int saved = errno;
    auto byte = static_cast<unsigned char>(signo);
    [[maybe_unused]] auto n = write(signal_pipe_write_fd, &byte, 1);
    errno = saved;
}

}  // namespace

SignalPipe::SignalPipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("pipe2 failed");
    read_ = FileDescriptor(fds[0]);
    write_ = FileDescriptor(fds[1]);
    signal_pipe_write_fd = fds[1];
}

void SignalPipe::forward(std::initializer_list<int> signals) {
    for (int signo : signals) {
        struct sigaction action {};
        action.sa_handler = forward_signal;
        sigemptyset(&action.sa_mask);
        // SA_RESTART keeps libfcgi's reads and writes of an in-flight request intact;
        // poll(2) is never restarted, so the loops still wake up.
        action.sa_flags = SA_RESTART;
        sigaction(signo, &action, nullptr);
    }
}

std::vector<int> SignalPipe::drain() const {
    std::vector<int> signals;
    unsigned char buf[64];
    ssize_t n;
    while ((n = read(read_.get(), buf, sizeof buf)) > 0)
        signals.insert(signals.end(), buf, buf + n);
    return signals;
}

void reset_to_default(std::initializer_list<int> signals) {
    for (int signo : signals) signal(signo, SIG_DFL);
}

bool stop_signal_pending() {
    sigset_t pending;
    sigpending(&pending);
    return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
}

}  // namespace cv::fcgi
