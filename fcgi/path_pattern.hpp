#pragma once
// A route's path: exact ("/api/trending-movies") or with typed parameters, one a segment:
//   {name}           any non-empty segment
//   {name:int}       a positive integer below 2^31 ("653"; not "0", "007" or "-1")
//   {name:a|b|c}     one of the words listed
// A path that matches the shape but not a parameter's type matches nothing (404).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cv::fcgi {

class PathPattern {
  public:
    using Params = std::vector<std::pair<std::string, std::string>>;

    // Throws std::invalid_argument on a malformed pattern (a table error, found at start).
    explicit PathPattern(std::string_view pattern);

    const std::string& text() const { return text_; }
    bool is_exact() const { return exact_; }
    // The parameters, or nullopt when `path` does not match.
    std::optional<Params> match(std::string_view path) const;
    // A PCRE regular expression matching the same paths, anchored; the front server routes
    // on it (a parameter's type is checked by match(), the regex only keeps its shape).
    std::string regex() const;

  private:
    struct Segment {
        enum class Kind { literal, any, integer, choice } kind = Kind::literal;
        std::string text;                  // the literal, or the parameter's name
        std::vector<std::string> choices;  // Kind::choice
    };

    std::string text_;
    bool exact_ = true;
    std::vector<Segment> segments_;
};

}  // namespace cv::fcgi
