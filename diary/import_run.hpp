#pragma once
// The import job: each pending row of an import matched to a TMDB film (by the id its file
// names, else by title and year through search, in each configured language in turn), then
// written — a viewing to the diary, a film to watch to the watchlist — and its outcome saved
// before the next row. Every write is keyed by the row (its import_key, or the watchlist's
// one row a title), so a row done again after its worker died adds nothing twice, and a run
// taken again goes on from the first row still pending. Searches and pages go through the
// catalogue cache (shared with visitors, within the host's TMDB budget), at the run's own
// pace. While TMDB fails, rows stay pending: the run waits, then gives up its attempt (the
// job is retried after a backoff), and never reports a row unmatched for an outage.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>
#include "core/metrics.hpp"
#include "diary/imports.hpp"
#include "diary/store.hpp"

#include "watchlist/store.hpp"

namespace cv::diary {

// What runs the import gives it (a job of the jobs lane): whether to stop, a pause that ends
// when told to stop, and where it is (a sign of life, kept with its job).
class ImportControl {
  public:
    virtual ~ImportControl() = default;
    virtual bool stop_requested() = 0;
    virtual bool pause(std::chrono::milliseconds duration) = 0;  // false: told to stop
    virtual void progress(const Json::Value& state) = 0;
};

// What the catalogue answers the job.
struct Lookup {
    enum class Status { found, not_found, unavailable } status = Status::unavailable;
    std::string body;         // search results (a JSON array) or a title's page
    bool asked_tmdb = false;  // it cost a TMDB call: the run's pace counts those
};
struct CatalogueLookups {
    // /search/multi's results for a normalised query (catalogue/search.hpp), in `language`.
    std::function<Lookup(const std::string& query, const std::string& language)> search;
    // A film's or series' page.
    std::function<Lookup(const std::string& media_type, long tmdb_id)> page;
};

struct ImportSettings {
    int batch = 20;               // rows read at once
    double calls_per_second = 5;  // the run's TMDB calls at most, within the host's budget
    int failures_in_a_row = 6;    // lookups TMDB failed, one after another, before giving up
    std::chrono::milliseconds first_wait{250};  // after a failed lookup; doubled each time
    std::vector<std::string> languages{"fr-FR", "en-US"};  // searched in this order
};

// What the diary and the watchlist keep of a title, from its page; nullopt when the page is
// not one.
std::optional<Title> title_of_page(const std::string& media_type, long tmdb_id,
                                   const std::string& page);

// Writes what a matched row stands for: a viewing (once, by its import_key) or a film to
// watch (the list's one row a title; a full list is logged and skipped). `today` dates a
// viewing without a date.
void write_imported_row(DiaryStore& diary, watchlist::WatchlistStore& watchlist,
                        const std::string& user_id, const ExportRow& row, const Title& title,
                        const std::string& today);

// Today in UTC, as the diary spells dates.
std::string utc_today();

class ImportRun {
  public:
    ImportRun(ImportStore& imports, DiaryStore& diary, watchlist::WatchlistStore& watchlist,
              CatalogueLookups lookups, ImportSettings settings, Metrics& metrics)
        : imports_(imports),
          diary_(diary),
          watchlist_(watchlist),
          lookups_(std::move(lookups)),
          settings_(std::move(settings)),
          metrics_(metrics) {}

    // The import's pending rows, done. Returns false when told to stop before the end (the
    // job is put back, to go on later). Throws when TMDB stays unavailable or the database
    // is lost: the attempt failed.
    bool run(ImportControl& context, const std::string& import_id);

  private:
    struct Match {
        enum class Outcome { matched, unmatched, unavailable } outcome = Outcome::unmatched;
        std::optional<Title> title;
    };
    Match match(ImportControl& context, const ExportRow& row);
    std::optional<Title> page_of(ImportControl& context, long tmdb_id, bool& unavailable);
    // A lookup at the run's pace.
    Lookup paced(ImportControl& context, const std::function<Lookup()>& lookup);

    ImportStore& imports_;
    DiaryStore& diary_;
    watchlist::WatchlistStore& watchlist_;
    CatalogueLookups lookups_;
    ImportSettings settings_;
    Metrics& metrics_;
    std::chrono::steady_clock::time_point next_call_{};
};

}  // namespace cv::diary
