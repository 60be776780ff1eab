#include "catalogue/pages.hpp"

#include <json/json.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "catalogue/release_windows.hpp"
#include "core/json.hpp"

namespace cv::catalogue {
namespace {

constexpr Json::ArrayIndex kMaxCast = 20;
constexpr Json::ArrayIndex kMaxSimilar = 20;

// A member as it is, or null when TMDB left it out (or `object` is no object).
const Json::Value& member(const Json::Value& object, const char* name) {
    static const Json::Value none;
    if (!object.isObject()) return none;
    const Json::Value* found = object.find(name, name + std::strlen(name));
    return found ? *found : none;
}

Json::Value picked(const Json::Value& object, std::initializer_list<const char*> names) {
    Json::Value out(Json::objectValue);
    for (const char* name : names) out[name] = member(object, name);
    return out;
}

Json::Value list_of(const Json::Value& items, std::initializer_list<const char*> names,
                    Json::ArrayIndex limit = 1000) {
    Json::Value out(Json::arrayValue);
    if (!items.isArray()) return out;
    for (const auto& item : items) {
        if (out.size() >= limit) break;
        if (item.isObject()) out.append(picked(item, names));
    }
    return out;
}

std::string text_of(const Json::Value& value) {
    return value.isString() ? value.asString() : std::string();
}

// The contract's trailer rule: an official Trailer in the asked language, else a Trailer in
// English, else a Teaser (the asked language's, then English's, then any); null without.
Json::Value trailer(const Json::Value& videos, const std::string& language) {
    const Json::Value& results = member(videos, "results");
    if (!results.isArray()) return Json::Value();
    auto find = [&](auto&& wanted) -> const Json::Value* {
        for (const auto& video : results) {
            if (video.isObject() && !text_of(member(video, "key")).empty() && wanted(video))
                return &video;
        }
        return nullptr;
    };
    auto of = [](const Json::Value& video, const char* type, const std::string& lang) {
        return text_of(member(video, "type")) == type &&
               text_of(member(video, "iso_639_1")) == lang;
    };
    const Json::Value* chosen = find([&](const Json::Value& v) {
        const Json::Value& official = member(v, "official");
        return of(v, "Trailer", language) && official.isBool() && official.asBool();
    });
    if (!chosen) chosen = find([&](const Json::Value& v) { return of(v, "Trailer", "en"); });
    if (!chosen) chosen = find([&](const Json::Value& v) { return of(v, "Teaser", language); });
    if (!chosen) chosen = find([&](const Json::Value& v) { return of(v, "Teaser", "en"); });
    if (!chosen)
        chosen = find([](const Json::Value& v) { return text_of(member(v, "type")) == "Teaser"; });
    if (!chosen) return Json::Value();
    return picked(*chosen, {"site", "key", "name"});
}

// The region's offers (JustWatch's data through TMDB), or null when it has none.
Json::Value providers(const Json::Value& watch, const std::string& region) {
    const Json::Value& regions = member(watch, "results");
    if (!regions.isObject() || !regions.isMember(region) || !regions[region].isObject())
        return Json::Value();
    const Json::Value& offers = regions[region];
    Json::Value out(Json::objectValue);
    out["link"] = member(offers, "link");
    for (const char* kind : {"flatrate", "free", "ads", "rent", "buy"}) {
        Json::Value list =
            list_of(member(offers, kind), {"provider_id", "provider_name", "logo_path"});
        if (list.size() > 0) out[kind] = list;
    }
    return out;
}

// An appended list (`similar`, `recommendations`): its items as they are, at most 20.
Json::Value appended_list(const Json::Value& page, const char* name) {
    Json::Value out(Json::arrayValue);
    const Json::Value& results = member(member(page, name), "results");
    if (!results.isArray()) return out;
    for (const auto& item : results) {
        if (out.size() >= kMaxSimilar) break;
        if (item.isObject()) out.append(item);
    }
    return out;
}

// In billing order (TMDB's `order`), at most 20.
std::vector<const Json::Value*> billed(const Json::Value& cast) {
    std::vector<const Json::Value*> people;
    if (!cast.isArray()) return people;
    for (const auto& person : cast) {
        if (person.isObject()) people.push_back(&person);
    }
    std::stable_sort(people.begin(), people.end(), [](const Json::Value* a, const Json::Value* b) {
        auto order = [](const Json::Value* p) {
            const Json::Value& value = member(*p, "order");
            return value.isIntegral() ? value.asInt64() : Json::Int64{1} << 40;
        };
        return order(a) < order(b);
    });
    if (people.size() > kMaxCast) people.resize(kMaxCast);
    return people;
}

Json::Value nullable_text(const std::string& text) {
    return text.empty() ? Json::Value() : Json::Value(text);
}

std::optional<Json::Value> parsed_page(const std::string& body) {
    auto page = json::parse(body);
    if (!page || !page->isObject() || !member(*page, "id").isIntegral()) return std::nullopt;
    return page;
}

// The region's cinema release (its theatrical date, else its limited one) and, from it, the
// earliest date each kind of service may show the film (catalogue/release_windows.cpp).
Json::Value release_in(const Json::Value& countries, const std::string& region) {
    std::string theatrical, limited;
    for (Json::ArrayIndex i = 0; countries.isArray() && i < countries.size(); ++i) {
        const Json::Value& country = countries[i];
        if (text_of(member(country, "iso_3166_1")) != region) continue;
        const Json::Value& releases = member(country, "release_dates");
        for (Json::ArrayIndex k = 0; releases.isArray() && k < releases.size(); ++k) {
            const Json::Value& type = member(releases[k], "type");
            std::string date = text_of(member(releases[k], "release_date")).substr(0, 10);
            if (!type.isIntegral() || date.size() != 10) continue;
            std::string& kept = type.asInt() == 3 ? theatrical : limited;
            if (type.asInt() != 3 && type.asInt() != 2) continue;
            if (kept.empty() || date < kept) kept = date;
        }
    }
    std::string cinema = theatrical.empty() ? limited : theatrical;
    Json::Value out(Json::objectValue);
    out["cinema"] = nullable_text(cinema);
    Json::Value windows(Json::arrayValue);
    for (const auto& window : release_windows(cinema)) {
        Json::Value entry(Json::objectValue);
        entry["channel"] = window.channel;
        entry["earliest"] = window.earliest;
        windows.append(entry);
    }
    out["windows"] = windows;
    return out;
}

void common(Json::Value& out, const Json::Value& page, const PageOptions& options) {
    for (const char* name :
         {"overview", "tagline", "poster_path", "backdrop_path", "vote_average", "vote_count"})
        out[name] = member(page, name);
    out["genres"] = list_of(member(page, "genres"), {"id", "name"});
    out["trailer"] = trailer(member(page, "videos"), options.language);
    out["providers"] = providers(member(page, "watch/providers"), options.region);
    out["similar"] = appended_list(page, "similar");
    out["recommendations"] = appended_list(page, "recommendations");
}

}  // namespace

std::optional<std::string> movie_page(const std::string& tmdb_body, const PageOptions& options) {
    auto page = parsed_page(tmdb_body);
    if (!page) return std::nullopt;
    Json::Value out(Json::objectValue);
    out["id"] = member(*page, "id");
    out["media_type"] = "movie";
    for (const char* name : {"title", "original_title", "release_date", "runtime"})
        out[name] = member(*page, name);
    common(out, *page, options);
    // The region's certification: its theatrical release's first, else any release's.
    std::string certification;
    const Json::Value& countries = member(member(*page, "release_dates"), "results");
    if (countries.isArray()) {
        for (const auto& country : countries) {
            if (text_of(member(country, "iso_3166_1")) != options.region) continue;
            const Json::Value& releases = member(country, "release_dates");
            if (!releases.isArray()) continue;
            for (int pass = 0; pass < 2 && certification.empty(); ++pass) {
                for (const auto& release : releases) {
                    const Json::Value& type = member(release, "type");
                    bool theatrical = type.isIntegral() && type.asInt() == 3;
                    std::string given = text_of(member(release, "certification"));
                    if ((pass == 1 || theatrical) && !given.empty()) {
                        certification = given;
                        break;
                    }
                }
            }
        }
    }
    out["certification"] = nullable_text(certification);
    const Json::Value& saga = member(*page, "belongs_to_collection");
    out["collection"] = saga.isObject() && member(saga, "id").isIntegral()
                            ? picked(saga, {"id", "name", "poster_path"})
                            : Json::Value();
    out["release_fr"] = release_in(countries, options.region);
    Json::Value directors(Json::arrayValue);
    const Json::Value& crew = member(member(*page, "credits"), "crew");
    if (crew.isArray()) {
        for (const auto& person : crew) {
            if (text_of(member(person, "job")) == "Director")
                directors.append(picked(person, {"id", "name"}));
        }
    }
    out["directors"] = directors;
    Json::Value cast(Json::arrayValue);
    for (const Json::Value* person : billed(member(member(*page, "credits"), "cast")))
        cast.append(picked(*person, {"id", "name", "character", "profile_path"}));
    out["cast"] = cast;
    return json::write(out);
}

std::optional<std::string> tv_page(const std::string& tmdb_body, const PageOptions& options) {
    auto page = parsed_page(tmdb_body);
    if (!page) return std::nullopt;
    Json::Value out(Json::objectValue);
    out["id"] = member(*page, "id");
    out["media_type"] = "tv";
    for (const char* name : {"name", "original_name", "first_air_date", "last_air_date",
                             "number_of_seasons", "number_of_episodes"})
        out[name] = member(*page, name);
    common(out, *page, options);
    const Json::Value& run_times = member(*page, "episode_run_time");
    out["episode_run_time"] =
        run_times.isArray() && run_times.size() > 0 ? run_times[0] : Json::Value();
    std::string certification;
    const Json::Value& ratings = member(member(*page, "content_ratings"), "results");
    if (ratings.isArray()) {
        for (const auto& rating : ratings) {
            if (text_of(member(rating, "iso_3166_1")) == options.region)
                certification = text_of(member(rating, "rating"));
        }
    }
    out["certification"] = nullable_text(certification);
    out["creators"] = list_of(member(*page, "created_by"), {"id", "name"});
    out["networks"] = list_of(member(*page, "networks"), {"id", "name", "logo_path"});
    // A series' cast: the character is the role played in the most episodes.
    Json::Value cast(Json::arrayValue);
    for (const Json::Value* person : billed(member(member(*page, "aggregate_credits"), "cast"))) {
        Json::Value entry = picked(*person, {"id", "name", "profile_path"});
        std::string character;
        Json::Int64 most = -1;
        const Json::Value& roles = member(*person, "roles");
        for (Json::ArrayIndex i = 0; roles.isArray() && i < roles.size(); ++i) {
            const Json::Value& count = member(roles[i], "episode_count");
            Json::Int64 episodes = count.isIntegral() ? count.asInt64() : 0;
            if (episodes > most && member(roles[i], "character").isString()) {
                most = episodes;
                character = member(roles[i], "character").asString();
            }
        }
        entry["character"] = nullable_text(character);
        cast.append(entry);
    }
    out["cast"] = cast;
    return json::write(out);
}

std::string movie_page_query(const std::string& language) {
    std::string video_language = language.substr(0, 2);
    return "language=" + language +
           "&append_to_response=credits,videos,watch/providers,similar,recommendations,"
           "release_dates"
           "&include_video_language=" +
           video_language + ",en,null";
}

std::string tv_page_query(const std::string& language) {
    std::string video_language = language.substr(0, 2);
    return "language=" + language +
           "&append_to_response=aggregate_credits,videos,watch/providers,similar,recommendations,"
           "content_ratings"
           "&include_video_language=" +
           video_language + ",en,null";
}

}  // namespace cv::catalogue
