#pragma once
#include <json/json.h>

#include <optional>
#include <string>
#include <string_view>

namespace cv::fcgi {

// Compact JSON with UTF-8 emitted as is (not \u-escaped).
std::string to_json(const Json::Value& value);

// Strict parse: valid UTF-8, one JSON value, no trailing bytes, no duplicate keys, bounded
// nesting. Returns nullopt (and a short reason) on any violation.
std::optional<Json::Value> parse_json(std::string_view text, std::string* reason = nullptr);

bool is_valid_utf8(std::string_view text);

}  // namespace cv::fcgi
