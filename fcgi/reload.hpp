#pragma once
// Asking a running master to reload, and waiting until it has: what `systemctl reload` runs
// (ExecReload=/usr/bin/cineverse-api reload), in place of /bin/kill, which a minimal Debian
// does not have (procps is not essential). The master re-reads its configuration, starts the
// new workers and answers once they accept (the same moment it sends READY=1 to systemd), or
// at once when it refuses the new configuration.
#include <sys/types.h>

#include <chrono>

namespace cv::fcgi {

enum class ReloadOutcome {
    done,       // the new workers accept
    refused,    // the configuration was refused (the master logged why); the old one runs
    gone,       // no such master, or it died meanwhile
    timed_out,  // no answer within the patience given
};

ReloadOutcome request_reload(pid_t master, std::chrono::milliseconds patience);

}  // namespace cv::fcgi
