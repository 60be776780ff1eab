#pragma once
// Discovering titles by filters (contract, Discovering): the visitor's question, validated and
// normalised into one canonical TMDB /discover query before any cache or TMDB call, so that
// two spellings of one question are one key (ids sorted and deduplicated, defaults dropped,
// unknown parameters never read) and the key space stays bounded. Pure functions: no I/O.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cv::catalogue {

enum class MediaType { movie, tv };

// A parameter's value as the request gives it (nullopt: absent).
using ParameterReader = std::function<std::optional<std::string>(const std::string& name)>;

// The parameters a discover route reads, in the order the route table lists them.
const std::vector<std::string>& discover_parameters();

struct DiscoverQuery {
    std::string tmdb_path;   // "/discover/movie"
    std::string tmdb_query;  // canonical: the cache key
};

// The canonical TMDB question for a discover request. A value out of its rule throws
// Failure(invalid_input) "Invalid parameter: <name>" (the first such parameter). `language`
// and `region` are the configured defaults (fr-FR, FR).
DiscoverQuery discover_query(MediaType media, const ParameterReader& read,
                             const std::string& language, const std::string& region);

// TMDB's list envelope reduced to the contract's {page, total_pages, total_results,
// results}; nullopt when it is not one.
std::optional<std::string> discover_page(const std::string& tmdb_body);

}  // namespace cv::catalogue
