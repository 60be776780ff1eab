#include "app/admin.hpp"

#include <cstdio>

#include "accounts/store.hpp"
#include "accounts/validation.hpp"
#include "catalogue/cache.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/metrics.hpp"
#include "diary/store.hpp"
#include "fcgi/client.hpp"

namespace cv::admin {
namespace {

std::string text_of(const Json::Value& value) {
    if (value.isString()) return value.asString();
    if (value.isNull()) return "-";
    return json::write(value);
}

}  // namespace

int status(const AppConfig& config) {
    std::string answer = fcgi::request(config.pool.lanes.front().listen, "GET", "/status?full");
    auto blank = answer.find("\r\n\r\n");
    auto page = blank == std::string::npos ? std::nullopt : json::parse(answer.substr(blank + 4));
    if (answer.rfind("Status: 200", 0) != 0 || !page) {
        std::fprintf(stderr, "cineverse-api: the pool does not answer on its main lane's socket\n");
        return 1;
    }
    std::printf("pool started %s, up %s s\n\n", text_of((*page)["started"]).c_str(),
                text_of((*page)["uptime_seconds"]).c_str());
    std::printf("%-10s %7s %5s %5s %8s %9s %8s %8s %6s\n", "LANE", "WORKERS", "BUSY", "IDLE",
                "MAX-BUSY", "ACCEPTED", "ALL-BUSY", "RESTARTS", "KILLED");
    for (const auto& lane : (*page)["lanes"]) {
        std::printf("%-10s %7s %5s %5s %8s %9s %8s %8s %6s\n", text_of(lane["name"]).c_str(),
                    text_of(lane["workers"]).c_str(), text_of(lane["busy"]).c_str(),
                    text_of(lane["idle"]).c_str(), text_of(lane["max_busy"]).c_str(),
                    text_of(lane["accepted"]).c_str(), text_of(lane["all_busy"]).c_str(),
                    text_of(lane["restarts"]).c_str(), text_of(lane["killed"]).c_str());
    }
    std::printf("\n%-8s %-10s %-8s %9s %8s %9s %s\n", "PID", "LANE", "STATE", "REQUESTS", "BUSY-MS",
                "RSS-KIB", "ROUTE");
    for (const auto& worker : (*page)["workers"]) {
        std::printf("%-8s %-10s %-8s %9s %8s %9s %s\n", text_of(worker["pid"]).c_str(),
                    text_of(worker["lane"]).c_str(), text_of(worker["state"]).c_str(),
                    text_of(worker["requests"]).c_str(), text_of(worker["busy_ms"]).c_str(),
                    text_of(worker["rss_kib"]).c_str(), text_of(worker["route"]).c_str());
    }
    return 0;
}

int revoke_sessions(const AppConfig& config, const std::string& username) {
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        accounts::AccountStore accounts(database, db::ReadRouter(database, nullptr),
                                        config.sessions);
        auto ended = accounts.revoke_sessions(username);
        if (!ended) {
            std::fprintf(stderr, "cineverse-api: no user named %s\n", username.c_str());
            return 3;
        }
        std::printf("%ld session(s) of %s ended\n", *ended, username.c_str());
        log::info("sessions_revoked", {{"username", username}, {"count", *ended}});
        return 0;
    } catch (const std::exception& e) {
        log::error("sessions_revoke_failed", {{"reason", e.what()}});
        return 1;
    }
}

int purge(const AppConfig& config) {
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        accounts::AccountStore accounts(database, db::ReadRouter(database, nullptr),
                                        config.sessions);
        catalogue::TmdbClient tmdb(config.tmdb);
        SharedMetrics metrics("cineverse_");
        catalogue::CatalogueCache cache(database, db::ReadRouter(database, nullptr), tmdb,
                                        config.cache, metrics);
        long sessions = accounts.purge_expired_sessions();
        long rows = cache.purge_unused();
        std::printf("%ld dead session(s) and %ld stale catalogue row(s) deleted\n", sessions, rows);
        return 0;
    } catch (const std::exception& e) {
        log::error("purge_failed", {{"reason", e.what()}});
        return 1;
    }
}

int remove_review(const AppConfig& config, const std::string& entry_id) {
    if (!accounts::is_uuid(entry_id)) {
        std::fprintf(stderr, "cineverse-api: %s is not an entry id\n", entry_id.c_str());
        return 2;
    }
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        diary::DiaryStore diary(database, config.reviews);
        auto author = diary.remove_review(entry_id);
        if (!author) {
            std::fprintf(stderr, "cineverse-api: no review in the entry %s\n", entry_id.c_str());
            return 3;
        }
        std::printf("the review of entry %s by %s is removed\n", entry_id.c_str(), author->c_str());
        log::info("review_removed", {{"entry_id", entry_id}, {"author", *author}});
        return 0;
    } catch (const std::exception& e) {
        log::error("review_remove_failed", {{"reason", e.what()}});
        return 1;
    }
}

}  // namespace cv::admin
