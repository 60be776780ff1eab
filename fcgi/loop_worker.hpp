#pragma once
// A worker of a lane that listens nowhere: it runs the application's loop in rounds
// (LoopHandler), resting between them until a round is due, something wakes it or it is told
// to stop. Like a request worker, it takes its stop signals only while it rests, shows on the
// scoreboard what it is busy with, and the master kills it when it stops showing signs of life.
#include "fcgi/pool.hpp"
#include "fcgi/worker.hpp"

namespace cv::fcgi {

// Returns once told to stop (a byte on `stop_fd`, or SIGTERM/SIGINT) and the round under way
// has returned.
void run_loop_worker(const Lane& lane, LoopHandler& handler, int stop_fd, Seat seat);

}  // namespace cv::fcgi
