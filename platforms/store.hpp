#pragma once
// A user's view of the offers, derived in SQL from the offers kept a title (sql/009): their
// services, their watchlist with where each item streams, which subscription streams most of
// it, their news and its private feed.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace cv::platforms {

// A service as the answers show it: {provider_id, provider_name, logo_path, display_priority}.
struct ServiceRef {
    int id = 0;
    std::string name;
    std::optional<std::string> logo_path;
    int display_priority = 0;
};

struct NewsItem {
    long long id = 0;
    std::string kind;  // arrived, left, in_cinemas, to_rent
    std::string media_type;
    long title_id = 0;
    std::string title;
    std::optional<std::string> poster_path;
    std::optional<ServiceRef> provider;
    std::string at;  // ISO 8601, UTC
};

struct News {
    long unread = 0;
    std::vector<NewsItem> items;  // newest first
};

// The offers kept now, for the status page and the metrics.
struct OffersSummary {
    long titles = 0;
    long never_checked = 0;
    long due = 0;  // not checked within the refresh interval
    double oldest_check_age_seconds = 0;
};

class PlatformsStore {
  public:
    explicit PlatformsStore(db::Database& database) : db_(database) {}

    // The user's services, by id.
    std::vector<int> services(const std::string& user_id);
    // Replaces them with `ids` (checked by the caller against the region's services); returns
    // the saved set, by id.
    std::vector<int> save_services(const std::string& user_id, std::vector<int> ids);

    // The watchlist's answer: each item with its "where" ({mine, flatrate, rent, buy,
    // checked_at}), newest first; with `mine_only`, the items streaming on one of the user's
    // services.
    std::string watchlist_json(const std::string& user_id, bool mine_only);
    // For each subscription service, how many titles of the user's list it streams now, most
    // first: [{"provider": {…}, "titles": n}].
    std::string advice_json(const std::string& user_id);

    // The user's news, newest first (at most `limit`; with `unread_only`, those after their
    // mark), and how many are unread.
    News news(const std::string& user_id, bool unread_only, int limit);
    // Marks read up to `up_to` (never back, never past their newest); returns the unread left.
    long mark_read(const std::string& user_id, long long up_to);

    // A new private feed for the user (the previous one revoked); returns its token.
    std::string new_feed(const std::string& user_id);
    // Whether the user had one, now revoked.
    bool revoke_feed(const std::string& user_id);
    // The feed a token names, if it is live.
    struct Feed {
        std::string user_id;
        std::string created_at;  // ISO 8601, UTC
    };
    std::optional<Feed> feed(const std::string& token);

    // What the data export holds of it: {"services": [ids], "news": [items], "news_read_up_to":
    // id, "feed": {"created_at"} | null} (never a feed's token: only its hash is kept).
    std::string everything_of(const std::string& user_id);

    OffersSummary summary(std::chrono::seconds refresh_after);
    // Deletes the changes older than `keep`, and the news of them; returns how many changes.
    long purge_news(std::chrono::seconds keep);

  private:
    db::Database& db_;
};

// The JSON of a news item, as /api/me/news gives it.
std::string news_item_json(const NewsItem& item);

}  // namespace cv::platforms
