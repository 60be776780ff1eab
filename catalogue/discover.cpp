#include "catalogue/discover.hpp"

#include <json/json.h>

#include <algorithm>
#include <set>

#include "core/failure.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace cv::catalogue {
namespace {

[[noreturn]] void refuse(const std::string& name) {
    throw Failure::invalid_input("Invalid parameter: " + name);
}

// Every rating sort asks for at least this many votes: one 10/10 vote never tops it.
constexpr long kRatingVoteFloor = 100;
constexpr std::size_t kMostIds = 30;

// A value given and not empty (an empty one is the default, as if absent).
std::optional<std::string> given(const ParameterReader& read, const std::string& name) {
    auto value = read(name);
    if (!value || text::trim(*value).empty()) return std::nullopt;
    return std::string(text::trim(*value));
}

long whole(const ParameterReader& read, const std::string& name, long min, long max, long absent) {
    auto value = given(read, name);
    if (!value) return absent;
    auto number = text::parse_integer(*value, min, max);
    if (!number) refuse(name);
    return *number;
}

// Ids as a set: sorted, each once, positive, at most kMostIds of them.
std::set<long> ids(const ParameterReader& read, const std::string& name) {
    std::set<long> out;
    auto value = given(read, name);
    if (!value) return out;
    std::string_view rest = *value;
    while (true) {
        auto comma = rest.find(',');
        auto id = text::parse_integer(text::trim(rest.substr(0, comma)), 1, 1'000'000'000);
        if (!id) refuse(name);
        out.insert(*id);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (out.size() > kMostIds) refuse(name);
    return out;
}

// Words of a closed set, as a sorted set.
std::set<std::string> words(const ParameterReader& read, const std::string& name,
                            const std::set<std::string>& allowed) {
    std::set<std::string> out;
    auto value = given(read, name);
    if (!value) return out;
    std::string_view rest = *value;
    while (true) {
        auto comma = rest.find(',');
        std::string word(text::trim(rest.substr(0, comma)));
        if (allowed.count(word) == 0) refuse(name);
        out.insert(word);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

// One of a closed set, or the default.
std::string choice(const ParameterReader& read, const std::string& name,
                   const std::set<std::string>& allowed, const std::string& absent) {
    auto value = given(read, name);
    if (!value) return absent;
    if (allowed.count(*value) == 0) refuse(name);
    return *value;
}

// 0 to 10 with at most one decimal, spelled the shortest way ("7", "7.5"); "" when absent
// or 0 (no filter).
std::string rating(const ParameterReader& read, const std::string& name) {
    auto value = given(read, name);
    if (!value) return "";
    std::string_view text = *value;
    auto dot = text.find('.');
    auto units = text::parse_integer(text.substr(0, dot), 0, 10);
    long tenths = 0;
    if (dot != std::string_view::npos) {
        auto decimals = text.substr(dot + 1);
        if (decimals.empty() || decimals.size() > 2 ||
            decimals.find_first_not_of("0123456789") != std::string_view::npos)
            refuse(name);
        if (decimals.size() == 2 && decimals[1] != '0') refuse(name);
        tenths = decimals[0] - '0';
    }
    if (!units || (*units == 10 && tenths > 0)) refuse(name);
    if (*units == 0 && tenths == 0) return "";
    std::string spelled = std::to_string(*units);
    if (tenths > 0) {
        spelled += '.';
        spelled += std::to_string(tenths);
    }
    return spelled;
}

std::string joined(const auto& values, const char* separator) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += separator;
        if constexpr (std::is_integral_v<std::decay_t<decltype(value)>>)
            out += std::to_string(value);
        else
            out += value;
    }
    return out;
}

}  // namespace

const std::vector<std::string>& discover_parameters() {
    static const std::vector<std::string> names = {"genres",
                                                   "genres_mode",
                                                   "year_from",
                                                   "year_to",
                                                   "rating_min",
                                                   "votes_min",
                                                   "runtime_min",
                                                   "runtime_max",
                                                   "original_language",
                                                   "certification_max",
                                                   "providers",
                                                   "monetization",
                                                   "sort",
                                                   "page"};
    return names;
}

DiscoverQuery discover_query(MediaType media, const ParameterReader& read,
                             const std::string& language, const std::string& region) {
    bool movie = media == MediaType::movie;
    auto genres = ids(read, "genres");
    std::string genres_mode = choice(read, "genres_mode", {"all", "any"}, "all");
    long year_from = whole(read, "year_from", 1870, 2100, 0);
    long year_to = whole(read, "year_to", 1870, 2100, 0);
    if (year_from && year_to && year_from > year_to) refuse("year_to");
    std::string rating_min = rating(read, "rating_min");
    long votes_min = whole(read, "votes_min", 0, 10'000'000, 0);
    long runtime_min = whole(read, "runtime_min", 0, 1000, 0);
    long runtime_max = whole(read, "runtime_max", 1, 1000, 0);
    if (runtime_max && runtime_min > runtime_max) refuse("runtime_max");
    std::string original_language;
    if (auto asked = given(read, "original_language")) {
        bool iso = asked->size() == 2 && std::islower(static_cast<unsigned char>((*asked)[0])) &&
                   std::islower(static_cast<unsigned char>((*asked)[1]));
        if (!iso) refuse("original_language");
        original_language = *asked;
    }
    // French age ratings, mildest first; series have no such filter at TMDB.
    std::string certification_max =
        choice(read, "certification_max", {"U", "10", "12", "16", "18"}, "");
    if (!movie && !certification_max.empty()) refuse("certification_max");
    auto providers = ids(read, "providers");
    auto monetization = words(read, "monetization", {"flatrate", "free", "ads", "rent", "buy"});
    std::string sort =
        choice(read, "sort", {"popularity", "rating", "release", "title"}, "popularity");
    long page = whole(read, "page", 1, 500, 1);

    // One spelling: a fixed order, each value normalised, defaults dropped.
    std::string query = "include_adult=false&language=" + language + "&region=" + region +
                        "&watch_region=" + region;
    auto add = [&query](const std::string& name, const std::string& value) {
        query += "&" + name + "=" + value;
    };
    // TMDB: "," is all of them, "|" any of them.
    if (!genres.empty())
        add("with_genres", joined(genres, genres_mode == "any" && genres.size() > 1 ? "%7C" : ","));
    std::string dates = movie ? "primary_release_date" : "first_air_date";
    if (year_from) add(dates + ".gte", std::to_string(year_from) + "-01-01");
    if (year_to) add(dates + ".lte", std::to_string(year_to) + "-12-31");
    if (!rating_min.empty()) add("vote_average.gte", rating_min);
    if (sort == "rating") votes_min = std::max(votes_min, kRatingVoteFloor);
    if (votes_min) add("vote_count.gte", std::to_string(votes_min));
    if (runtime_min) add("with_runtime.gte", std::to_string(runtime_min));
    if (runtime_max) add("with_runtime.lte", std::to_string(runtime_max));
    if (!original_language.empty()) add("with_original_language", original_language);
    if (!certification_max.empty()) {
        add("certification_country", region);
        add("certification.lte", certification_max);
    }
    if (!providers.empty()) add("with_watch_providers", joined(providers, "%7C"));
    if (!monetization.empty()) add("with_watch_monetization_types", joined(monetization, "%7C"));
    const char* sort_by = sort == "rating" ? "vote_average.desc"
                          : sort == "release"
                              ? (movie ? "primary_release_date.desc" : "first_air_date.desc")
                          : sort == "title" ? (movie ? "title.asc" : "name.asc")
                                            : "popularity.desc";
    add("sort_by", sort_by);
    if (page != 1) add("page", std::to_string(page));
    return {movie ? "/discover/movie" : "/discover/tv", query};
}

std::optional<std::string> discover_page(const std::string& tmdb_body) {
    auto document = json::parse(tmdb_body);
    if (!document || !document->isObject()) return std::nullopt;
    const Json::Value& results = (*document)["results"];
    if (!results.isArray()) return std::nullopt;
    auto number = [&](const char* name, Json::Int64 fallback) {
        const Json::Value& value = (*document)[name];
        return value.isIntegral() ? value.asInt64() : fallback;
    };
    Json::Value out(Json::objectValue);
    out["page"] = number("page", 1);
    // TMDB serves no page past 500, whatever it counts.
    out["total_pages"] = std::min<Json::Int64>(number("total_pages", 1), 500);
    out["total_results"] = number("total_results", static_cast<Json::Int64>(results.size()));
    out["results"] = results;
    return json::write(out);
}

}  // namespace cv::catalogue
