#pragma once
// One worker's loop (php-fpm's child loop): accepts connections while it has room and serves
// one request at a time from whichever of its connections has one.
#include "core/metrics.hpp"
#include "fcgi/pool.hpp"
#include "fcgi/scoreboard.hpp"

namespace cv::fcgi {

// Returns when told to stop (a byte on `stop_fd`, or SIGTERM/SIGINT) or after
// settings.max_requests; requests already sent to it always complete.
// The worker's slot of the scoreboard, where it publishes what it is doing.
struct Seat {
    Scoreboard& board;
    std::size_t slot;
};

void run_worker(int listen_fd, const Lane& lane, const PoolSettings& settings,
                WorkerHandler& handler, int stop_fd, SharedMetrics& metrics, Seat seat);

}  // namespace cv::fcgi
