// The pool's status page, like php-fpm's pm.status_path: loopback only (the route table's
// access), JSON, each lane's counts, the background jobs and the offers they follow; `?full`
// adds each worker.
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

Json::Value nullable(const std::optional<std::string>& text) {
    return text ? Json::Value(*text) : Json::Value();
}

Json::Value job_json(const jobs::JobRow& job) {
    Json::Value value(Json::objectValue);
    value["id"] = static_cast<Json::Int64>(job.id);
    value["state"] = jobs::name_of(job.state);
    value["attempts"] = job.attempts;
    value["max_attempts"] = job.max_attempts;
    value["run_at"] = job.run_at;
    value["started_at"] = nullable(job.started_at);
    value["finished_at"] = nullable(job.finished_at);
    value["last_error"] = nullable(job.last_error);
    value["worker"] = nullable(job.locked_by);
    value["progress"] = job.progress;
    return value;
}

// The background work, from the jobs table (any host's): each kind's counts, its current or
// latest job with its progress, and its last finished one. The page still answers when the
// database does not.
Json::Value jobs_status(WorkerContext& ctx) {
    Json::Value kinds(Json::arrayValue);
    try {
        for (const auto& summary : ctx.jobs.summary()) {
            Json::Value kind(Json::objectValue);
            kind["kind"] = summary.kind;
            kind["queued"] = static_cast<Json::Int64>(summary.queued);
            kind["running"] = static_cast<Json::Int64>(summary.running);
            kind["retrying"] = static_cast<Json::Int64>(summary.retrying);
            kind["dead"] = static_cast<Json::Int64>(summary.dead);
            kind["done"] = static_cast<Json::Int64>(summary.done);
            kind["waiting_seconds"] = summary.waiting_seconds;
            kind["latest"] = summary.latest ? job_json(*summary.latest) : Json::Value();
            kind["last_finished"] =
                summary.last_finished ? job_json(*summary.last_finished) : Json::Value();
            kinds.append(kind);
        }
    } catch (const std::exception&) {
        Json::Value unavailable(Json::objectValue);
        unavailable["error"] = "database unavailable";
        return unavailable;
    }
    Json::Value jobs(Json::objectValue);
    jobs["kinds"] = kinds;
    return jobs;
}

// The titles whose offers the offers job follows.
Json::Value offers_status(WorkerContext& ctx) {
    Json::Value offers(Json::objectValue);
    try {
        auto summary = ctx.platforms.summary(ctx.offers_refresh_after);
        offers["titles"] = static_cast<Json::Int64>(summary.titles);
        offers["never_checked"] = static_cast<Json::Int64>(summary.never_checked);
        offers["due"] = static_cast<Json::Int64>(summary.due);
        offers["oldest_check_age_seconds"] = summary.oldest_check_age_seconds;
    } catch (const std::exception&) {
        offers["error"] = "database unavailable";
    }
    return offers;
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
    body["jobs"] = jobs_status(ctx);
    body["offers"] = offers_status(ctx);
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
