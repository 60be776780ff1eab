#pragma once
// The streaming services of a region (TMDB /watch/providers/{movie,tv}, JustWatch's data), as
// one list by display priority. Pure functions: no I/O.
#include <optional>
#include <string>

namespace cv::catalogue {

// One TMDB answer → [{provider_id, provider_name, logo_path, display_priority}] with the
// region's own priority; nullopt when it is not a providers answer.
std::optional<std::string> provider_list(const std::string& tmdb_body, const std::string& region);
std::string provider_list_query(const std::string& language, const std::string& region);

// Two such lists (films' and series') as one: each service once, at its best priority, then
// by name.
std::string merged_providers(const std::string& first, const std::string& second);

}  // namespace cv::catalogue
