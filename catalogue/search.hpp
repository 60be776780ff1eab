#pragma once
// Search queries, normalised before they are cached or sent: trimmed, inner whitespace
// collapsed, ASCII letters lower-cased, so "  Nosferatu " and "nosferatu" are one cache entry
// and one TMDB call.
#include <optional>
#include <string>
#include <string_view>

namespace cv::catalogue {

// The normalised query, or nullopt when it breaks the contract's rule: 1 to 100 characters
// once trimmed, valid UTF-8, no control characters.
std::optional<std::string> normalised_search(std::string_view query);

// TMDB's /search/multi question for a normalised query, in one order: the cache key every
// search of those words shares, whoever asks (a visitor, or an import matching its rows).
std::string search_query(const std::string& normalised, const std::string& language, long page = 1);

}  // namespace cv::catalogue
