// The operator's commands of `cineverse-api` besides serve (docs/deployment.md lists them
// with their exit codes): 0 done, 1 failed (database or pool unreachable), 2 usage or
// configuration, 3 no such user (or review).
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

}  // namespace cv::admin
