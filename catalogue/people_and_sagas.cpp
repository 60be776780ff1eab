#include "catalogue/people_and_sagas.hpp"

#include <json/json.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/json.hpp"

namespace cv::catalogue {
namespace {

const Json::Value& member(const Json::Value& object, const char* name) {
    static const Json::Value none;
    if (!object.isObject()) return none;
    const Json::Value* found = object.find(name, name + std::char_traits<char>::length(name));
    return found ? *found : none;
}

std::string text_of(const Json::Value& value) {
    return value.isString() ? value.asString() : std::string();
}

Json::Value nullable(const std::string& text) {
    return text.empty() ? Json::Value() : Json::Value(text);
}

std::optional<Json::Value> object_with_id(const std::string& body) {
    auto document = json::parse(body);
    if (!document || !document->isObject() || !member(*document, "id").isIntegral())
        return std::nullopt;
    return document;
}

// One title of a person's career, from every credit they have on it.
struct Credit {
    Json::Value entry;
    std::vector<std::string> characters, jobs;
};

void add_once(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

std::string joined(const std::vector<std::string>& values, const char* separator) {
    std::string out;
    for (const auto& value : values) out += (out.empty() ? "" : separator) + value;
    return out;
}

// Undated titles after the dated ones; then newest first.
bool newer(const Json::Value& a, const Json::Value& b) {
    std::string da = text_of(a["date"]), db = text_of(b["date"]);
    if (da.empty() != db.empty()) return db.empty();
    return da > db;
}

}  // namespace

std::optional<std::string> person_page(const std::string& tmdb_body) {
    auto person = object_with_id(tmdb_body);
    if (!person) return std::nullopt;
    Json::Value out(Json::objectValue);
    for (const char* name : {"id", "name", "biography", "birthday", "deathday", "place_of_birth",
                             "profile_path", "known_for_department"})
        out[name] = member(*person, name);
    std::map<std::pair<std::string, Json::Int64>, Credit> by_title;
    std::vector<std::pair<std::string, Json::Int64>> order;
    const Json::Value& credits = member(*person, "combined_credits");
    for (const char* part : {"cast", "crew"}) {
        const Json::Value& list = member(credits, part);
        if (!list.isArray()) continue;
        for (const auto& item : list) {
            std::string media = text_of(member(item, "media_type"));
            if (!member(item, "id").isIntegral() || (media != "movie" && media != "tv")) continue;
            auto key = std::make_pair(media, member(item, "id").asInt64());
            auto [found, added] = by_title.try_emplace(key);
            Credit& credit = found->second;
            if (added) {
                order.push_back(key);
                bool movie = media == "movie";
                credit.entry["media_type"] = media;
                credit.entry["id"] = member(item, "id");
                credit.entry["title"] = member(item, movie ? "title" : "name");
                credit.entry["date"] =
                    nullable(text_of(member(item, movie ? "release_date" : "first_air_date")));
                for (const char* name : {"poster_path", "vote_average", "popularity"})
                    credit.entry[name] = member(item, name);
            }
            if (std::string(part) == "cast")
                add_once(credit.characters, text_of(member(item, "character")));
            else
                add_once(credit.jobs, text_of(member(item, "job")));
        }
    }
    std::vector<Json::Value> entries;
    for (const auto& key : order) {
        Credit& credit = by_title[key];
        credit.entry["character"] = nullable(joined(credit.characters, " / "));
        credit.entry["job"] = nullable(joined(credit.jobs, ", "));
        entries.push_back(std::move(credit.entry));
    }
    std::stable_sort(entries.begin(), entries.end(), newer);
    Json::Value list(Json::arrayValue);
    for (auto& entry : entries) list.append(std::move(entry));
    out["credits"] = list;
    return json::write(out);
}

std::string person_page_query(const std::string& language) {
    return "language=" + language + "&append_to_response=combined_credits";
}

std::string collection_page_query(const std::string& language) {
    return "language=" + language;
}

std::optional<std::string> collection_page(const std::string& tmdb_body) {
    auto saga = object_with_id(tmdb_body);
    if (!saga) return std::nullopt;
    Json::Value out(Json::objectValue);
    for (const char* name : {"id", "name", "overview", "poster_path", "backdrop_path"})
        out[name] = member(*saga, name);
    std::vector<Json::Value> parts;
    const Json::Value& given = member(*saga, "parts");
    for (Json::ArrayIndex i = 0; given.isArray() && i < given.size(); ++i) {
        if (given[i].isObject()) parts.push_back(given[i]);
    }
    // In release order; a part not released yet (no date) last.
    std::stable_sort(parts.begin(), parts.end(), [](const Json::Value& a, const Json::Value& b) {
        std::string da = text_of(member(a, "release_date")),
                    db = text_of(member(b, "release_date"));
        if (da.empty() != db.empty()) return db.empty();
        return da < db;
    });
    Json::Value list(Json::arrayValue);
    for (auto& part : parts) list.append(std::move(part));
    out["parts"] = list;
    return json::write(out);
}

}  // namespace cv::catalogue
