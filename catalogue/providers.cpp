#include "catalogue/providers.hpp"

#include <json/json.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/json.hpp"

namespace cv::catalogue {

std::optional<std::string> provider_list(const std::string& tmdb_body, const std::string& region) {
    auto document = json::parse(tmdb_body);
    if (!document || !document->isObject() || !(*document)["results"].isArray())
        return std::nullopt;
    Json::Value out(Json::arrayValue);
    for (const auto& item : (*document)["results"]) {
        if (!item.isObject() || !item["provider_id"].isIntegral()) continue;
        Json::Value provider(Json::objectValue);
        provider["provider_id"] = item["provider_id"];
        provider["provider_name"] = item["provider_name"];
        provider["logo_path"] = item["logo_path"];
        const Json::Value& regional = item["display_priorities"][region];
        provider["display_priority"] = regional.isIntegral() ? regional : item["display_priority"];
        out.append(provider);
    }
    return json::write(out);
}

std::string provider_list_query(const std::string& language, const std::string& region) {
    return "language=" + language + "&watch_region=" + region;
}

std::string merged_providers(const std::string& first, const std::string& second) {
    // A service without a priority comes after those with one.
    auto priority = [](const Json::Value& provider) {
        const Json::Value& given = provider["display_priority"];
        return given.isIntegral() ? given.asInt64() : Json::Int64{1} << 40;
    };
    std::map<Json::Int64, Json::Value> by_id;
    for (const auto* list : {&first, &second}) {
        auto parsed = json::parse(*list);
        if (!parsed || !parsed->isArray()) continue;
        for (const auto& provider : *parsed) {
            auto [found, added] = by_id.try_emplace(provider["provider_id"].asInt64(), provider);
            if (!added && priority(provider) < priority(found->second))
                found->second["display_priority"] = provider["display_priority"];
        }
    }
    std::vector<Json::Value> providers;
    providers.reserve(by_id.size());
    for (auto& [id, provider] : by_id) providers.push_back(std::move(provider));
    std::stable_sort(providers.begin(), providers.end(),
                     [&priority](const Json::Value& a, const Json::Value& b) {
                         if (priority(a) != priority(b)) return priority(a) < priority(b);
                         return a["provider_name"].asString() < b["provider_name"].asString();
                     });
    Json::Value out(Json::arrayValue);
    for (auto& provider : providers) out.append(std::move(provider));
    return json::write(out);
}

}  // namespace cv::catalogue
