#include "app/jobs_worker.hpp"

#include <unistd.h>

#include "accounts/validation.hpp"
#include "app/job_kinds.hpp"
#include "catalogue/pages.hpp"
#include "catalogue/search.hpp"
#include "core/log.hpp"

namespace cv {
namespace {

// The lane's worker as the jobs runner sees it.
class LaneControl final : public jobs::Control {
  public:
    explicit LaneControl(fcgi::LoopControl& lane) : lane_(lane) {}
    bool stop_requested() override { return lane_.stop_requested(); }
    bool pause(std::chrono::milliseconds duration) override { return lane_.pause(duration); }
    void busy(std::string_view kind, std::string_view id) override { lane_.busy(kind, id); }
    void alive() override { lane_.alive(); }
    void done() override { lane_.done(); }

  private:
    fcgi::LoopControl& lane_;
};

// How the jobs table names this worker: host and pid.
std::string worker_name() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    return std::string(host) + ":" + std::to_string(getpid());
}

}  // namespace

platforms::FetchTitle tmdb_fetcher(catalogue::TmdbClient& tmdb) {
    return [&tmdb](const std::string& path, const std::string& query,
                   std::chrono::milliseconds timeout) {
        auto result = tmdb.fetch(path, query, catalogue::TmdbClient::Clock::now() + timeout);
        platforms::Fetched fetched;
        using Status = platforms::Fetched::Status;
        fetched.status = result.ok          ? Status::ok
                         : result.not_found ? Status::not_found
                         : result.not_asked ? Status::not_asked
                                            : Status::failed;
        fetched.body = std::move(result.body);
        fetched.retry_after = result.retry_after;
        fetched.problem = result.problem;
        return fetched;
    };
}

diary::CatalogueLookups catalogue_lookups(catalogue::CatalogueCache& cache,
                                          const catalogue::AnswerKinds& kinds,
                                          const std::string& page_language) {
    using catalogue::Freshness;
    auto lookup = [](const catalogue::CatalogueAnswer& answer) {
        diary::Lookup found;
        using Status = diary::Lookup::Status;
        // A search TMDB failed with nothing kept answers an empty list (`empty`): for an
        // import, that is no answer, never "no such film".
        found.status =
            answer.freshness == Freshness::not_found ? Status::not_found
            : answer.freshness == Freshness::empty || answer.freshness == Freshness::unavailable
                ? Status::unavailable
                : Status::found;
        found.asked_tmdb = answer.freshness == Freshness::miss ||
                           answer.freshness == Freshness::empty ||
                           answer.freshness == Freshness::unavailable;
        found.body = answer.body;
        return found;
    };
    diary::CatalogueLookups lookups;
    lookups.search = [&cache, &kinds, lookup](const std::string& query,
                                              const std::string& language) {
        return lookup(
            cache.get(kinds.search, "/search/multi", catalogue::search_query(query, language)));
    };
    lookups.page = [&cache, &kinds, lookup, page_language](const std::string& media_type,
                                                           long tmdb_id) {
        bool movie = media_type == "movie";
        return lookup(cache.get(movie ? kinds.movie : kinds.tv,
                                "/" + media_type + "/" + std::to_string(tmdb_id),
                                movie ? catalogue::movie_page_query(page_language)
                                      : catalogue::tv_page_query(page_language)));
    };
    return lookups;
}

