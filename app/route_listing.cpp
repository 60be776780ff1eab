#include "app/route_listing.hpp"

#include <json/json.h>

#include <algorithm>
#include <cstdio>

#include "app/lanes.hpp"
#include "core/json.hpp"
#include "fcgi/path_pattern.hpp"
#include "handlers/routes.hpp"

namespace cv {

using handlers::route_table;

std::string routes_as_text() {
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-7s %-38s %-10s %-9s %-6s %s\n", "METHOD", "PATH", "LANE",
                  "ACCESS", "CACHE", "LIMIT");
    out += line;
    for (const auto& route : route_table()) {
        std::string cache = route.traits.cache_for.count()
                                ? std::to_string(route.traits.cache_for.count()) + "s"
                                : std::string("-");
        std::snprintf(line, sizeof line, "%-7s %-38s %-10s %-9s %-6s %s\n", route.method.c_str(),
                      route.path.c_str(), handlers::name_of(route.traits.lane),
                      handlers::name_of(route.traits.access), cache.c_str(),
                      handlers::name_of(route.traits.rate_limit));
        out += line;
    }
    return out;
}

std::string routes_as_json() {
    Json::Value document(Json::objectValue);
    Json::Value& lanes = document["lanes"] = Json::Value(Json::arrayValue);
    for (const auto& definition : lane_definitions()) {
        Json::Value lane(Json::objectValue);
        lane["name"] = handlers::name_of(definition.lane);
        lane["keep_connections"] = definition.keep_connections;
        // A lane that listens nowhere (the jobs lane) has no socket, no upstream and no
        // listen variable: what renders sockets and upstreams from this list skips it.
        lane["listens"] = !definition.loop;
        lane["listen_variable"] =
            definition.loop ? Json::Value() : Json::Value(listen_variable(definition));
        lane["socket"] =
            definition.socket != nullptr ? Json::Value(definition.socket) : Json::Value();
        lanes.append(lane);
    }
    Json::Value& limits = document["rate_limits"] = Json::Value(Json::arrayValue);
    for (const auto& known : handlers::rate_limit_classes()) {
        Json::Value limit(Json::objectValue);
        limit["name"] = known.name;
        limit["rate"] = known.rate;
        limit["burst"] = known.burst;
        limits.append(limit);
    }
    Json::Value& routes = document["routes"] = Json::Value(Json::arrayValue);
    for (const auto& route : route_table()) {
        fcgi::PathPattern pattern(route.path);
        Json::Value row(Json::objectValue);
        row["method"] = route.method;
        row["path"] = route.path;
        row["exact"] = pattern.is_exact();
        row["regex"] = pattern.regex();
        row["lane"] = handlers::name_of(route.traits.lane);
        row["access"] = handlers::name_of(route.traits.access);
        row["cache_kind"] =
            route.traits.cache_kind.empty() ? Json::Value() : Json::Value(route.traits.cache_kind);
        row["cache_seconds"] = static_cast<Json::Int64>(route.traits.cache_for.count());
        row["rate_limit"] = route.traits.rate_limit == handlers::RateLimit::none
                                ? Json::Value()
                                : Json::Value(handlers::name_of(route.traits.rate_limit));
        row["body_limit"] = static_cast<Json::UInt64>(route.traits.body_limit);
        Json::Value& types = row["body_types"] = Json::Value(Json::arrayValue);
        for (const auto& type : route.traits.body_types) types.append(type);
        row["home_row"] =
            route.traits.home_row.empty() ? Json::Value() : Json::Value(route.traits.home_row);
        Json::Value& query = row["query"] = Json::Value(Json::arrayValue);
        for (const auto& parameter : route.traits.query) query.append(parameter);
        routes.append(row);
    }
    Json::StreamWriterBuilder pretty;
    pretty["indentation"] = "  ";
    pretty["emitUTF8"] = true;
    return Json::writeString(pretty, document) + "\n";
}

}  // namespace cv
