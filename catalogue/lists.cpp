#include "catalogue/lists.hpp"

namespace cv::catalogue {
namespace {

struct Genre {
    const char* slug;
    int tmdb_id;
    const char* title;
};

// The contract's genre slugs, TMDB's genre ids and the French names of the home page's rows.
constexpr Genre kGenres[] = {
    {"action", 28, "Action"},
    {"adventure", 12, "Aventure"},
    {"animation", 16, "Animation"},
    {"comedy", 35, "Comédie"},
    {"crime", 80, "Policier"},
    {"documentary", 99, "Documentaire"},
    {"drama", 18, "Drame"},
    {"family", 10751, "Familial"},
    {"fantasy", 14, "Fantastique"},
    {"history", 36, "Histoire"},
    {"horror", 27, "Horreur"},
    {"music", 10402, "Musique"},
    {"mystery", 9648, "Mystère"},
    {"romance", 10749, "Romance"},
    {"sciencefiction", 878, "Science-fiction"},
    {"thriller", 53, "Thriller"},
    {"war", 10752, "Guerre"},
    {"western", 37, "Western"},
};

std::vector<CatalogueList> build_lists() {
    std::vector<CatalogueList> lists = {
        {"/api/trending-movies", "/trending/movie/week", "", "Films tendance"},
        {"/api/trending-tv", "/trending/tv/week", "", "Séries tendance"},
    };
    for (const auto& genre : kGenres) {
        lists.push_back({std::string("/api/discover-") + genre.slug + "-movies", "/discover/movie",
                         "with_genres=" + std::to_string(genre.tmdb_id), genre.title});
    }
    return lists;
}

}  // namespace

const std::vector<CatalogueList>& catalogue_lists() {
    static const std::vector<CatalogueList> lists = build_lists();
    return lists;
}

}  // namespace cv::catalogue
