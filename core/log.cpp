#include "core/log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace cv::log {
namespace {

const char* level_name(Level level) {
    switch (level) {
        case Level::debug:
            return "debug";
        case Level::info:
            return "info";
        case Level::warn:
            return "warn";
        case Level::error:
            return "error";
    }
    return "info";
}

// When stderr is the journal (systemd sets JOURNAL_STREAM to its device and inode), each
// line starts with its syslog priority, "<3>" for an error: journald strips it and files the
// line under it, so `journalctl -p err` shows errors only. On a terminal or a file, lines
// stay as they are. Decided once, from what the process was started with.
bool stderr_is_the_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) return false;
    unsigned long long device = 0, inode = 0;
    if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
    struct stat err {};
    return fstat(STDERR_FILENO, &err) == 0 && err.st_dev == device && err.st_ino == inode;
}

const char* priority_prefix(Level level) {
    switch (level) {
        case Level::debug:
            return "<7>";
        case Level::info:
            return "<6>";
        case Level::warn:
            return "<4>";
        case Level::error:
            return "<3>";
    }
    return "<6>";
}

std::string timestamp() {
    using namespace std::chrono;
    auto now = system_clock::now();
    auto secs = system_clock::to_time_t(now);
    auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&secs, &utc);
    char buf[40];
    size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(millis));
    return buf;
}

}  // namespace

std::string quote_if_needed(std::string_view value) {
    bool plain = !value.empty();
    for (unsigned char c : value) {
        if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) {
            plain = false;
            break;
        }
    }
    if (plain) return std::string(value);
    std::string out = "\"";
    for (unsigned char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < ' ' || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
    static const bool journal = stderr_is_the_journal();
    std::string line = journal ? priority_prefix(level) : "";
    line += "ts=" + timestamp() + " level=" + level_name(level) +
            " event=" + quote_if_needed(event) + " pid=" + std::to_string(getpid());
    for (const auto& field : fields) {
        line += ' ';
        line += field.key;
        line += '=';
        line += quote_if_needed(field.value);
    }
    line += '\n';
    // One write(2) per line keeps lines from different workers whole on a shared stderr.
    const char* data = line.data();
    size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(STDERR_FILENO, data, left);
        if (n <= 0) break;
        data += n;
        left -= static_cast<size_t>(n);
    }
}

}  // namespace cv::log
