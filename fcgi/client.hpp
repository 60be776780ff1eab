#pragma once
// A minimal FastCGI client (responder role), speaking to a pool as nginx does: one request a
// connection, or many on a kept connection (FCGI_KEEP_CONN). The command line uses it to ask a
// running pool for its status; the tests, to talk to pools past nginx.
#include <chrono>
#include <map>
#include <string>

#include "fcgi/listen_address.hpp"

namespace cv::fcgi {

// The CGI-style answer ("Status: …", headers, blank line, body), or "" when the connection
// failed or was cut before an answer (or none came within 10 s).
std::string request(const ListenAddress& address, const std::string& method,
                    const std::string& path, const std::string& body = "",
                    const std::map<std::string, std::string>& params = {});

// A connection that asks the worker to keep it open and sends one request after another on
// it, each after the previous answer.
class ClientConnection {
  public:
    explicit ClientConnection(const ListenAddress& address);
    ~ClientConnection();
    ClientConnection(const ClientConnection&) = delete;
    ClientConnection& operator=(const ClientConnection&) = delete;

    // The answer, or "" when the connection was closed before the end of the request.
    std::string request(const std::string& method, const std::string& path,
                        const std::string& body = "");
    // True when the other end closes the connection within `patience` (reads nothing else).
    bool closed_by_peer(std::chrono::milliseconds patience);

  private:
    int fd_ = -1;
};

}  // namespace cv::fcgi
