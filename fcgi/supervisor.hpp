#pragma once
// What the pool tells the service manager that runs it (systemd's sd_notify protocol):
// READY=1 once every lane's workers accept, RELOADING=1 … READY=1 around a reload, STATUS=
// with the lanes' busy and idle workers, WATCHDOG=1 from the master's loop so that a hung
// master is restarted, STOPPING=1. Nothing at all when no service manager listens.
#include <chrono>
#include <string>

namespace cv::fcgi {

class Supervisor {
  public:
    using Clock = std::chrono::steady_clock;

    Supervisor();  // reads NOTIFY_SOCKET and WATCHDOG_USEC once

    void ready();
    void reloading();
    void stopping();
    // Sent when it changes.
    void status(const std::string& text);
    // WATCHDOG=1 at half the interval systemd asked for; call it from every loop round.
    void keep_alive(Clock::time_point now = Clock::now());
    // How long the master's loop may sleep and still keep the watchdog fed.
    std::chrono::milliseconds longest_sleep() const;

  private:
    void send(const std::string& message);

    bool listening_ = false;
    std::chrono::microseconds watchdog_interval_{0};
    Clock::time_point next_keep_alive_{};
    std::string last_status_;
};

}  // namespace cv::fcgi
