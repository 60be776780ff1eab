#pragma once
// The pool's own FastCGI client (fcgi/client.hpp), spoken to pools on loopback ports or on
// the stack's unix sockets, as nginx would.
#include <chrono>
#include <map>
#include <string>

#include "fcgi/client.hpp"

namespace cv::it {

inline fcgi::ListenAddress loopback_port(int port) {
    fcgi::ListenAddress address;
    address.kind = fcgi::ListenAddress::Kind::tcp;
    address.host = "127.0.0.1";
    address.port = port;
    return address;
}

// The CGI-style answer ("Status: …", headers, blank line, body), or "" when the connection
// failed or was cut before an answer.
inline std::string fastcgi_request(int port, const std::string& method, const std::string& path,
                                   const std::string& body = "",
                                   const std::map<std::string, std::string>& params = {}) {
    return fcgi::request(loopback_port(port), method, path, body, params);
}
// The same on a unix socket (the stack's own lanes).
inline std::string fastcgi_request(const std::string& unix_socket, const std::string& method,
                                   const std::string& path, const std::string& body = "",
                                   const std::map<std::string, std::string>& params = {}) {
    fcgi::ListenAddress address;
    address.path = unix_socket;
    return fcgi::request(address, method, path, body, params);
}

// A kept connection to a pool on a loopback port.
class FastcgiConnection : public fcgi::ClientConnection {
  public:
    explicit FastcgiConnection(int port) : fcgi::ClientConnection(loopback_port(port)) {}
    bool closed_by_worker(std::chrono::milliseconds patience) { return closed_by_peer(patience); }
};

}  // namespace cv::it
