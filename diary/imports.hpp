#pragma once
// Imports of a Letterboxd export, in PostgreSQL: the export's rows as the import's whole
// state (a job taken again after its worker died goes on where it stopped), one import
// running at a time for a user, its progress, and the rows it could not match.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "diary/letterboxd.hpp"

namespace cv::diary {

// The background job that matches an import's rows (app/job_kinds.cpp runs it): one job an
// import, queued with it, its unique key naming the import. Its attempts are spent only when
// TMDB or the database keep failing for hours (each waits longer, jobs/backoff.hpp); the
// import is then failed.
inline constexpr const char* kImportJobKind = "diary.import";
inline constexpr int kImportJobAttempts = 8;

struct PendingRow {
    int position = 0;
    ExportRow row;       // its tmdb_id: the one its file named, or the one it was matched to
    std::string status;  // "pending", "matched" or "unmatched"
};

class ImportStore {
  public:
    explicit ImportStore(db::Database& database) : db_(database) {}

    // What else a new import's transaction does, given the import's id: the caller queues
    // the job that will match the rows there, so the import and its job exist together.
    using AlsoWithin = std::function<void(soci::session& sql, const std::string& import_id)>;
    // A new import of these rows; its id. The user's import already queued or running throws
    // Failure(conflict, "An import is already running").
    std::string start(const std::string& user_id, const std::string& source,
                      const std::vector<ExportRow>& rows, const AlsoWithin& also_within);
    // Its progress as the contract spells it, or nullopt when the user has no such import.
    std::optional<std::string> status_json(const std::string& user_id,
                                           const std::string& import_id);

    // Every import of the user with its rows and their outcome (the data export).
    std::string everything_of(const std::string& user_id);

    // The next rows not yet matched, in order (the import is marked running).
    std::vector<PendingRow> pending(const std::string& import_id, int count);
    // The import's owner.
    std::optional<std::string> owner_of(const std::string& import_id);
    // One row of one of the user's imports, whatever its status.
    std::optional<PendingRow> row_of(const std::string& user_id, const std::string& import_id,
                                     int position);
    // A row's outcome: matched to a title, or not.
    void settle(const std::string& import_id, int position,
                const std::optional<std::pair<std::string, long>>& title);
    // Done (no row pending), or failed with a reason.
    void finish(const std::string& import_id, const std::optional<std::string>& failure = {});

  private:
    db::Database& db_;
};

// The title a Letterboxd row names, among TMDB search results (/search/multi items): a film
// whose title or original title is the row's name (case and accents aside) and whose year
// is the row's (or one off: Letterboxd and TMDB disagree on a premiere now and then); with
// no year, the first film of that name. nullopt when none fits.
std::optional<long> matching_film(const std::string& search_results, const ExportRow& row);

}  // namespace cv::diary
