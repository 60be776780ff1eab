#include "fcgi/client.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>

namespace cv::fcgi {
namespace {

void append_record(std::string& out, unsigned char type, const std::string& content) {
    unsigned char header[8] = {1,
                               type,
                               0,
                               1,
                               static_cast<unsigned char>(content.size() >> 8),
                               static_cast<unsigned char>(content.size() & 0xff),
                               0,
                               0};
    out.append(reinterpret_cast<char*>(header), 8);
    out += content;
}

void append_length(std::string& out, size_t length) {
    if (length < 128) {
        out += static_cast<char>(length);
    } else {
        out += static_cast<char>(0x80 | ((length >> 24) & 0x7f));
        out += static_cast<char>((length >> 16) & 0xff);
        out += static_cast<char>((length >> 8) & 0xff);
        out += static_cast<char>(length & 0xff);
    }
}

std::string name_value(const std::string& name, const std::string& value) {
    std::string pair;
    append_length(pair, name.size());
    append_length(pair, value.size());
    return pair + name + value;
}

int connect_to(int family, const sockaddr* address, socklen_t length) {
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (connect(fd, address, length) != 0) {
        close(fd);
        return -1;
    }
    // A worker that never answers gives an empty answer instead of holding the caller.
    timeval patience{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    return fd;
}

int connect_tcp(const ListenAddress& address) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    std::string host = address.host == "*" || address.host.empty() ? "127.0.0.1" : address.host;
    if (getaddrinfo(host.c_str(), std::to_string(address.port).c_str(), &hints, &found) != 0 ||
        !found)
        return -1;
    int fd = connect_to(found->ai_family, found->ai_addr, found->ai_addrlen);
    freeaddrinfo(found);
    return fd;
}

int connect_unix(const std::string& path) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) return -1;
    std::copy(path.begin(), path.end(), addr.sun_path);
    return connect_to(AF_UNIX, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
}

constexpr unsigned char kKeepConnection = 1;

std::string encode_request(const std::string& method, const std::string& path,
                           const std::string& body, const std::map<std::string, std::string>& extra,
                           unsigned char flags) {
    std::map<std::string, std::string> params = {
        {"REQUEST_METHOD", method},
        {"REQUEST_URI", path},
        {"DOCUMENT_URI", path.substr(0, path.find('?'))},
        {"QUERY_STRING",
         path.find('?') == std::string::npos ? "" : path.substr(path.find('?') + 1)},
        {"SERVER_PROTOCOL", "HTTP/1.1"},
        // A client of the pool's own sockets is on this host (or an operator's tool
        // reaching it through its allowed addresses): it says so, as nginx would for a
        // client on loopback.
        {"REMOTE_ADDR", "127.0.0.1"},
        {"CONTENT_LENGTH", std::to_string(body.size())}};
    if (!body.empty()) params["CONTENT_TYPE"] = "application/json";
    for (const auto& [k, v] : extra) params[k] = v;
    std::string request;
    std::string begin("\0\1\0\0\0\0\0\0", 8);  // responder role
    begin[2] = static_cast<char>(flags);
    append_record(request, 1, begin);
    std::string encoded;
    for (const auto& [k, v] : params) encoded += name_value(k, v);
    append_record(request, 4, encoded);
    append_record(request, 4, "");
    for (size_t at = 0; at < body.size(); at += 65535)  // a record holds at most 64 KiB
        append_record(request, 5, body.substr(at, 65535));
    append_record(request, 5, "");
    return request;
}

bool send_all(int fd, const std::string& data) {
    for (size_t at = 0; at < data.size();) {
        ssize_t n = write(fd, data.data() + at, data.size() - at);
        if (n <= 0) return false;
        at += static_cast<size_t>(n);
    }
    return true;
}

// Reads records up to the end of the request; "" when the connection ends before it.
std::string read_answer(int fd) {
    std::string raw;
    std::string answer;
    char buf[4096];
    size_t at = 0;
    for (;;) {
        while (at + 8 <= raw.size()) {
            auto type = static_cast<unsigned char>(raw[at + 1]);
            size_t length = (static_cast<unsigned char>(raw[at + 4]) << 8) |
                            static_cast<unsigned char>(raw[at + 5]);
            size_t padding = static_cast<unsigned char>(raw[at + 6]);
            if (at + 8 + length + padding > raw.size()) break;
            if (type == 6) answer += raw.substr(at + 8, length);
            if (type == 3) return answer;  // END_REQUEST
            at += 8 + length + padding;
        }
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return "";
        raw.append(buf, static_cast<size_t>(n));
    }
}

std::string request_once(int fd, const std::string& method, const std::string& path,
                         const std::string& body, const std::map<std::string, std::string>& extra) {
    if (fd < 0) return "";
    std::string answer;
    if (send_all(fd, encode_request(method, path, body, extra, 0))) answer = read_answer(fd);
    close(fd);
    return answer;
}

}  // namespace

std::string request(const ListenAddress& address, const std::string& method,
                    const std::string& path, const std::string& body,
                    const std::map<std::string, std::string>& extra) {
    int fd = address.kind == ListenAddress::Kind::unix_socket ? connect_unix(address.path)
                                                              : connect_tcp(address);
    return request_once(fd, method, path, body, extra);
}

ClientConnection::ClientConnection(const ListenAddress& address)
    : fd_(address.kind == ListenAddress::Kind::unix_socket ? connect_unix(address.path)
                                                           : connect_tcp(address)) {}

ClientConnection::~ClientConnection() {
    if (fd_ >= 0) close(fd_);
}

std::string ClientConnection::request(const std::string& method, const std::string& path,
                                      const std::string& body) {
    if (fd_ < 0 || !send_all(fd_, encode_request(method, path, body, {}, kKeepConnection)))
        return "";
    return read_answer(fd_);
}

bool ClientConnection::closed_by_peer(std::chrono::milliseconds patience) {
    auto deadline = std::chrono::steady_clock::now() + patience;
    char buf[4096];
    while (fd_ >= 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(std::max<long>(left.count(), 0))) <= 0) return false;
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) return true;
    }
    return false;
}

}  // namespace cv::fcgi
