#pragma once
// A minimal FastCGI client (responder role, one request a connection) to talk to a pool on
// TCP directly, as nginx would.
#include <map>
#include <string>

namespace cv::it {

// Returns the CGI-style answer ("Status: …", headers, blank line, body), or "" when the
// connection failed or was cut before an answer.
std::string fastcgi_request(int port, const std::string& method, const std::string& path,
                            const std::string& body = "",
                            const std::map<std::string, std::string>& params = {});

}  // namespace cv::it
