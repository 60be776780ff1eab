#pragma once
// The kinds of background job this application runs (jobs/): what `cineverse-api jobs
// enqueue` accepts, and what the jobs lane's workers take from the queue.
#include <string>
#include <vector>

#include "jobs/runner.hpp"

namespace cv {

// Refreshes the French offers of the titles on anyone's watchlist (platforms/refresh.hpp).
// Unique: the timer enqueueing it while a run still goes on queues nothing.
inline constexpr const char* kOffersRefresh = "offers.refresh";
// Matches and writes the rows of a Letterboxd import (diary/import_run.hpp): diary::
// kImportJobKind, queued by POST /api/import/letterboxd.

const std::vector<jobs::KindDefinition>& job_kinds();
// nullptr for a name this application does not run.
const jobs::KindDefinition* find_job_kind(const std::string& name);

}  // namespace cv
