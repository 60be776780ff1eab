#include "fcgi/supervisor.hpp"

#include <systemd/sd-daemon.h>

#include <cstdlib>

#include "core/log.hpp"

namespace cv::fcgi {

Supervisor::Supervisor() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    listening_ = socket != nullptr && *socket != '\0';
    std::uint64_t usec = 0;
    // 0 unless WATCHDOG_USEC is set (and WATCHDOG_PID, when set, is this process).
    if (sd_watchdog_enabled(0, &usec) > 0) watchdog_interval_ = std::chrono::microseconds(usec);
}

void Supervisor::send(const std::string& message) {
    if (!listening_) return;
    // 0: the variables stay, so a reload's READY=1 still reaches systemd. Workers inherit
    // them but never call this: only the master speaks for the pool (NotifyAccess=main).
    if (sd_notify(0, message.c_str()) < 0) log::warn("notify_failed", {{"message", message}});
}

void Supervisor::ready() {
    send("READY=1");
}

void Supervisor::reloading() {
    send("RELOADING=1");
}

void Supervisor::stopping() {
    send("STOPPING=1");
}

void Supervisor::status(const std::string& text) {
    if (text == last_status_) return;
    last_status_ = text;
    send("STATUS=" + text);
}

void Supervisor::keep_alive(Clock::time_point now) {
    if (watchdog_interval_.count() == 0 || now < next_keep_alive_) return;
    next_keep_alive_ = now + watchdog_interval_ / 2;
    send("WATCHDOG=1");
}

std::chrono::milliseconds Supervisor::longest_sleep() const {
    if (watchdog_interval_.count() == 0) return std::chrono::milliseconds(1000);
    return std::max(
        std::chrono::milliseconds(10),
        std::min(std::chrono::milliseconds(1000),
                 std::chrono::duration_cast<std::chrono::milliseconds>(watchdog_interval_ / 4)));
}

}  // namespace cv::fcgi
