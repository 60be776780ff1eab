#pragma once
// What the lists a user keeps (the watchlist, the diary) take of a title: a snapshot of its
// page, through the catalogue cache (never from the client).
#include <optional>
#include <string>
#include <vector>

#include "handlers/http.hpp"

namespace cv::handlers {

struct TitleSnapshot {
    std::string title;  // a series' name
    std::optional<std::string> poster_path;
    std::optional<std::string> release_date;  // a series' first air date
    std::vector<int> genre_ids;
};

// The page of a film or series; 404 "Not found" when TMDB does not know it, 503 "Catalogue
// unavailable" when TMDB fails and nothing is kept.
TitleSnapshot title_snapshot(WorkerContext& ctx, const Request& request,
                             const std::string& media_type, long tmdb_id);

}  // namespace cv::handlers
