#pragma once
// A TMDB v3 client on one reused libcurl handle (keep-alive within a worker).
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/call_budget.hpp"
#include "core/timings.hpp"

namespace cv::catalogue {

struct TmdbSettings {
    std::string base_url = "https://api.themoviedb.org/3";
    std::string api_key;       // v3 key, sent as ?api_key=
    std::string access_token;  // v4 token, sent as Authorization: Bearer
    std::chrono::milliseconds connect_timeout{2000};
    std::chrono::milliseconds total_timeout{5000};
    std::size_t max_body = std::size_t{2} * 1024 * 1024;
    // The languages a client may ask for; the first is sent when it asks for none.
    std::vector<std::string> languages{"fr-FR", "en-US"};
    std::string region = "FR";  // whose watch providers and certifications pages show
    // Where clients load images from (GET /api/config): TMDB's image host, or the demo's.
    std::string image_base_url = "https://image.tmdb.org/t/p/";
};

// "xx" or "xx-XX", as TMDB spells languages.
bool is_language_tag(std::string_view text);

struct FetchResult {
    bool ok = false;         // a 200 with a body (whether it is what was asked for is the caller's)
    bool not_found = false;  // TMDB's 404: it does not know the resource
    // Not asked at all: the service-wide budget of TMDB calls is spent for now, or the
    // request has no time left. Nothing is wrong with this resource: nothing to remember.
    bool not_asked = false;
    std::string body;  // the answer, byte for byte as TMDB sent it
    long http_status = 0;
    std::optional<std::chrono::seconds> retry_after;
    std::string problem;  // why it failed, for the log; never holds the key
};

// Extracts the `results` array of a TMDB answer, unchanged; nullopt if there is none.
std::optional<std::string> extract_results(const std::string& body);

class TmdbClient {
  public:
    using Clock = std::chrono::steady_clock;

    // `budget`, shared by the host's workers, bounds how often TMDB is asked (nullptr: no
    // bound).
    explicit TmdbClient(TmdbSettings settings, SharedCallBudget* budget = nullptr);
    ~TmdbClient();
    TmdbClient(const TmdbClient&) = delete;
    TmdbClient& operator=(const TmdbClient&) = delete;

    // `path` like "/discover/movie", `query` like "with_genres=28&page=2" (already encoded).
    // The call gives up by `deadline` (what is left of the request that needs it) or after
    // the total timeout, whichever comes first. Logs every failure but a 404 (an answer,
    // not a failure).
    FetchResult fetch(const std::string& path, const std::string& query,
                      Clock::time_point deadline = Clock::time_point::max());

    // Where the time spent waiting on TMDB is counted (the slow log), if anywhere.
    void set_timings(Timings* timings) { timings_ = timings; }

  private:
    struct CurlHandle;
    TmdbSettings settings_;
    SharedCallBudget* budget_;
    std::unique_ptr<CurlHandle> curl_;
    Timings* timings_ = nullptr;
};

}  // namespace cv::catalogue
