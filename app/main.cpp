// cineverse-api: the CineVerse API FastCGI service.
//   cineverse-api [serve]         run the worker pool (applies migrations first by default)
//   cineverse-api migrate         apply pending database migrations and exit
//   cineverse-api check-config    validate the configuration and exit
//   cineverse-api reload [PID]    ask the running master ($MAINPID) to reload, wait until done
//   cineverse-api routes [--json] print the route table and its traits
//   cineverse-api status          the running pool's lanes and workers
//   cineverse-api sessions revoke <username>   end every session of a user
//   cineverse-api purge           delete dead sessions and stale catalogue rows now
//   cineverse-api reviews remove <entry-id>    a moderator removes a review, logged
//   cineverse-api jobs enqueue <kind> [<payload JSON>]   queue a background job (the timers')
//   cineverse-api jobs list [<state>]                    the latest jobs
//   cineverse-api jobs retry <id>                        queue a dead job again
//   cineverse-api offers refresh  refresh the titles' offers now, in this process
// Exit codes: 0 done, 1 failed, 2 usage or invalid configuration, 3 no such user (or review,
// or job).
#include <curl/curl.h>
#include <malloc.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/admin.hpp"
#include "app/api_worker.hpp"
#include "app/config.hpp"
#include "app/route_listing.hpp"
#include "core/log.hpp"
#include "core/metrics.hpp"
#include "db/migrations.hpp"
#include "fcgi/pool.hpp"
#include "fcgi/reload.hpp"

namespace cv {
namespace {

int migrate(const AppConfig& config) {
    try {
        // The schema's owner applies the migrations (CINEVERSE_MIGRATION_DATABASE_URL, by
        // default the service's own role); the service's role sets its own timeouts, which
        // only a role itself (or a superuser) may do.
        db::Database owner(config.migration_database_url, false, config.pool.request_timeout);
        auto applied = db::migrate(owner, db::embedded_migrations());
        db::Database service(config.database_url, false, config.pool.request_timeout);
        service.apply_role_timeouts();
        log::info("migrations_done",
                  {{"applied", static_cast<long>(applied.size())},
                   {"statement_timeout_ms", config.pool.request_timeout.count()}});
        return 0;
    } catch (const std::exception& e) {
        log::error("migrations_failed", {{"reason", e.what()}});
        return 1;
    }
}

// systemd's ExecReload: systemd 252 gives the command the master's pid in $MAINPID and counts
// the reload done when the command exits, so it waits for the master's answer.
int reload(const std::string& pid_text) {
    const char* from_systemd = std::getenv("MAINPID");
    std::string text = !pid_text.empty() ? pid_text : from_systemd ? from_systemd : "";
    char* end = nullptr;
    long pid = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || pid <= 1) {
        std::fprintf(stderr,
                     "usage: cineverse-api reload [PID] (systemctl reload gives it $MAINPID)\n");
        return 2;
    }
    switch (fcgi::request_reload(static_cast<pid_t>(pid), std::chrono::minutes(2))) {
        case fcgi::ReloadOutcome::done:
            return 0;
        case fcgi::ReloadOutcome::refused:
            log::error("reload_failed", {{"reason",
                                          "the master refused the new configuration "
                                          "(reload_refused); the running one stays"}});
            return 1;
        case fcgi::ReloadOutcome::gone:
            log::error("reload_failed", {{"reason", "no master with that pid"}, {"pid", pid}});
            return 1;
        case fcgi::ReloadOutcome::timed_out:
            log::error("reload_failed", {{"reason", "the master did not answer within 2 min"}});
            return 1;
    }
    return 1;
}

int serve(const AppConfig& config) {
    if (config.migrate_on_start) {
        if (int code = migrate(config); code != 0) return code;
    }
#ifdef CINEVERSE_FAULT_INJECTION
    log::warn("fault_injection_compiled_in", {{"reason", "a test build: never deploy it"}});
#endif
    SharedMetrics metrics("cineverse_");  // before any fork: every worker shares it
    return fcgi::run_pool(
        [] { return std::make_unique<ApiService>(AppConfig::from_environment()); }, metrics);
}

int print(const std::string& text) {
    std::fputs(text.c_str(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace
}  // namespace cv

int main(int argc, char** argv) {
    std::string command = argc > 1 ? argv[1] : "serve";
    std::string option = argc > 2 ? argv[2] : "";
    if (command == "routes") {  // needs no configuration: the table is compiled in
        if (option == "--json") return cv::print(cv::routes_as_json());
        if (option.empty()) return cv::print(cv::routes_as_text());
        std::fprintf(stderr, "usage: cineverse-api routes [--json]\n");
        return 2;
    }
    if (command == "reload") return cv::reload(option);  // needs no configuration either
    if (sodium_init() < 0) {
        std::fprintf(stderr, "cineverse-api: libsodium failed to initialise\n");
        return 1;
    }
    // Once, before any fork: libcurl's global state is not safe to set up per worker.
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // Argon2id's 19 MiB blocks must go back to the system when a login ends. glibc would
    // otherwise raise its mmap threshold after the first free and keep them in the heap,
    // so a worker's RSS would grow by a hash's memory and stay there.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    cv::AppConfig config;
    try {
        config = cv::AppConfig::from_environment();
    } catch (const cv::ConfigError& e) {
        std::fprintf(stderr, "cineverse-api: invalid configuration: %s\n", e.what());
        return 2;
    }
    int code = 2;
    if (command == "serve") {
        code = cv::serve(config);
    } else if (command == "migrate") {
        code = cv::migrate(config);
    } else if (command == "check-config") {
        std::printf("configuration ok\n");
        code = 0;
    } else if (command == "status") {
        code = cv::admin::status(config);
    } else if (command == "sessions" && option == "revoke" && argc == 4) {
        code = cv::admin::revoke_sessions(config, argv[3]);
    } else if (command == "purge") {
        code = cv::admin::purge(config);
    } else if (command == "reviews" && option == "remove" && argc == 4) {
        code = cv::admin::remove_review(config, argv[3]);
    } else if (command == "jobs" && option == "enqueue" && (argc == 4 || argc == 5)) {
        code = cv::admin::jobs_enqueue(config, argv[3], argc == 5 ? argv[4] : "");
    } else if (command == "jobs" && option == "list" && argc <= 4) {
        code = cv::admin::jobs_list(config, argc == 4 ? argv[3] : "");
    } else if (command == "jobs" && option == "retry" && argc == 4) {
        code = cv::admin::jobs_retry(config, argv[3]);
    } else if (command == "offers" && option == "refresh" && argc == 3) {
        code = cv::admin::offers_refresh(config);
    } else {
        std::fprintf(stderr,
                     "usage: cineverse-api [serve | migrate | check-config | reload [PID] | "
                     "routes [--json] | status | sessions revoke <username> | purge | reviews "
                     "remove <entry-id> | jobs enqueue <kind> [<payload>] | jobs list [<state>] | "
                     "jobs retry <id> | offers refresh]\n");
    }
    curl_global_cleanup();
    return code;
}
