#pragma once
// A real HTTPS client (libcurl) for the integration tests, with its own cookie jar: one
// HttpClient is one browser.
#include <curl/curl.h>
#include <json/json.h>

#include <map>
#include <string>
#include <vector>

namespace cv::it {

struct HttpResult {
    long status = 0;
    std::string body;
    std::multimap<std::string, std::string> headers;  // lower-case names
    double seconds = 0;
    int curl_code = 0;

    Json::Value json() const;
    std::string header(const std::string& name) const;  // "" when absent
};

class HttpClient {
  public:
    explicit HttpClient(std::string base_url = "");
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResult request(const std::string& method, const std::string& path,
                       const std::string& body = "", const std::vector<std::string>& headers = {});
    HttpResult get(const std::string& path) { return request("GET", path); }
    // POST/PATCH with a JSON body, as the SPA sends them.
    HttpResult post_json(const std::string& path, const std::string& body) {
        return request("POST", path, body, {"Content-Type: application/json"});
    }
    HttpResult patch_json(const std::string& path, const std::string& body) {
        return request("PATCH", path, body, {"Content-Type: application/json"});
    }

    std::string cookie(const std::string& name) const;    // "" when absent
    void set_source_address(const std::string& address);  // e.g. 127.0.0.2
    void use_http1();  // nginx answers some protocol errors only on HTTP/1.1

  private:
    CURL* curl_;
    curl_slist* resolve_ = nullptr;  // must outlive the handle's transfers
    std::string base_url_;
};

}  // namespace cv::it
