#include "catalogue/lists.hpp"

namespace cv::catalogue {
namespace {

struct Genre {
    const char* slug;
    int tmdb_id;
};

// The contract's genre slugs and TMDB genre ids.
constexpr Genre kGenres[] = {
    {"action", 28},    {"adventure", 12},   {"animation", 16},       {"comedy", 35},
    {"crime", 80},     {"documentary", 99}, {"drama", 18},           {"family", 10751},
    {"fantasy", 14},   {"history", 36},     {"horror", 27},          {"music", 10402},
    {"mystery", 9648}, {"romance", 10749},  {"sciencefiction", 878}, {"thriller", 53},
    {"war", 10752},    {"western", 37},
};

std::vector<CatalogueList> build_lists() {
    std::vector<CatalogueList> lists = {
        {"/api/trending-movies", "/trending/movie/week", ""},
        {"/api/trending-tv", "/trending/tv/week", ""},
    };
    for (const auto& genre : kGenres) {
        lists.push_back({std::string("/api/discover-") + genre.slug + "-movies", "/discover/movie",
                         "with_genres=" + std::to_string(genre.tmdb_id)});
    }
    return lists;
}

}  // namespace

const std::vector<CatalogueList>& catalogue_lists() {
    static const std::vector<CatalogueList> lists = build_lists();
    return lists;
}

}  // namespace cv::catalogue
