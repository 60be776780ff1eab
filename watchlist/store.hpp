#pragma once
// A user's watchlist in PostgreSQL. The list's limit holds under concurrent adds (the user's
// row is locked while an add counts), and an item is one row whatever the number of adds.
// Listing it, with where each item streams, is the platforms' store's (platforms/store.hpp).
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace cv::watchlist {

struct Snapshot {  // what the list shows of a title, taken from its page
    std::string title;
    std::optional<std::string> poster_path;
    std::optional<std::string> release_date;
};

struct Item {
    std::string media_type;  // "movie" or "tv"
    long tmdb_id = 0;
    Snapshot snapshot;
    std::string added_at;  // ISO 8601, UTC: "2026-12-01T18:40:00Z"
};

class WatchlistStore {
  public:
    WatchlistStore(db::Database& database, int max_items) : db_(database), max_items_(max_items) {}

    // The user's items, newest first, as a JSON array (each item's own object, kept ready with
    // its row: what the data export holds; GET /api/watchlist adds where each streams).
    std::string items_json(const std::string& user_id);

    std::optional<Item> find(const std::string& user_id, const std::string& media_type,
                             long tmdb_id);
    // Adds the item, or answers the one already there (its added_at kept). A list already at
    // its limit throws Failure(conflict, "Watchlist is full").
    Item add(const std::string& user_id, const std::string& media_type, long tmdb_id,
             const Snapshot& snapshot);
    // Whether there was such an item.
    bool remove(const std::string& user_id, const std::string& media_type, long tmdb_id);

  private:
    db::Database& db_;
    int max_items_;
};

}  // namespace cv::watchlist
