// cineverse-api: the CineVerse API FastCGI service.
//   cineverse-api [serve]       run the worker pool (applies migrations first by default)
//   cineverse-api migrate       apply pending database migrations and exit
//   cineverse-api check-config  validate the configuration and exit
#include <curl/curl.h>
#include <malloc.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "accounts/store.hpp"
#include "app/config.hpp"
#include "db/migrations.hpp"
#include "fcgi/log.hpp"
#include "fcgi/pool.hpp"
#include "handlers/routes.hpp"

namespace cv {
namespace {

// One worker's state: its own copy of the configuration, context and router.
class Worker {
  public:
    Worker(AppConfig config, fcgi::SharedMetrics& metrics)
        : config_(std::move(config)),
          context_(config_, metrics),
          router_(handlers::build_router()) {}

    fcgi::Response handle(const fcgi::Request& request) {
        try {
            purge_sessions_now_and_then();
            return router_.dispatch(context_, request);
        } catch (const db::Unavailable&) {
            return fcgi::error(503, "Database unavailable").with_header("Retry-After", "2");
        } catch (const soci::soci_error& e) {
            // get_error_message() leaves out SOCI's context, which quotes the bound values.
            log::error("database_error", {{"rid", request.request_id()},
                                          {"sqlstate", db::sqlstate(e)},
                                          {"what", e.get_error_message()}});
            return fcgi::error(500, "Internal server error");
        }
    }

  private:
    void purge_sessions_now_and_then() {
        auto now = std::chrono::steady_clock::now();
        if (now < context_.next_purge) return;
        context_.next_purge = now + std::chrono::minutes(10);
        try {
            long purged = context_.accounts.purge_expired_sessions();
            if (purged > 0) log::info("sessions_purged", {{"count", purged}});
        } catch (const std::exception& e) {
            log::warn("sessions_purge_failed", {{"reason", e.what()}});
        }
    }

    AppConfig config_;
    handlers::WorkerContext context_;
    handlers::Router router_;
};

class ApiService : public fcgi::Service {
  public:
    explicit ApiService(AppConfig config) : config_(std::move(config)) {}
    const fcgi::PoolSettings& pool_settings() const override { return config_.pool; }
    fcgi::RequestHandler start_worker(fcgi::SharedMetrics& metrics) const override {
        auto worker = std::make_shared<Worker>(config_, metrics);
        return [worker](const fcgi::Request& request) { return worker->handle(request); };
    }

  private:
    AppConfig config_;
};

AppConfig load_config() {
    return AppConfig::load(fcgi::Settings::from_environment());
}

int migrate(const AppConfig& config) {
    try {
        db::Database database(config.database_url);
        auto applied = db::migrate(database, db::embedded_migrations());
        log::info("migrations_done", {{"applied", static_cast<long>(applied.size())}});
        return 0;
    } catch (const std::exception& e) {
        log::error("migrations_failed", {{"reason", e.what()}});
        return 1;
    }
}

int serve(const AppConfig& config) {
    if (config.migrate_on_start) {
        if (int code = migrate(config); code != 0) return code;
    }
    return fcgi::run_pool([] { return std::make_unique<ApiService>(load_config()); });
}

}  // namespace
}  // namespace cv

int main(int argc, char** argv) {
    std::string command = argc > 1 ? argv[1] : "serve";
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
        config = cv::load_config();
    } catch (const cv::fcgi::ConfigError& e) {
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
    } else {
        std::fprintf(stderr, "usage: cineverse-api [serve|migrate|check-config]\n");
    }
    curl_global_cleanup();
    return code;
}