JobsWorker::JobsWorker(AppConfig config, SharedMetrics& metrics, SharedCallBudget& tmdb_budget)
    : config_(std::move(config)),
      metrics_(metrics),
      database_(config_.database_url, config_.prepare_statements, config_.pool.request_timeout),
      queue_(database_),
      listener_(
          config_.jobs_listen_url.empty()
              ? nullptr
              : std::make_unique<db::Listener>(config_.jobs_listen_url, jobs::kNotifyChannel)),
      tmdb_(config_.tmdb, &tmdb_budget),
      platforms_(database_),
      offers_(database_, tmdb_fetcher(tmdb_), config_.offers, metrics),
      kinds_(catalogue::AnswerKinds::from(
          config_.cache, config_.cache_lifetimes,
          {config_.tmdb.languages.front().substr(0, 2), config_.tmdb.region})),
      catalogue_(database_, db::ReadRouter(database_, nullptr), tmdb_, config_.cache, metrics),
      diary_(database_, config_.reviews),
      watchlist_(database_, config_.watchlist_max),
      imports_(database_),
      import_run_(imports_, diary_, watchlist_,
                  catalogue_lookups(catalogue_, kinds_, config_.tmdb.languages.front()),
                  config_.imports, metrics),
      runner_(queue_,
              {{*find_job_kind(kOffersRefresh),
                [this](const jobs::Job& job, jobs::JobContext& context) {
                    return refresh_offers(job, context);
                }},
               {*find_job_kind(diary::kImportJobKind),
                [this](const jobs::Job& job, jobs::JobContext& context) {
                    return import_letterboxd(job, context);
                }}},
              config_.jobs, worker_name(), metrics) {
    housekeeping_.add("jobs_purge", config_.purge_interval, [this] {
        long purged = queue_.purge_finished(config_.jobs_keep);
        if (purged > 0) log::info("jobs_purged", {{"count", purged}});
    });
    housekeeping_.add("news_purge", config_.purge_interval, [this] {
        long purged = platforms_.purge_news(config_.news_keep);
        if (purged > 0) log::info("news_purged", {{"changes", purged}});
    });
    housekeeping_.add("jobs_gauges", std::chrono::seconds(5), [this] { publish_gauges(); });
}

fcgi::LoopPause JobsWorker::round(fcgi::LoopControl& control) {
    if (listener_) listener_->drain();
    housekeeping_.run_due();
    LaneControl lane(control);
    try {
        if (runner_.run_next(lane)) return {std::chrono::milliseconds(0), -1};
    } catch (const db::Unavailable& e) {
        // Nothing was claimed, or what was is taken back when its lease runs out.
        log::warn("jobs_unavailable", {{"reason", e.why()}});
    }
    return {config_.jobs.poll, listener_ ? listener_->fd() : -1};
}

jobs::Outcome JobsWorker::refresh_offers(const jobs::Job& job, jobs::JobContext& context) {
    JobRunControl control(context);
    auto progress = offers_.run(control, job.progress);
    return progress["ended"].asString() == "stopped" ? jobs::Outcome::interrupted
                                                     : jobs::Outcome::done;
}

jobs::Outcome JobsWorker::import_letterboxd(const jobs::Job& job, jobs::JobContext& context) {
    const std::string import_id = job.payload["import_id"].asString();
    // Queued by hand (`jobs enqueue`) without naming an import: nothing to do, ever.
    if (!accounts::is_uuid(import_id))
        throw std::invalid_argument("the payload names no import (\"import_id\")");
    JobImportControl control(context);
    try {
        return import_run_.run(control, import_id) ? jobs::Outcome::done
                                                   : jobs::Outcome::interrupted;
    } catch (const jobs::LeaseLost&) {
        throw;  // another worker has it now
    } catch (const std::exception& failure) {
        // Its last attempt: the import is failed, and its owner may start another.
        if (job.attempt >= job.max_attempts) imports_.finish(import_id, failure.what());
        throw;
    }
}

void JobsWorker::publish_gauges() {
    runner_.publish_gauges();
    auto offers = platforms_.summary(config_.offers.refresh_after);
    metrics_.set("offers_titles", static_cast<std::uint64_t>(offers.titles));
    metrics_.set("offers_titles_due", static_cast<std::uint64_t>(offers.due));
    metrics_.set("offers_titles_never_checked", static_cast<std::uint64_t>(offers.never_checked));
    metrics_.set("offers_oldest_check_age_seconds",
                 static_cast<std::uint64_t>(offers.oldest_check_age_seconds));
}

}  // namespace cv
