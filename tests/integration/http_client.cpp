#include "http_client.hpp"

#include <chrono>
#include <stdexcept>

#include "core/json.hpp"
#include "core/text.hpp"
#include "stack.hpp"

namespace cv::it {
namespace {

size_t collect_body(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t collect_header(char* data, size_t size, size_t count, void* user) {
    auto* headers = static_cast<std::multimap<std::string, std::string>*>(user);
    std::string line(data, size * count);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        headers->emplace(cv::text::lower(line.substr(0, colon)),
                         std::string(cv::text::trim(std::string_view(line).substr(colon + 1))));
    }
    return size * count;
}

}  // namespace

Json::Value HttpResult::json() const {
    auto parsed = cv::json::parse(body);
    return parsed ? *parsed : Json::Value();
}

std::string HttpResult::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
}

HttpClient::HttpClient(std::string base_url)
    : curl_(curl_easy_init()), base_url_(std::move(base_url)) {
    if (!curl_) throw std::runtime_error("curl_easy_init");
    if (base_url_.empty()) base_url_ = stack().base_url();
    curl_easy_setopt(curl_, CURLOPT_COOKIEFILE, "");  // in-memory cookie engine
    curl_easy_setopt(curl_, CURLOPT_CAINFO, stack().certificate().c_str());
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_PATH_AS_IS, 1L);  // send "/api/../login" as written
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, 30000L);
    // localhost is 127.0.0.1 here, whatever /etc/hosts says about ::1 (nginx binds IPv4).
    std::string port = base_url_.substr(base_url_.rfind(':') + 1);
    port = port.substr(0, port.find('/'));
    std::string resolve = "localhost:" + port + ":127.0.0.1";
    resolve_ = curl_slist_append(nullptr, resolve.c_str());
    curl_easy_setopt(curl_, CURLOPT_RESOLVE, resolve_);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, collect_header);
}

HttpClient::~HttpClient() {
    curl_easy_cleanup(curl_);
    curl_slist_free_all(resolve_);
}

HttpResult HttpClient::request(const std::string& method, const std::string& path,
                               const std::string& body, const std::vector<std::string>& headers) {
    HttpResult result;
    std::string url = path.rfind("http", 0) == 0 ? path : base_url_ + path;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &result.headers);
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST,
                     method == "HEAD" || method == "GET" ? nullptr : method.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    // After CURLOPT_HTTPGET, which resets it.
    curl_easy_setopt(curl_, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
    if (!body.empty() || method == "POST" || method == "PATCH") {
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    curl_slist* list = curl_slist_append(nullptr, "Expect:");
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
    auto started = std::chrono::steady_clock::now();
    result.curl_code = curl_easy_perform(curl_);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &result.status);
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(list);
    return result;
}

std::string HttpClient::cookie(const std::string& name) const {
    curl_slist* cookies = nullptr;
    curl_easy_getinfo(curl_, CURLINFO_COOKIELIST, &cookies);
    std::string value;
    for (auto* c = cookies; c; c = c->next) {
        // Netscape format: domain, flag, path, secure, expiry, name, value (tab-separated).
        std::vector<std::string> fields;
        std::string line = c->data;
        size_t start = 0, tab;
        while ((tab = line.find('\t', start)) != std::string::npos) {
            fields.push_back(line.substr(start, tab - start));
            start = tab + 1;
        }
        fields.push_back(line.substr(start));
        if (fields.size() >= 7 && fields[5] == name) value = fields[6];
    }
    curl_slist_free_all(cookies);
    return value;
}

void HttpClient::set_source_address(const std::string& address) {
    curl_easy_setopt(curl_, CURLOPT_INTERFACE, address.c_str());
}

}  // namespace cv::it

namespace cv::it {
void HttpClient::use_http1() {
    curl_easy_setopt(curl_, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
}
}  // namespace cv::it
