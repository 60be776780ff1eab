#pragma once
// What each worker of the jobs lane runs (a lane that listens nowhere, fcgi/pool.hpp): the
// jobs runner over this worker's own database connection, TMDB client (within the host's
// shared budget) and LISTEN connection, with the kinds of app/job_kinds.hpp; between jobs,
// its housekeeping (finished jobs and old news purged, the queue's gauges published).
#include <memory>

#include "app/config.hpp"
#include "app/housekeeping.hpp"
#include "catalogue/cache.hpp"
#include "catalogue/tmdb_client.hpp"
#include "db/database.hpp"
#include "db/listener.hpp"
#include "diary/import_run.hpp"
#include "diary/imports.hpp"
#include "diary/store.hpp"
#include "fcgi/pool.hpp"
#include "jobs/queue.hpp"
#include "jobs/runner.hpp"
#include "platforms/refresh.hpp"
#include "platforms/store.hpp"
#include "watchlist/store.hpp"

namespace cv {

// TMDB's answers as the offers job reads them.
platforms::FetchTitle tmdb_fetcher(catalogue::TmdbClient& tmdb);

// The catalogue as an import sees it: searches and pages through the cache, in the site's
// first language for pages.
diary::CatalogueLookups catalogue_lookups(catalogue::CatalogueCache& cache,
                                          const catalogue::AnswerKinds& kinds,
                                          const std::string& page_language);

// A job's context as the offers refresh sees it.
class JobRunControl final : public platforms::RunControl {
  public:
    explicit JobRunControl(jobs::JobContext& context) : context_(context) {}
    bool stop_requested() override { return context_.stop_requested(); }
    bool pause(std::chrono::milliseconds duration) override { return context_.pause(duration); }
    void progress(const Json::Value& state) override { context_.progress(state); }

  private:
    jobs::JobContext& context_;
};

// A job's context as an import sees it.
class JobImportControl final : public diary::ImportControl {
  public:
    explicit JobImportControl(jobs::JobContext& context) : context_(context) {}
    bool stop_requested() override { return context_.stop_requested(); }
    bool pause(std::chrono::milliseconds duration) override { return context_.pause(duration); }
    void progress(const Json::Value& state) override { context_.progress(state); }

  private:
    jobs::JobContext& context_;
};

class JobsWorker final : public fcgi::LoopHandler {
  public:
    JobsWorker(AppConfig config, SharedMetrics& metrics, SharedCallBudget& tmdb_budget);

    fcgi::LoopPause round(fcgi::LoopControl& control) override;

  private:
    jobs::Outcome refresh_offers(const jobs::Job& job, jobs::JobContext& context);
    jobs::Outcome import_letterboxd(const jobs::Job& job, jobs::JobContext& context);
    void publish_gauges();

    AppConfig config_;
    SharedMetrics& metrics_;
    db::Database database_;
    jobs::JobQueue queue_;
    std::unique_ptr<db::Listener> listener_;  // none when CINEVERSE_JOBS_LISTEN_URL=off
    catalogue::TmdbClient tmdb_;
    platforms::PlatformsStore platforms_;
    platforms::OffersRefresh offers_;
    catalogue::AnswerKinds kinds_;
    catalogue::CatalogueCache catalogue_;
    diary::DiaryStore diary_;
    watchlist::WatchlistStore watchlist_;
    diary::ImportStore imports_;
    diary::ImportRun import_run_;
    jobs::Runner runner_;
    Housekeeping housekeeping_;
};

}  // namespace cv
