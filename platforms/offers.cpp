#include "platforms/offers.hpp"

#include <json/json.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "core/json.hpp"

namespace cv::platforms {
namespace {

bool contains(const std::vector<int>& ids, int id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// One kind of offer: its providers' ids in display order (then by id), each service noted.
std::vector<int> read_offer(const Json::Value& region, const char* kind,
                            std::map<int, Service>& services) {
    std::vector<std::pair<int, int>> ranked;  // (display priority, id)
    for (const auto& item : region[kind]) {
        if (!item.isObject() || !item["provider_id"].isIntegral()) continue;
        int id = item["provider_id"].asInt();
        if (id <= 0) continue;
        int priority =
            item["display_priority"].isIntegral() ? item["display_priority"].asInt() : 1000;
        Service& service = services[id];
        service.id = id;
        if (item["provider_name"].isString()) service.name = item["provider_name"].asString();
        if (item["logo_path"].isString()) service.logo_path = item["logo_path"].asString();
        service.display_priority = priority;
        service.subscription = service.subscription || std::string(kind) == "flatrate";
        if (std::none_of(ranked.begin(), ranked.end(),
                         [&](const auto& seen) { return seen.second == id; }))
            ranked.emplace_back(priority, id);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<int> ids;
    ids.reserve(ranked.size());
    for (const auto& [priority, id] : ranked) ids.push_back(id);
    return ids;
}

// The French theatrical date: the earliest theatrical release (type 3), else the earliest
// limited one (type 2).
std::optional<std::string> cinema_date(const Json::Value& release_dates,
                                       const std::string& region) {
    std::optional<std::string> theatrical, limited;
    for (const auto& country : release_dates["results"]) {
        if (!country.isObject() || country["iso_3166_1"].asString() != region) continue;
        for (const auto& release : country["release_dates"]) {
            if (!release.isObject() || !release["release_date"].isString()) continue;
            std::string day = release["release_date"].asString().substr(0, 10);
            if (day.size() != 10) continue;
            int type = release["type"].isIntegral() ? release["type"].asInt() : 0;
            if (type != 2 && type != 3) continue;
            auto& earliest = type == 3 ? theatrical : limited;
            if (!earliest || day < *earliest) earliest = day;
        }
    }
    return theatrical ? theatrical : limited;
}

}  // namespace

std::vector<int> Offers::streaming() const {
    std::vector<int> ids;
    for (const auto* kind : {&flatrate, &free, &ads}) {
        for (int id : *kind) {
            if (!contains(ids, id)) ids.push_back(id);
        }
    }
    return ids;
}

std::string check_path(const std::string& media_type, long tmdb_id) {
    return "/" + media_type + "/" + std::to_string(tmdb_id);
}

std::string check_query(const std::string& media_type, const std::string& language) {
    return "language=" + language + "&append_to_response=" +
           (media_type == "movie" ? "watch/providers,release_dates" : "watch/providers");
}

std::optional<TitleCheck> read_check(const std::string& tmdb_body, const std::string& media_type,
                                     const std::string& region) {
    auto page = json::parse(tmdb_body);
    if (!page || !page->isObject() || !(*page)["id"].isIntegral()) return std::nullopt;
    TitleCheck check;
    const Json::Value& title = (*page)[media_type == "movie" ? "title" : "name"];
    check.title = title.isString() ? title.asString() : "";
    const Json::Value& poster = (*page)["poster_path"];
    if (poster.isString() && !poster.asString().empty()) check.poster_path = poster.asString();
    const Json::Value& offers = (*page)["watch/providers"]["results"][region];
    std::map<int, Service> services;
    if (offers.isObject()) {
        check.offers.flatrate = read_offer(offers, "flatrate", services);
        check.offers.free = read_offer(offers, "free", services);
        check.offers.ads = read_offer(offers, "ads", services);
        check.offers.rent = read_offer(offers, "rent", services);
        check.offers.buy = read_offer(offers, "buy", services);
    }
    if (media_type == "movie")
        check.offers.cinema_date = cinema_date((*page)["release_dates"], region);
    for (auto& [id, service] : services) {
        if (service.name.empty()) service.name = std::to_string(id);
        check.services.push_back(std::move(service));
    }
    return check;
}

const char* name_of(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::arrived:
            return "arrived";
        case ChangeKind::left:
            return "left";
        case ChangeKind::in_cinemas:
            return "in_cinemas";
        case ChangeKind::to_rent:
            return "to_rent";
    }
    return "arrived";
}

std::vector<Change> changes_since(const std::optional<Previous>& previous, const Offers& now,
                                  const std::string& today, const std::string& recent_from) {
    std::vector<Change> changes;
    if (!previous) return changes;
    const Offers& before = previous->offers;
    auto was_streaming = before.streaming();
    auto is_streaming = now.streaming();
    for (int id : is_streaming) {
        if (!contains(was_streaming, id)) changes.push_back({ChangeKind::arrived, id});
    }
    for (int id : was_streaming) {
        if (!contains(is_streaming, id)) changes.push_back({ChangeKind::left, id});
    }
    bool opened = now.cinema_date && *now.cinema_date <= today && *now.cinema_date >= recent_from;
    bool had_opened = before.cinema_date && *before.cinema_date <= previous->checked_on;
    if (opened && !had_opened) changes.push_back({ChangeKind::in_cinemas, std::nullopt});
    if (before.rent.empty() && !now.rent.empty())
        changes.push_back({ChangeKind::to_rent, now.rent.front()});
    return changes;
}

std::string array_literal(const std::vector<int>& ids) {
    std::string literal = "{";
    for (int id : ids) {
        if (literal.size() > 1) literal += ',';
        literal += std::to_string(id);
    }
    return literal + "}";
}

std::vector<int> parse_array(const std::string& literal) {
    std::vector<int> ids;
    const char* at = literal.data();
    const char* end = literal.data() + literal.size();
    while (at < end) {
        if (*at < '0' || *at > '9') {
            ++at;
            continue;
        }
        int id = 0;
        auto [next, error] = std::from_chars(at, end, id);
        if (error == std::errc{}) ids.push_back(id);
        at = next;
    }
    return ids;
}

}  // namespace cv::platforms
