#include "jobs/runner.hpp"

#include <algorithm>

#include "core/log.hpp"

namespace cv::jobs {
namespace {

using Clock = std::chrono::steady_clock;

class Context final : public JobContext {
  public:
    Context(JobQueue& queue, const Job& job, const std::string& worker,
            const RunnerSettings& settings, Control& control)
        : queue_(queue),
          job_(job),
          worker_(worker),
          settings_(settings),
          control_(control),
          latest_(job.progress),
          saved_at_(Clock::now()) {}

    // Each of these is a sign of life: the worker's (the master's watchdog) and, every
    // save_every, the job's (its lease, renewed with its latest progress).
    bool stop_requested() override {
        keep_alive();
        return control_.stop_requested();
    }

    // A long pause (a Retry-After) is slept in steps, each a sign of life.
    bool pause(std::chrono::milliseconds duration) override {
        const auto end = Clock::now() + duration;
        while (true) {
            keep_alive();
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
            if (left.count() <= 0) return !control_.stop_requested();
            if (!control_.pause(std::min(left, settings_.save_every))) return false;
        }
    }

    void progress(const Json::Value& state) override {
        latest_ = state;
        keep_alive();
    }

    void keep_alive() {
        control_.alive();
        if (Clock::now() - saved_at_ >= settings_.save_every) save();
    }

    void save() {
        if (!queue_.heartbeat(job_.id, worker_, settings_.lease, latest_)) throw LeaseLost();
        saved_at_ = Clock::now();
    }

    const Json::Value& latest() const { return latest_; }

  private:
    JobQueue& queue_;
    const Job& job_;
    const std::string& worker_;
    const RunnerSettings& settings_;
    Control& control_;
    Json::Value latest_;
    Clock::time_point saved_at_;
};

std::string series(const char* name, const std::string& kind, const char* label = nullptr,
                   const char* value = nullptr) {
    std::string text = std::string(name) + "{kind=\"" + label_value(kind) + "\"";
    if (label != nullptr) text += std::string(",") + label + "=\"" + value + "\"";
    return text + "}";
}

}  // namespace

NewJob new_job(const KindDefinition& kind, Json::Value payload) {
    NewJob job;
    job.kind = kind.name;
    job.payload = std::move(payload);
    job.max_attempts = kind.max_attempts;
    if (kind.unique) job.unique_key = kind.name;
    return job;
}

Runner::Runner(JobQueue& queue, std::vector<Kind> kinds, RunnerSettings settings,
               std::string worker, SharedMetrics& metrics)
    : queue_(queue),
      kinds_(std::move(kinds)),
      settings_(settings),
      worker_(std::move(worker)),
      metrics_(metrics) {
    for (const auto& kind : kinds_) kind_names_.push_back(kind.definition.name);
}

bool Runner::run_next(Control& control) {
    if (long rescued = queue_.rescue_expired(); rescued > 0)
        log::warn("jobs_rescued", {{"count", rescued}, {"reason", "lease expired"}});
    auto job = queue_.claim(kind_names_, worker_, settings_.lease);
    if (!job) return false;
    auto kind = std::find_if(kinds_.begin(), kinds_.end(),
                             [&](const Kind& known) { return known.definition.name == job->kind; });
    if (kind == kinds_.end()) {  // (claim() takes only the kinds it is given)
        queue_.fail(job->id, worker_, "no code for the kind " + job->kind, job->progress,
                    settings_.backoff);
        return true;
    }
    run(*job, *kind, control);
    return true;
}

void Runner::run(const Job& job, const Kind& kind, Control& control) {
    const std::string id = std::to_string(job.id);
    control.busy(job.kind, id);
    struct Idle {  // whatever happens, the worker is no longer busy with it afterwards
        Control& control;
        ~Idle() { control.done(); }
    } idle{control};
    log::info("job_started", {{"job", id}, {"kind", job.kind}, {"attempt", job.attempt}});
    auto started = Clock::now();
    Context context(queue_, job, worker_, settings_, control);
    const char* outcome = "done";
    try {
        if (kind.run(job, context) == Outcome::interrupted) {
            outcome = "interrupted";
            queue_.release(job.id, worker_, context.latest());
            log::info("job_interrupted", {{"job", id}, {"kind", job.kind}});
        } else {
            queue_.complete(job.id, worker_, context.latest());
            log::info(
                "job_done",
                {{"job", id},
                 {"kind", job.kind},
                 {"ms",
                  std::chrono::duration<double, std::milli>(Clock::now() - started).count()}});
        }
    } catch (const LeaseLost&) {
        outcome = "lease_lost";
        log::warn("job_lease_lost", {{"job", id}, {"kind", job.kind}});
    } catch (const std::exception& failure) {
        auto state =
            queue_.fail(job.id, worker_, failure.what(), context.latest(), settings_.backoff);
        if (state == State::dead) {
            outcome = "dead";
            log::error("job_dead", {{"job", id},
                                    {"kind", job.kind},
                                    {"attempts", job.attempt},
                                    {"reason", failure.what()}});
        } else {
            outcome = "failed";
            log::warn("job_failed", {{"job", id},
                                     {"kind", job.kind},
                                     {"attempt", job.attempt},
                                     {"retry_in_s", settings_.backoff.after(job.attempt).count()},
                                     {"reason", failure.what()}});
        }
    }
    metrics_.add(series("jobs_finished_total", job.kind, "outcome", outcome));
}

void Runner::publish_gauges() {
    auto kinds = queue_.summary();
    for (const auto& name : kind_names_) {
        KindSummary counts;
        for (const auto& kind : kinds) {
            if (kind.kind == name) counts = kind;
        }
        metrics_.set(series("jobs", name, "state", "queued"),
                     static_cast<std::uint64_t>(counts.queued));
        metrics_.set(series("jobs", name, "state", "running"),
                     static_cast<std::uint64_t>(counts.running));
        metrics_.set(series("jobs", name, "state", "retrying"),
                     static_cast<std::uint64_t>(counts.retrying));
        metrics_.set(series("jobs", name, "state", "dead"),
                     static_cast<std::uint64_t>(counts.dead));
        metrics_.set(series("jobs_waiting_seconds", name),
                     static_cast<std::uint64_t>(std::max(0.0, counts.waiting_seconds)));
    }
}

}  // namespace cv::jobs
