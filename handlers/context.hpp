#pragma once
// What a handler may use: one worker's database connection, stores and clients, built by
// the application after fork (app/worker_services.hpp) and never shared between processes.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "accounts/passwords.hpp"
#include "accounts/store.hpp"
#include "catalogue/cache.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"
#include "diary/imports.hpp"
#include "diary/store.hpp"
#include "fcgi/scoreboard.hpp"
#include "handlers/spa_shell.hpp"
#include "jobs/queue.hpp"
#include "platforms/store.hpp"
#include "watchlist/store.hpp"

namespace cv::handlers {

// How long each kind of shared answer stays fresh ("search" → 1 h): the route table's
// values, unless configured otherwise (app/config.cpp).
using CacheLifetimes = std::map<std::string, std::chrono::seconds>;

struct WorkerContext {
    db::Database& database;
    accounts::AccountStore& accounts;
    const accounts::PasswordHasher& passwords;
    watchlist::WatchlistStore& watchlist;
    diary::DiaryStore& diary;
    diary::ImportStore& imports;
    catalogue::CatalogueCache& catalogue;
    const catalogue::TmdbSettings& tmdb;  // the languages clients may ask for, the region
    const catalogue::AnswerKinds& kinds;  // how lists, search and pages are kept
    const CacheLifetimes& cache_lifetimes;
    SharedMetrics& metrics;
    // Origins allowed to send requests that change something (the contract's cross-site rule).
    const std::vector<std::string>& public_origins;
    const fcgi::Scoreboard& pool;               // what every worker is doing: the status page
    SpaShell& spa_shell;                        // the web client's page, for shared addresses
    platforms::PlatformsStore& platforms;       // services, where items stream, news, feeds
    jobs::JobQueue& jobs;                       // background work: the status page's queue
    std::chrono::seconds offers_refresh_after;  // when a title's offers are due again
};

}  // namespace cv::handlers
