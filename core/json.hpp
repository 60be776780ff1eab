#pragma once
// JSON in and out, the same way everywhere: compact output with UTF-8 as is, strict input.
#include <json/json.h>

#include <optional>
#include <string>
#include <string_view>

namespace cv::json {

// Compact JSON with UTF-8 emitted as is (not \u-escaped).
std::string write(const Json::Value& value);

// Strict parse: valid UTF-8, one JSON value, no trailing bytes, no duplicate keys, bounded
// nesting. Returns nullopt (and a short reason) on any violation.
std::optional<Json::Value> parse(std::string_view text, std::string* reason = nullptr);

// A member that is a string, or nullopt.
std::optional<std::string> string_member(const Json::Value& object, const char* name);

}  // namespace cv::json
