#pragma once
// A title's French offers as the offers job reads them from TMDB (one call a title: the page
// with `watch/providers`, and `release_dates` for a film), and what changed between two
// checks. Pure functions: no I/O.
#include <optional>
#include <string>
#include <vector>

namespace cv::platforms {

// Provider ids by kind of offer, each list in the region's display order.
struct Offers {
    std::vector<int> flatrate, free, ads, rent, buy;
    std::optional<std::string> cinema_date;  // the French theatrical date, YYYY-MM-DD

    // Where it streams, whatever the service's kind: flatrate, free and with ads.
    std::vector<int> streaming() const;
    bool operator==(const Offers&) const = default;
};

// A service as TMDB lists it in an offer.
struct Service {
    int id = 0;
    std::string name;
    std::optional<std::string> logo_path;
    int display_priority = 1000;
    bool subscription = false;  // offered by subscription (flatrate) here
};

// What one check learns of a title.
struct TitleCheck {
    std::string title;  // a series' name
    std::optional<std::string> poster_path;
    Offers offers;
    std::vector<Service> services;  // every service of its offers, by id
};

// The TMDB call of a check: `/movie/{id}` or `/tv/{id}` and its query.
std::string check_path(const std::string& media_type, long tmdb_id);
std::string check_query(const std::string& media_type, const std::string& language);

// TMDB's page → the title's offers in `region`; nullopt when it is not a page.
std::optional<TitleCheck> read_check(const std::string& tmdb_body, const std::string& media_type,
                                     const std::string& region);

enum class ChangeKind { arrived, left, in_cinemas, to_rent };
const char* name_of(ChangeKind kind);

struct Change {
    ChangeKind kind;
    std::optional<int> provider_id;  // arrived and left: the service; to_rent: the first renter
    bool operator==(const Change&) const = default;
};

// The title's state at its previous check.
struct Previous {
    Offers offers;
    std::string checked_on;  // the day of that check, YYYY-MM-DD
};

// What changed since `previous` (nullopt: the first check, a baseline that is no news): each
// streaming service it arrived on or left; French cinemas, when its date has come (within
// the last four weeks, `recent_from` on) and had not at the previous check; rentable, when
// it was not. Dates are YYYY-MM-DD, `today` and `recent_from` the database's.
std::vector<Change> changes_since(const std::optional<Previous>& previous, const Offers& now,
                                  const std::string& today, const std::string& recent_from);

// A PostgreSQL integer[] literal ("{8,119}") and back.
std::string array_literal(const std::vector<int>& ids);
std::vector<int> parse_array(const std::string& literal);

}  // namespace cv::platforms
