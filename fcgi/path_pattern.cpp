#include "fcgi/path_pattern.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace cv::fcgi {
namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') return segments;
    path.remove_prefix(1);
    while (true) {
        auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

std::string escape_regex(std::string_view literal) {
    std::string out;
    for (char c : literal) {
        if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route path must start with '/': " + text_);
    for (std::string_view part : split_segments(pattern)) {
        Segment segment;
        if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
            exact_ = false;
            std::string_view inside = part.substr(1, part.size() - 2);
            auto colon = inside.find(':');
            segment.text = std::string(inside.substr(0, colon));
            std::string_view type =
                colon == std::string_view::npos ? std::string_view{} : inside.substr(colon + 1);
            if (segment.text.empty()) throw std::invalid_argument("unnamed parameter in " + text_);
            if (type.empty()) {
                segment.kind = Segment::Kind::any;
            } else if (type == "int") {
                segment.kind = Segment::Kind::integer;
            } else {
                segment.kind = Segment::Kind::choice;
                while (!type.empty()) {
                    auto bar = type.find('|');
                    segment.choices.emplace_back(type.substr(0, bar));
                    type =
                        bar == std::string_view::npos ? std::string_view{} : type.substr(bar + 1);
                }
            }
        } else if (part.find_first_of("{}") != std::string_view::npos) {
            throw std::invalid_argument("a parameter must be a whole segment: " + text_);
        } else {
            segment.text = std::string(part);
        }
        segments_.push_back(std::move(segment));
    }
}

std::optional<PathPattern::Params> PathPattern::match(std::string_view path) const {
    if (exact_) return path == text_ ? std::optional<Params>(Params{}) : std::nullopt;
    auto parts = split_segments(path);
    if (parts.size() != segments_.size()) return std::nullopt;
    Params params;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Segment& segment = segments_[i];
        std::string_view part = parts[i];
        switch (segment.kind) {
            case Segment::Kind::literal:
                if (part != segment.text) return std::nullopt;
                continue;
            case Segment::Kind::any:
                if (part.empty()) return std::nullopt;
                break;
            case Segment::Kind::integer:
                if (!text::parse_integer(part, 1, 2147483647)) return std::nullopt;
                break;
            case Segment::Kind::choice: {
                bool listed = false;
                for (const auto& choice : segment.choices) listed = listed || part == choice;
                if (!listed) return std::nullopt;
                break;
            }
        }
        params.emplace_back(segment.text, std::string(part));
    }
    return params;
}

std::string PathPattern::regex() const {
    std::string out = "^";
    for (const Segment& segment : segments_) {
        out += '/';
        switch (segment.kind) {
            case Segment::Kind::literal:
                out += escape_regex(segment.text);
                break;
            case Segment::Kind::any:
                out += "[^/]+";
                break;
            case Segment::Kind::integer:
                out += "[0-9]+";
                break;
            case Segment::Kind::choice: {
                out += "(?:";
                for (std::size_t i = 0; i < segment.choices.size(); ++i) {
                    if (i > 0) out += '|';
                    out += escape_regex(segment.choices[i]);
                }
                out += ")";
                break;
            }
        }
    }
    return out + "$";
}

}  // namespace cv::fcgi
