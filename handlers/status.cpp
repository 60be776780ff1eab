// The pool's status page, like php-fpm's pm.status_path: loopback only (the route table's
// access), JSON, each lane's counts; `?full` adds each worker.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include "handlers/handlers.hpp"

namespace cv::handlers {
namespace {

using Clock = fcgi::Scoreboard::Clock;

std::string utc(std::chrono::system_clock::time_point at) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// Resident memory of a process in KiB (its /proc statm), 0 when it is gone.
Json::Int64 rss_kib(pid_t pid) {
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    long total = 0, resident = 0;
    if (!(statm >> total >> resident)) return 0;
    return static_cast<Json::Int64>(resident) * sysconf(_SC_PAGESIZE) / 1024;
}

}  // namespace

Response pool_status(WorkerContext& ctx, const Request& request) {
    const fcgi::Scoreboard& pool = ctx.pool;
    auto now = Clock::now();
    auto workers = pool.workers();
    Json::Value body(Json::objectValue);
    body["started"] = utc(pool.started_wall_clock());
    body["uptime_seconds"] = static_cast<Json::Int64>(
        std::chrono::duration_cast<std::chrono::seconds>(now - pool.started()).count());
    Json::Value& lanes = body["lanes"] = Json::Value(Json::arrayValue);
    for (std::size_t index = 0; index < pool.lane_count(); ++index) {
        auto stats = pool.lane(index);
        unsigned alive = 0;
        for (const auto& worker : workers) alive += worker.lane == index && worker.accepting;
        Json::Value lane(Json::objectValue);
        lane["name"] = stats.name;
        lane["workers"] = stats.workers;
        lane["busy"] = stats.busy;
        lane["idle"] = alive > stats.busy ? alive - stats.busy : 0;
        lane["max_busy"] = stats.max_busy;
        lane["accepted"] = static_cast<Json::UInt64>(stats.accepted);
        // php-fpm's "max children reached": requests that found every worker busy.
        lane["all_busy"] = static_cast<Json::UInt64>(stats.all_busy);
        lane["restarts"] = static_cast<Json::UInt64>(stats.restarts);
        lane["killed"] = static_cast<Json::UInt64>(stats.killed);
        lanes.append(lane);
    }
    if (request.query("full")) {
        Json::Value& list = body["workers"] = Json::Value(Json::arrayValue);
        for (const auto& worker : workers) {
            Json::Value entry(Json::objectValue);
            entry["pid"] = worker.pid;
            entry["lane"] = worker.lane < pool.lane_count() ? pool.lane(worker.lane).name : "";
            entry["generation"] = worker.generation;
            entry["state"] = !worker.accepting ? "starting" : worker.busy_since ? "busy" : "idle";
            entry["requests"] = static_cast<Json::UInt64>(worker.requests);
            if (worker.busy_since) {
                entry["route"] = worker.route;
                entry["request_id"] = worker.request_id;
                entry["busy_ms"] = static_cast<Json::Int64>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(now - *worker.busy_since)
                        .count());
            }
            entry["rss_kib"] = rss_kib(worker.pid);
            list.append(entry);
        }
    }
    return fcgi::json(200, body);
}

}  // namespace cv::handlers
