#pragma once
// The listening sockets (php-fpm's fpm_sockets.c). They live in the master, so a reload
// never leaves a moment with nobody listening; workers inherit them across fork.
#include <string>
#include <vector>

#include "core/file_descriptor.hpp"
#include "fcgi/listen_address.hpp"

namespace cv::fcgi {

class ListenSocket {
  public:
    // `inherited_fd` is the socket systemd passed for this address, or -1 (opened here).
    ListenSocket(const ListenAddress& address, unsigned mode, int inherited_fd);
    ~ListenSocket();
    ListenSocket(const ListenSocket&) = delete;
    ListenSocket& operator=(const ListenSocket&) = delete;

    int fd() const { return fd_.get(); }
    // Where it listens, for the log ("unix:/run/…", "127.0.0.1:9000", or systemd's).
    const std::string& origin() const { return origin_; }

  private:
    void open_unix(const std::string& path, unsigned mode);
    void open_tcp(const std::string& host, int port);

    FileDescriptor fd_;
    std::string unix_path_;  // unlinked when the socket goes
    std::string origin_;
};

// The sockets systemd passed (socket activation, sd_listen_fds' protocol). Each lane takes
// the one bound to its own address, whatever the order of the socket unit's lines.
class InheritedSockets {
  public:
    InheritedSockets();  // reads LISTEN_PID/LISTEN_FDS once and clears them

    // The passed socket bound to `address`, or -1 (the lane opens its own).
    int take(const ListenAddress& address);
    // A socket nobody took would accept connections that no worker ever answers.
    void refuse_leftovers() const;

  private:
    std::vector<int> fds_;
};

}  // namespace cv::fcgi
