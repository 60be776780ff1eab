#pragma once
// A diary entry's fields as a client sends them (contract, The diary), checked: a viewing's
// date, a rating in half stars, a review in plain text, rewatch and public flags. Pure: no I/O.
#include <json/json.h>

#include <optional>
#include <string>

namespace cv::diary {

constexpr std::size_t kReviewMax = 5000;  // characters (code points)

// What a POST or PATCH gives. For a PATCH, a field left out stays as it is; a field given as
// null clears it (rating, review).
struct EntryFields {
    std::optional<std::string> watched_on;            // YYYY-MM-DD
    std::optional<std::optional<int>> rating_halves;  // 1 (½ ★) to 10 (★★★★★), or cleared
    std::optional<std::optional<std::string>> review;  // plain text, trimmed, or cleared
    std::optional<bool> rewatch;
    std::optional<bool> is_public;
};

// Reads the fields of a JSON object body; a field out of its rule throws
// Failure(invalid_input) naming it. `today` (YYYY-MM-DD) bounds the viewing's date.
EntryFields read_entry_fields(const Json::Value& body, const std::string& today);

// A rating as text ("3.5", "4") in half stars (7, 8); nullopt unless 0.5 to 5 in halves.
std::optional<int> parse_rating(const std::string& text);

// The rating as the contract spells it (3.5), or null.
Json::Value rating_json(std::optional<int> halves);

// Whether `text` is a date as the contract spells it, and a real one (2026-02-30 is not).
bool is_date(const std::string& text);

}  // namespace cv::diary
