#include "diary/entries.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>

#include "core/failure.hpp"
#include "core/text.hpp"

namespace cv::diary {
namespace {

[[noreturn]] void refuse(const std::string& message) {
    throw Failure::invalid_input(message);
}

bool is_given(const Json::Value& body, const char* name) {
    return body.isMember(name);
}

}  // namespace

bool is_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    auto number = [&](std::size_t at, std::size_t length) {
        return std::stoi(text.substr(at, length));
    };
    std::chrono::year_month_day date{std::chrono::year(number(0, 4)),
                                     std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                     std::chrono::day(static_cast<unsigned>(number(8, 2)))};
    return date.ok();
}

EntryFields read_entry_fields(const Json::Value& body, const std::string& today) {
    EntryFields fields;
    if (is_given(body, "watched_on") && !body["watched_on"].isNull()) {
        const Json::Value& value = body["watched_on"];
        // A viewing happened: not in the future, not before cinema.
        if (!value.isString() || !is_date(value.asString()) || value.asString() > today ||
            value.asString() < "1888-01-01")
            refuse("watched_on must be a date YYYY-MM-DD, not in the future");
        fields.watched_on = value.asString();
    }
    if (is_given(body, "rating")) {
        const Json::Value& value = body["rating"];
        if (value.isNull()) {
            fields.rating_halves = std::optional<int>();
        } else {
            double stars = value.isNumeric() ? value.asDouble() : -1;
            double halves = stars * 2;
            if (!value.isNumeric() || stars < 0.5 || stars > 5 || halves != std::floor(halves))
                refuse("rating must be 0.5 to 5 in halves, or null");
            fields.rating_halves = static_cast<int>(halves);
        }
    }
    if (is_given(body, "review")) {
        const Json::Value& value = body["review"];
        if (value.isNull()) {
            fields.review = std::optional<std::string>();
        } else {
            if (!value.isString()) refuse("review must be a string or null");
            std::string text(text::trim(value.asString()));
            // Plain text: line breaks and tabs are kept, other controls refused.
            std::string without_breaks = text;
            for (char& c : without_breaks) {
                if (c == '\n' || c == '\t') c = ' ';
                if (c == '\r') c = ' ';
            }
            if (text::code_points(text) > kReviewMax ||
                text::has_control_characters(without_breaks))
                refuse("review must be at most 5000 characters of text");
            fields.review = text.empty() ? std::optional<std::string>() : std::optional(text);
        }
    }
    for (auto [name, target] :
         {std::pair{"rewatch", &fields.rewatch}, std::pair{"public", &fields.is_public}}) {
        if (!is_given(body, name) || body[name].isNull()) continue;
        if (!body[name].isBool()) refuse(std::string(name) + " must be true or false");
        *target = body[name].asBool();
    }
    return fields;
}

std::optional<int> parse_rating(const std::string& text) {
    if (text.empty() || text.size() > 4 ||
        text.find_first_not_of("0123456789.") != std::string::npos)
        return std::nullopt;
    char* end = nullptr;
    double stars = std::strtod(text.c_str(), &end);
    if (*end != '\0' || stars < 0.5 || stars > 5 || stars * 2 != std::floor(stars * 2))
        return std::nullopt;
    return static_cast<int>(stars * 2);
}

Json::Value rating_json(std::optional<int> halves) {
    if (!halves) return Json::Value();
    if (*halves % 2 == 0) return Json::Value(*halves / 2);
    return Json::Value(*halves / 2.0);
}

}  // namespace cv::diary
