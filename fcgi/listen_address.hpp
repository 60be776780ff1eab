#pragma once
// Where a lane listens: "unix:/path", "/path" (unix socket) or "host:port" (TCP).
#include <string>

namespace cv::fcgi {

struct ListenAddress {
    enum class Kind { unix_socket, tcp } kind = Kind::unix_socket;
    std::string path;  // unix
    std::string host;  // tcp
    int port = 0;      // tcp

    // Throws ConfigError naming `variable` when `value` is neither form.
    static ListenAddress parse(const std::string& variable, const std::string& value);
    bool operator==(const ListenAddress&) const = default;
};

}  // namespace cv::fcgi
