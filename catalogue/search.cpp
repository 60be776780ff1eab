#include "catalogue/search.hpp"

#include "core/text.hpp"

namespace cv::catalogue {

std::optional<std::string> normalised_search(std::string_view query) {
    if (!text::is_valid_utf8(query)) return std::nullopt;
    std::string out;
    bool space = false;
    for (char c : text::trim(query)) {
        // Tabs and newlines are control characters, refused below; spaces collapse.
        if (c == ' ') {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    out = text::lower(out);
    if (out.empty() || text::code_points(out) > 100 || text::has_control_characters(out))
        return std::nullopt;
    return out;
}

std::string search_query(const std::string& normalised, const std::string& language, long page) {
    std::string query =
        "query=" + text::percent_encode(normalised) + "&include_adult=false&language=" + language;
    if (page != 1) query += "&page=" + std::to_string(page);
    return query;
}

}  // namespace cv::catalogue
