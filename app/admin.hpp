// The operator's commands of `cineverse-api` besides serve (docs/deployment.md lists them
// with their exit codes): 0 done, 1 failed (database or pool unreachable), 2 usage or
// configuration, 3 no such user (or review, or job).
#pragma once
#include <string>

#include "app/config.hpp"

namespace cv::admin {

// The running pool's status page (GET /status?full through its main lane), as tables.
int status(const AppConfig& config);
// Ends every session of a user (a stolen laptop, a leaked cookie).
int revoke_sessions(const AppConfig& config, const std::string& username);
// Deletes dead sessions and stale catalogue rows now, as the workers do every
// CINEVERSE_PURGE_INTERVAL.
int purge(const AppConfig& config);
// Removes a member's review (its text; the viewing and its rating stay), logged with its
// author: a moderator's command.
int remove_review(const AppConfig& config, const std::string& entry_id);

// Background work (jobs/). Queues a job of `kind` (one of app/job_kinds.hpp, with its
// defaults; `payload`: a JSON object, or empty): what the package's timers run. A unique kind
// already queued or running is not queued twice, and that is no failure.
int jobs_enqueue(const AppConfig& config, const std::string& kind, const std::string& payload);
// The latest jobs (of one state, when given), as a table.
int jobs_list(const AppConfig& config, const std::string& state);
// A dead job queued again with fresh attempts; 3 when there is no such dead job.
int jobs_retry(const AppConfig& config, const std::string& id);
// Refreshes the offers now, in this process (what the offers job does; beside a running job
// it takes other titles). Ctrl-C stops it between two titles.
int offers_refresh(const AppConfig& config);

}  // namespace cv::admin
