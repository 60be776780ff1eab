#include "fcgi/signals.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace cv::fcgi {
namespace {

// A signal handler can only reach a file descriptor through a global; this one is the write
// end of the process's self-pipe, set once before any handler is installed.
volatile sig_atomic_t signal_pipe_write_fd = -1;

// One record a signal: the pipe's writes up to PIPE_BUF are atomic, so a reader that reads
// whole multiples of it never sees half a record.
struct Record {
    std::int32_t signo;
    std::int32_t requester;
};

void forward_signal(int signo, siginfo_t* info, void* /*context*/) {
    int saved = errno;
    Record record{signo, 0};
    if (info != nullptr && info->si_code == SI_QUEUE &&
        info->si_value.sival_int == kAnswerRequested)
        record.requester = info->si_pid;
    [[maybe_unused]] auto n = write(signal_pipe_write_fd, &record, sizeof record);
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
        action.sa_sigaction = forward_signal;
        sigemptyset(&action.sa_mask);
        // SA_RESTART keeps libfcgi's reads and writes of an in-flight request intact;
        // poll(2) is never restarted, so the loops still wake up.
        action.sa_flags = SA_RESTART | SA_SIGINFO;
        sigaction(signo, &action, nullptr);
    }
}

std::vector<SignalPipe::Arrival> SignalPipe::drain() const {
    std::vector<Arrival> arrivals;
    Record records[64];
    ssize_t n;
    while ((n = read(read_.get(), records, sizeof records)) > 0) {
        for (ssize_t i = 0; i < n / static_cast<ssize_t>(sizeof(Record)); ++i)
            arrivals.push_back({records[i].signo, records[i].requester});
    }
    return arrivals;
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
