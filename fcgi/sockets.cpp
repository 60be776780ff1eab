#include "fcgi/sockets.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace cv::fcgi {
namespace {

void set_nonblocking(int fd) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

[[noreturn]] void fail(const char* what, const std::string& where) {
    throw std::runtime_error(std::string(what) + " " + where + ": " + std::strerror(errno));
}

bool bound_to(int fd, const ListenAddress& address) {
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) != 0) return false;
    if (address.kind == ListenAddress::Kind::unix_socket) {
        const auto* unix_address = reinterpret_cast<const sockaddr_un*>(&bound);
        return bound.ss_family == AF_UNIX && address.path == unix_address->sun_path;
    }
    if (bound.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in*>(&bound)->sin_port) == address.port;
    if (bound.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port) == address.port;
    return false;
}

}  // namespace

ListenSocket::ListenSocket(const ListenAddress& address, unsigned mode, int inherited_fd) {
    if (inherited_fd >= 0) {
        fd_ = FileDescriptor(inherited_fd);
        fcntl(inherited_fd, F_SETFD, FD_CLOEXEC);
        set_nonblocking(inherited_fd);
        origin_ = "systemd socket activation";
        return;
    }
    if (address.kind == ListenAddress::Kind::unix_socket) {
        open_unix(address.path, mode);
    } else {
        open_tcp(address.host, address.port);
    }
    // Every worker polls the socket; whoever loses the race for a connection gets EAGAIN.
    set_nonblocking(fd_.get());
}

ListenSocket::~ListenSocket() {
    if (!unix_path_.empty()) unlink(unix_path_.c_str());
}

void ListenSocket::open_unix(const std::string& path, unsigned mode) {
    fd_ = FileDescriptor(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd_) fail("socket", path);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    struct stat existing {};
    if (lstat(path.c_str(), &existing) == 0 && S_ISSOCK(existing.st_mode)) {
        // A socket left by a pool that died is replaced; one that still answers belongs
        // to a running pool, which must not lose it to a second one started by mistake.
        FileDescriptor probe(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (connect(probe.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            errno = EADDRINUSE;
            fail("bind", path);
        }
        unlink(path.c_str());
    }
    if (bind(fd_.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) fail("bind", path);
    unix_path_ = path;
    chmod(path.c_str(), mode);
    if (listen(fd_.get(), SOMAXCONN) != 0) fail("listen", path);
    origin_ = "unix:" + path;
}

void ListenSocket::open_tcp(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    std::string service = std::to_string(port);
    if (getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || !found) {
        fail("resolve", host);
    }
    std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> guard(found, freeaddrinfo);
    fd_ = FileDescriptor(socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd_) fail("socket", host);
    int one = 1;
    setsockopt(fd_.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd_.get(), found->ai_addr, found->ai_addrlen) != 0) fail("bind", host + ":" + service);
    if (listen(fd_.get(), SOMAXCONN) != 0) fail("listen", host + ":" + service);
    origin_ = host + ":" + service;
}

InheritedSockets::InheritedSockets() {
    const char* pid = getenv("LISTEN_PID");
    const char* fds = getenv("LISTEN_FDS");
    if (pid && fds && std::atol(pid) == getpid()) {
        constexpr int kFirstSystemdFd = 3;  // SD_LISTEN_FDS_START
        for (int i = 0; i < std::atoi(fds); ++i) fds_.push_back(kFirstSystemdFd + i);
    }
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
}

int InheritedSockets::take(const ListenAddress& address) {
    auto found =
        std::find_if(fds_.begin(), fds_.end(), [&](int fd) { return bound_to(fd, address); });
    if (found == fds_.end()) return -1;
    int fd = *found;
    fds_.erase(found);
    return fd;
}

void InheritedSockets::refuse_leftovers() const {
    if (!fds_.empty()) {
        throw std::runtime_error(
            "systemd passed a socket that no lane listens on: give each listening line of the "
            "socket unit to one lane's listen address");
    }
}

}  // namespace cv::fcgi
