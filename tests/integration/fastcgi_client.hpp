#pragma once
// A minimal FastCGI client (responder role) to talk to a pool directly, as nginx
// would: one request a connection, or many on a kept connection (fastcgi_keep_conn).
#include <chrono>
#include <map>
#include <string>

namespace cv::it {

// Returns the CGI-style answer ("Status: …", headers, blank line, body), or "" when the
// connection failed or was cut before an answer.
std::string fastcgi_request(int port, const std::string& method, const std::string& path,
                            const std::string& body = "",
                            const std::map<std::string, std::string>& params = {});
// The same on a unix socket (the stack's own lanes).
std::string fastcgi_request(const std::string& unix_socket, const std::string& method,
                            const std::string& path, const std::string& body = "",
                            const std::map<std::string, std::string>& params = {});

// A connection that asks the worker to keep it open (FCGI_KEEP_CONN) and sends one request
// after another on it, each after the previous answer, as nginx does.
class FastcgiConnection {
  public:
    explicit FastcgiConnection(int port);
    ~FastcgiConnection();
    FastcgiConnection(const FastcgiConnection&) = delete;
    FastcgiConnection& operator=(const FastcgiConnection&) = delete;

    // The answer, or "" when the connection was closed before the end of the request.
    std::string request(const std::string& method, const std::string& path,
                        const std::string& body = "");
    // True when the worker closes the connection within `patience` (reads nothing else).
    bool closed_by_worker(std::chrono::milliseconds patience);

  private:
    int fd_ = -1;
};

}  // namespace cv::it
