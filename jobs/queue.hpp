#pragma once
// The jobs table (sql/008_jobs.sql) as river, Oban and pg-boss use theirs: a worker claims
// the oldest due job with FOR UPDATE SKIP LOCKED, so any number of workers on any number of
// hosts take each job once; it holds a lease it renews while it works, so a job whose worker
// died is taken again once the lease runs out; a failure is retried after a backoff until the
// attempts are spent, then the job is dead and keeps its last error. Enqueuing wakes idle
// workers with NOTIFY (kNotifyChannel).
#include <json/json.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "jobs/backoff.hpp"

namespace cv::jobs {

inline constexpr const char* kNotifyChannel = "cineverse_jobs";

enum class State { queued, running, retrying, done, dead };
const char* name_of(State state);
std::optional<State> state_named(const std::string& name);

struct NewJob {
    std::string kind;
    Json::Value payload{Json::objectValue};
    // At most one job a key is queued, retrying or running at a time.
    std::optional<std::string> unique_key;
    int max_attempts = 5;
};

struct Enqueued {
    long long id = 0;
    bool created = false;  // false: a live job with the same unique key was there (its id)
};

// A job as its worker gets it.
struct Job {
    long long id = 0;
    std::string kind;
    Json::Value payload;
    int attempt = 0;  // this one: 1 the first time
    int max_attempts = 0;
    Json::Value progress;  // what an earlier attempt saved, or null
};

// A job as an operator sees it (the command line, the status page).
struct JobRow {
    long long id = 0;
    std::string kind;
    State state = State::queued;
    int attempts = 0;
    int max_attempts = 0;
    std::string run_at, created_at;  // ISO 8601, UTC
    std::optional<std::string> started_at, finished_at;
    std::optional<std::string> last_error;
    std::optional<std::string> locked_by;
    Json::Value progress;
};

// A kind's jobs now: how many in each state, how long the oldest due one has waited, the
// latest one and the latest finished one.
struct KindSummary {
    std::string kind;
    long queued = 0, running = 0, retrying = 0, done = 0, dead = 0;
    double waiting_seconds = 0;
    std::optional<JobRow> latest;
    std::optional<JobRow> last_finished;
};

// Queues `job` inside the caller's open transaction (a db::Transaction): the job exists
// exactly when what it works on does, and nothing is queued when that transaction rolls
// back; idle workers are woken at its commit. A live job of the same unique key is kept
// (created = false, its id).
Enqueued enqueue_within(soci::session& sql, const NewJob& job);

class JobQueue {
  public:
    explicit JobQueue(db::Database& database) : db_(database) {}

    Enqueued enqueue(const NewJob& job);
    // Takes back the running jobs whose lease ran out (their worker died): retrying at once,
    // or dead when that was their last attempt. Returns how many.
    long rescue_expired();
    // The oldest due job of one of `kinds`, now `worker`'s until `lease` from now.
    std::optional<Job> claim(const std::vector<std::string>& kinds, const std::string& worker,
                             std::chrono::seconds lease);
    // Saves the job's progress and renews its lease; false when it is no longer `worker`'s.
    bool heartbeat(long long id, const std::string& worker, std::chrono::seconds lease,
                   const Json::Value& progress);
    bool complete(long long id, const std::string& worker, const Json::Value& progress);
    // Retrying after the backoff of its attempt, or dead when attempts are spent; nullopt
    // when it is no longer `worker`'s.
    std::optional<State> fail(long long id, const std::string& worker, const std::string& error,
                              const Json::Value& progress, const Backoff& backoff);
    // Put down unfinished (its worker stops): queued again at once, the attempt not counted,
    // its progress kept for whoever takes it next.
    bool release(long long id, const std::string& worker, const Json::Value& progress);
    // A dead job queued again with fresh attempts: false when there is no such dead job;
    // throws Failure(conflict) when a live job of the same unique key is there.
    bool retry(long long id);

    std::vector<JobRow> list(std::optional<State> state, int limit);
    std::vector<KindSummary> summary();
    // Deletes finished jobs older than `keep`; returns how many.
    long purge_finished(std::chrono::seconds keep);

  private:
    db::Database& db_;
};

}  // namespace cv::jobs
