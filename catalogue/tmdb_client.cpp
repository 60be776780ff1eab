#include "catalogue/tmdb_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>

#include "core/json.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace cv::catalogue {

struct TmdbClient::CurlHandle {
    CurlHandle() : easy(curl_easy_init()) {
        if (!easy) throw std::runtime_error("curl_easy_init failed");
    }
    ~CurlHandle() {
        curl_slist_free_all(headers);
        curl_easy_cleanup(easy);
    }
    CurlHandle(const CurlHandle&) = delete;
    CurlHandle& operator=(const CurlHandle&) = delete;
    CURL* easy;
    curl_slist* headers = nullptr;
};

namespace {

struct Transfer {
    std::string body;
    std::size_t limit;
    bool too_big = false;
    std::optional<std::chrono::seconds> retry_after;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    size_t n = size * count;
    if (transfer->body.size() + n > transfer->limit) {
        transfer->too_big = true;
        return 0;  // aborts the transfer
    }
    transfer->body.append(data, n);
    return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::string_view line(data, size * count);
    constexpr std::string_view name = "retry-after:";
    if (line.size() > name.size()) {
        if (text::starts_with_ignoring_case(line, name)) {
            auto value = line.substr(name.size());
            while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            long seconds = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
            if (ec == std::errc{} && seconds >= 0)
                transfer->retry_after = std::chrono::seconds(seconds);
        }
    }
    return size * count;
}

}  // namespace

bool is_language_tag(std::string_view text) {
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (text.size() == 2) return lower(text[0]) && lower(text[1]);
    return text.size() == 5 && lower(text[0]) && lower(text[1]) && text[2] == '-' &&
           upper(text[3]) && upper(text[4]);
}

std::optional<std::string> extract_results(const std::string& body) {
    auto document = json::parse(body);
    if (!document || !document->isObject()) return std::nullopt;
    const Json::Value& results = (*document)["results"];
    if (!results.isArray()) return std::nullopt;
    auto start = static_cast<size_t>(results.getOffsetStart());
    auto limit = static_cast<size_t>(results.getOffsetLimit());
    if (limit <= start || limit > body.size()) return json::write(results);
    return body.substr(start, limit - start);
}

TmdbClient::TmdbClient(TmdbSettings settings, SharedCallBudget* budget)
    : settings_(std::move(settings)), budget_(budget), curl_(std::make_unique<CurlHandle>()) {
    CURL* easy = curl_->easy;
    curl_->headers = curl_slist_append(curl_->headers, "Accept: application/json");
    if (!settings_.access_token.empty()) {
        std::string bearer = "Authorization: Bearer " + settings_.access_token;
        curl_->headers = curl_slist_append(curl_->headers, bearer.c_str());
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, curl_->headers);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl supports
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "cineverse-api/0.1");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
}

TmdbClient::~TmdbClient() = default;

namespace {

// Less than this left of a request: not worth starting a call that could not finish.
constexpr auto kShortestCall = std::chrono::milliseconds(50);

}  // namespace

FetchResult TmdbClient::fetch(const std::string& path, const std::string& query,
                              Clock::time_point deadline) {
    using std::chrono::milliseconds;
    auto left = deadline == Clock::time_point::max()
                    ? settings_.total_timeout
                    : std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    FetchResult refused;
    refused.not_asked = true;
    if (left < kShortestCall) {
        refused.problem = "no time left";
        return refused;
    }
    if (budget_ != nullptr && !budget_->try_take()) {
        refused.problem = "over the TMDB budget";
        return refused;
    }
    auto total = std::min(settings_.total_timeout, left);
    std::string url = settings_.base_url + path;
    std::string full_query = query;
    if (!settings_.api_key.empty()) {
        // libcurl escapes the key; it never reaches a log line (those carry `path` only).
        char* escaped = curl_easy_escape(curl_->easy, settings_.api_key.c_str(),
                                         static_cast<int>(settings_.api_key.size()));
        if (!full_query.empty()) full_query += '&';
        full_query += "api_key=";
        full_query += escaped;
        curl_free(escaped);
    }
    if (!full_query.empty()) url += "?" + full_query;

    Transfer transfer;
    transfer.limit = settings_.max_body;
    CURL* easy = curl_->easy;
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min(settings_.connect_timeout, total).count()));
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    auto started = std::chrono::steady_clock::now();
    CURLcode code;
    {
        Timed timed(timings_, Timings::Part::upstream);
        code = curl_easy_perform(easy);
    }
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();

    FetchResult result;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result.http_status);
    result.retry_after = transfer.retry_after;
    if (transfer.too_big) {
        result.problem = "response larger than " + std::to_string(settings_.max_body) + " bytes";
    } else if (code != CURLE_OK) {
        result.problem = curl_easy_strerror(code);
    } else if (result.http_status == 404) {
        result.not_found = true;
        return result;
    } else if (result.http_status != 200) {
        result.problem = "HTTP " + std::to_string(result.http_status);
    } else {
        result.ok = true;
        result.body = std::move(transfer.body);
        return result;
    }
    log::warn(
        "tmdb_failed",
        {{"path", path}, {"status", result.http_status}, {"ms", ms}, {"problem", result.problem}});
    return result;
}

}  // namespace cv::catalogue
