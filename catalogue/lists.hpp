#pragma once
// The twenty catalogue lists as data: each is one route, one TMDB call and one row of the
// home page.
#include <string>
#include <vector>

namespace cv::catalogue {

struct CatalogueList {
    std::string route;        // "/api/discover-action-movies"
    std::string tmdb_path;    // "/discover/movie"
    std::string fixed_query;  // "with_genres=28", or empty
    std::string title;        // the home page's row title, in French: "Action"
};

const std::vector<CatalogueList>& catalogue_lists();

}  // namespace cv::catalogue
