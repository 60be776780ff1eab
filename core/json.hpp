#pragma once
// JSON in and out, the same way everywhere: compact output with UTF-8 as is, strict input.
#include <json/json.h>

#include <optional>
#include <string>
#include <string_view>

namespace cv::json {

// Compact JSON with UTF-8 emitted as is (not \u-escaped).
std::string write(const Json::Value& value);

struct ParseError {
    std::string reason;  // short, for a client: "malformed JSON"
    // The member holding a string that is not UTF-8 text once its escapes are decoded
    // ("username", "items[2].name"); empty for any other problem.
    std::string field;
};

// Strict parse: valid UTF-8, one JSON value, no trailing bytes, no duplicate keys, bounded
// nesting, and every string (member names too) valid UTF-8 text *after* its escapes are
// decoded — a lone surrogate escape ("\udc00") decodes to bytes that are not UTF-8, and a
// "\u0000" to a NUL that no PostgreSQL text can hold. Returns nullopt (and the problem) on
// any violation: such bytes never get past the JSON boundary.
std::optional<Json::Value> parse(std::string_view text, ParseError* problem = nullptr);

// A member that is a string, or nullopt.
std::optional<std::string> string_member(const Json::Value& object, const char* name);

}  // namespace cv::json
