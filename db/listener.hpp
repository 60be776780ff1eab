#pragma once
// A connection of its own that LISTENs on one channel (PostgreSQL's LISTEN/NOTIFY): its
// socket becomes readable when a notification arrives, so an idle loop can sleep on it and
// wake as soon as there is something to do. It is opened lazily, and again after a loss;
// while it cannot be had, fd() is -1 and the loop relies on its own poll interval. A pooler
// in transaction mode does not carry notifications: point it at the server itself.
#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <string>

namespace cv::db {

class Listener {
  public:
    Listener(const std::string& conninfo, std::string channel);
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    // The socket to wait on, listening; -1 when there is none now (a failed connection is
    // tried again at most every few seconds).
    int fd();
    // Reads what arrived on the socket; returns how many notifications it held.
    int drain();

  private:
    void drop();

    std::string conninfo_;
    std::string channel_;
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn_{nullptr, PQfinish};
    std::chrono::steady_clock::time_point next_attempt_{};
};

}  // namespace cv::db
