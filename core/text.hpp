#pragma once
// Small text helpers every layer needs, written once.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cv::text {

// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view text);
// ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string lower(std::string_view text);
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

// Well-formed UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool is_valid_utf8(std::string_view text);
// Number of Unicode code points of valid UTF-8 text.
std::size_t code_points(std::string_view utf8);
// C0 controls, DEL and the C1 controls (U+0080–U+009F).
bool has_control_characters(std::string_view utf8);

// A whole decimal number in [min, max], nothing else (no sign, spaces or leading zeros
// unless the number is 0).
std::optional<long> parse_integer(std::string_view text, long min, long max);

// RFC 3986 percent-encoding of a query value: unreserved characters kept, every other byte
// %XX (a space too).
std::string percent_encode(std::string_view text);

// Text made safe inside HTML or XML, in an element or a quoted attribute: & < > " and '
// as entities (&#39;, which both read).
std::string escape_markup(std::string_view text);

}  // namespace cv::text
