#pragma once
// The twenty catalogue routes as data: each maps to one TMDB call.
#include <string>
#include <vector>

namespace cv::catalogue {

struct CatalogueList {
    std::string route;        // "/api/discover-action-movies"
    std::string tmdb_path;    // "/discover/movie"
    std::string fixed_query;  // "with_genres=28", or empty
};

const std::vector<CatalogueList>& catalogue_lists();

}  // namespace cv::catalogue
