#pragma once
// A film or series page as the contract shapes it, reduced from TMDB's one answer with
// everything appended (credits, videos, watch/providers, similar, release dates or content
// ratings): at most 20 cast and 20 similar titles, the region's providers only, one trailer.
// Pure functions: no I/O.
#include <optional>
#include <string>

namespace cv::catalogue {

struct PageOptions {
    std::string language = "fr";  // ISO 639-1 of the asked language: the trailer's first choice
    std::string region = "FR";    // ISO 3166-1: providers and certification
};

// The contract's JSON, or nullopt when `tmdb_body` is not a TMDB page (not an object, no id).
std::optional<std::string> movie_page(const std::string& tmdb_body, const PageOptions& options);
std::optional<std::string> tv_page(const std::string& tmdb_body, const PageOptions& options);

// The TMDB query that brings a page with everything it needs in one call.
std::string movie_page_query(const std::string& language);
std::string tv_page_query(const std::string& language);

}  // namespace cv::catalogue
