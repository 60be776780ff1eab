#pragma once
// Runs jobs: claims the oldest due job of the kinds it knows, runs the kind's code, and
// records how it ended (done; failed, to be retried after a backoff or dead; put down
// unfinished when the worker must stop). Between jobs it sleeps on a LISTEN connection, so an
// enqueued job starts at once, or polls when notifications cannot reach it. The process that
// runs it (the pool's jobs lane, app/jobs_worker.hpp) gives it a Control.
#include <json/json.h>

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/metrics.hpp"
#include "jobs/queue.hpp"

namespace cv::jobs {

// What the process running the jobs offers them: whether to stop, a pause that ends when
// told to stop, and what it shows of the job it is busy with (and signs of life).
class Control {
  public:
    virtual ~Control() = default;
    virtual bool stop_requested() = 0;
    virtual bool pause(std::chrono::milliseconds duration) = 0;  // false: told to stop
    virtual void busy(std::string_view kind, std::string_view id) = 0;
    virtual void alive() = 0;
    virtual void done() = 0;
};

// What a job's code is given while it runs.
class JobContext {
  public:
    virtual ~JobContext() = default;
    virtual bool stop_requested() = 0;
    virtual bool pause(std::chrono::milliseconds duration) = 0;  // false: told to stop
    // Where the job is: kept with the job (an attempt after a failure or a stop gets it back
    // in Job::progress), and a sign of life that renews its lease. Throws LeaseLost when the
    // job is no longer this worker's.
    virtual void progress(const Json::Value& state) = 0;
};

// The job was taken back from this worker (its lease ran out): it must not go on.
class LeaseLost : public std::runtime_error {
  public:
    LeaseLost() : std::runtime_error("the job's lease was lost") {}
};

enum class Outcome {
    done,
    interrupted,  // told to stop before the end: queued again, to resume from its progress
};

// A kind of job: its name, its defaults, and what runs it. A failure is thrown (any
// std::exception: its what() becomes the job's last error).
struct KindDefinition {
    std::string name;
    int max_attempts = 5;
    // One at a time: enqueued with its name as unique key, so a periodic job enqueued while
    // the last one still runs is not queued twice.
    bool unique = true;
};
using JobCode = std::function<Outcome(const Job& job, JobContext& context)>;
struct Kind {
    KindDefinition definition;
    JobCode run;
};

// The job to enqueue for a kind with its defaults (and its unique key, for a unique kind).
NewJob new_job(const KindDefinition& kind, Json::Value payload = Json::Value(Json::objectValue));

struct RunnerSettings {
    std::chrono::seconds lease{60};              // renewed while the job runs
    std::chrono::milliseconds poll{5000};        // the longest sleep between looks
    std::chrono::milliseconds save_every{2000};  // progress written at most this often
    Backoff backoff;
};

class Runner {
  public:
    // `worker`: how the jobs table names this one (host:pid).
    Runner(JobQueue& queue, std::vector<Kind> kinds, RunnerSettings settings, std::string worker,
           SharedMetrics& metrics);

    // Takes back jobs whose worker died, then runs the oldest due job, if any; returns
    // whether it ran one.
    bool run_next(Control& control);
    // Sets the jobs' gauges (counts by kind and state, the oldest due job's wait) from the
    // table.
    void publish_gauges();
    const RunnerSettings& settings() const { return settings_; }

  private:
    void run(const Job& job, const Kind& kind, Control& control);

    JobQueue& queue_;
    std::vector<Kind> kinds_;
    std::vector<std::string> kind_names_;
    RunnerSettings settings_;
    std::string worker_;
    SharedMetrics& metrics_;
};

}  // namespace cv::jobs
