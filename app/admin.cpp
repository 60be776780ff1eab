#include "app/admin.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include <signal.h>

#include "accounts/store.hpp"
#include "accounts/validation.hpp"
#include "app/job_kinds.hpp"
#include "app/jobs_worker.hpp"
#include "catalogue/cache.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/metrics.hpp"
#include "core/text.hpp"
#include "diary/store.hpp"
#include "fcgi/client.hpp"

namespace cv::admin {
namespace {

std::string text_of(const Json::Value& value) {
    if (value.isString()) return value.asString();
    if (value.isNull()) return "-";
    return json::write(value);
}

// The refresh's control when run from a terminal: SIGINT and SIGTERM stay blocked and are
// looked for between titles, so a title is never left half-written.
class CommandLineControl final : public platforms::RunControl {
  public:
    CommandLineControl() {
        sigemptyset(&stops_);
        sigaddset(&stops_, SIGINT);
        sigaddset(&stops_, SIGTERM);
        sigprocmask(SIG_BLOCK, &stops_, nullptr);
    }
    bool stop_requested() override {
        sigset_t pending;
        sigpending(&pending);
        stopping_ =
            stopping_ || sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1;
        return stopping_;
    }
    bool pause(std::chrono::milliseconds duration) override {
        if (stop_requested()) return false;
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration);
        timespec timeout{static_cast<time_t>(seconds.count()),
                         static_cast<long>((duration - seconds).count()) * 1000000L};
        if (sigtimedwait(&stops_, nullptr, &timeout) > 0) stopping_ = true;
        return !stopping_;
    }
    void progress(const Json::Value&) override {}

  private:
    sigset_t stops_{};
    bool stopping_ = false;
};

}  // namespace

int status(const AppConfig& config) {
    // The first lane that takes requests (main, unless this pool runs without it).
    auto first = std::find_if(config.pool.lanes.begin(), config.pool.lanes.end(),
                              [](const fcgi::Lane& lane) { return lane.listen.has_value(); });
    if (first == config.pool.lanes.end()) {
        std::fprintf(stderr, "cineverse-api: this configuration has no lane that takes requests\n");
        return 2;
    }
    std::string answer = fcgi::request(*first->listen, "GET", "/status?full");
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
    // The background jobs, from the jobs table (every host's).
    std::printf("\n%-16s %6s %7s %8s %5s %6s %s\n", "JOB KIND", "QUEUED", "RUNNING", "RETRYING",
                "DEAD", "DONE", "LAST FINISHED");
    for (const auto& kind : (*page)["jobs"]["kinds"]) {
        const Json::Value& last = kind["last_finished"];
        std::string finished =
            last.isNull() ? "-" : text_of(last["state"]) + " at " + text_of(last["finished_at"]);
        std::printf("%-16s %6s %7s %8s %5s %6s %s\n", text_of(kind["kind"]).c_str(),
                    text_of(kind["queued"]).c_str(), text_of(kind["running"]).c_str(),
                    text_of(kind["retrying"]).c_str(), text_of(kind["dead"]).c_str(),
                    text_of(kind["done"]).c_str(), finished.c_str());
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

int jobs_enqueue(const AppConfig& config, const std::string& kind, const std::string& payload) {
    const jobs::KindDefinition* known = find_job_kind(kind);
    auto body =
        payload.empty() ? std::optional(Json::Value(Json::objectValue)) : json::parse(payload);
    if (known == nullptr || !body || !body->isObject()) {
        std::fprintf(stderr, "cineverse-api: %s\n",
                     known == nullptr ? ("no job kind named " + kind).c_str()
                                      : "the payload must be a JSON object");
        return 2;
    }
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        jobs::JobQueue queue(database);
        auto enqueued = queue.enqueue(jobs::new_job(*known, *body));
        if (enqueued.created) {
            std::printf("job %lld (%s) queued\n", enqueued.id, kind.c_str());
            log::info("job_enqueued", {{"job", enqueued.id}, {"kind", kind}});
        } else {
            std::printf("job %lld (%s) is already queued or running: nothing added\n", enqueued.id,
                        kind.c_str());
        }
        return 0;
    } catch (const std::exception& e) {
        log::error("job_enqueue_failed", {{"kind", kind}, {"reason", e.what()}});
        return 1;
    }
}

int jobs_list(const AppConfig& config, const std::string& state) {
    auto wanted = jobs::state_named(state);
    if (!state.empty() && !wanted) {
        std::fprintf(stderr,
                     "cineverse-api: a state is one of queued, running, retrying, done, dead\n");
        return 2;
    }
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        jobs::JobQueue queue(database);
        std::printf("%-8s %-16s %-9s %-8s %-20s %-20s %s\n", "ID", "KIND", "STATE", "ATTEMPTS",
                    "RUN-AT", "FINISHED", "LAST-ERROR");
        for (const auto& job : queue.list(wanted, 50)) {
            std::string attempts =
                std::to_string(job.attempts) + "/" + std::to_string(job.max_attempts);
            std::printf("%-8lld %-16s %-9s %-8s %-20s %-20s %s\n", job.id, job.kind.c_str(),
                        jobs::name_of(job.state), attempts.c_str(), job.run_at.c_str(),
                        job.finished_at.value_or("-").c_str(),
                        job.last_error.value_or("-").c_str());
        }
        return 0;
    } catch (const std::exception& e) {
        log::error("jobs_list_failed", {{"reason", e.what()}});
        return 1;
    }
}

int jobs_retry(const AppConfig& config, const std::string& id) {
    auto number = text::parse_integer(id, 1, std::numeric_limits<long>::max());
    if (!number) {
        std::fprintf(stderr, "usage: cineverse-api jobs retry <job id>\n");
        return 2;
    }
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        jobs::JobQueue queue(database);
        if (!queue.retry(*number)) {
            std::fprintf(stderr, "cineverse-api: no dead job %ld\n", *number);
            return 3;
        }
        std::printf("job %ld queued again\n", *number);
        log::info("job_retried", {{"job", *number}});
        return 0;
    } catch (const std::exception& e) {
        log::error("job_retry_failed", {{"job", *number}, {"reason", e.what()}});
        return 1;
    }
}

int offers_refresh(const AppConfig& config) {
    try {
        db::Database database(config.database_url, false, config.pool.request_timeout);
        // This process's own budget: the pool's is shared by its workers only.
        SharedCallBudget budget(config.tmdb_budget, config.tmdb_budget_burst);
        catalogue::TmdbClient tmdb(config.tmdb, &budget);
        SharedMetrics metrics("cineverse_");
        platforms::OffersRefresh refresh(database, tmdb_fetcher(tmdb), config.offers, metrics);
        CommandLineControl control;
        auto progress = refresh.run(control, Json::Value());
        std::printf(
            "offers refresh: %s; %lld title(s) checked, %lld TMDB call(s), %lld change(s), "
            "%lld failure(s), %.1f s\n",
            progress["ended"].asCString(), static_cast<long long>(progress["checked"].asInt64()),
            static_cast<long long>(progress["calls"].asInt64()),
            static_cast<long long>(progress["changes"].asInt64()),
            static_cast<long long>(progress["failures"].asInt64()), progress["seconds"].asDouble());
        return progress["ended"].asString() == "stopped" ? 1 : 0;
    } catch (const std::exception& e) {
        log::error("offers_refresh_failed", {{"reason", e.what()}});
        return 1;
    }
}

}  // namespace cv::admin
