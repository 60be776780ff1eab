#pragma once
// The offers job: refreshes the French offers of every title on anyone's watchlist, the
// oldest check first, one TMDB call a title, at its own pace and within a number of calls a
// run (past it the run ends, and the next one goes on from the oldest). Titles are claimed a
// batch at a time (FOR UPDATE SKIP LOCKED, then a claim that expires), so two runs at once, on
// one host or two, never check the same title; each change is recorded in the transaction
// that writes the new offers, after locking the title's row, so it is recorded once whatever
// runs at the same time, and fanned out there to the news of the users who keep the title.
// Its cost grows with the distinct titles kept, not with the users.
#include <json/json.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics.hpp"
#include "db/database.hpp"

namespace cv::platforms {

struct RefreshSettings {
    long calls_per_run = 5000;    // TMDB calls a run at most
    double calls_per_second = 5;  // the run's own pace, within the host's TMDB budget
    std::chrono::seconds refresh_after{6 * 3600};  // a title checked since is not asked again
    std::chrono::seconds claim_for{60};            // how long a batch is this run's
    std::chrono::milliseconds call_timeout{5000};  // a TMDB call gives up after this
    int batch = 10;                                // titles claimed at once
    int failures_in_a_row = 5;  // TMDB failing this many times in a row fails the run
    std::string language = "fr-FR";
    std::string region = "FR";
};

// The answer of one TMDB call, as the run needs it.
struct Fetched {
    enum class Status { ok, not_found, not_asked, failed } status = Status::failed;
    std::string body;
    std::optional<std::chrono::seconds> retry_after;
    std::string problem;  // for the log; never holds the key
};
// Asks TMDB for `path`?`query`, giving up after `timeout`.
using FetchTitle = std::function<Fetched(const std::string& path, const std::string& query,
                                         std::chrono::milliseconds timeout)>;

// What runs the refresh gives it (a job of the jobs lane, or the command line).
class RunControl {
  public:
    virtual ~RunControl() = default;
    virtual bool stop_requested() = 0;
    virtual bool pause(std::chrono::milliseconds duration) = 0;  // false: told to stop
    // Where the run is (kept with its job: a run taken again resumes from it).
    virtual void progress(const Json::Value& state) = 0;
};

class OffersRefresh {
  public:
    OffersRefresh(db::Database& database, FetchTitle fetch, RefreshSettings settings,
                  SharedMetrics& metrics)
        : db_(database),
          fetch_(std::move(fetch)),
          settings_(std::move(settings)),
          metrics_(metrics) {}

    // A run, or the rest of one: `resumed` is what a run stopped or killed before its end
    // saved (its progress), null for a new run. Returns the run's progress, with `ended`:
    // "all checked", "calls spent" or "stopped" (the run is to be resumed). Throws when TMDB
    // keeps failing or the database is lost (the job is then retried after a backoff).
    Json::Value run(RunControl& control, const Json::Value& resumed);

  private:
    struct Claimed {
        std::string media_type;
        long tmdb_id = 0;
    };
    Json::Value start();
    std::vector<Claimed> claim(const std::string& run_started, long most, std::string& claimed_at);
    // How long until the next claim another run holds on a title due in this one ends
    // (titles this run failed on excepted); nullopt when none is claimed.
    std::optional<std::chrono::milliseconds> until_claims_end(
        const std::string& run_started, const std::vector<std::string>& failed);
    void release(const std::vector<Claimed>& titles, std::size_t from);
    Fetched fetch(const Claimed& title, RunControl& control);
    // Writes a check's offers and records what changed; returns how many changes.
    long apply(const Claimed& title, const std::string& body, const std::string& claimed_at);
    // apply(), done again when the transaction lost a race it can win on a second try.
    long apply_again_if_raced(const Claimed& title, const std::string& body,
                              const std::string& claimed_at);
    void mark_checked(const Claimed& title);
    void finish(RunControl& control, Json::Value& progress, const char* ended);

    db::Database& db_;
    FetchTitle fetch_;
    RefreshSettings settings_;
    SharedMetrics& metrics_;
    std::chrono::steady_clock::time_point next_call_{};
};

}  // namespace cv::platforms
