#pragma once
// The diary in PostgreSQL: a user's viewings with their ratings and reviews, a title's public
// ones for everyone, the figures of a year, and the rows of imports. Answers are built as
// JSON by PostgreSQL (sql/020_diary.sql); a title's first page of reviews is kept ready
// by triggers (sql/021_review_documents.sql). Changes to one user's entries take turns on the
// user's row, so the per-account limit on reviews holds under concurrent posts.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/bounded_memory.hpp"
#include "db/database.hpp"
#include "diary/entries.hpp"
#include "diary/letterboxd.hpp"

namespace cv::diary {

// What the diary keeps of a title, taken from its page (never from the client).
struct Title {
    std::string media_type;  // "movie" or "tv"
    long tmdb_id = 0;
    std::string title;
    std::optional<std::string> poster_path;
    std::optional<std::string> release_date;
    std::vector<int> genre_ids;
};

struct ReviewPolicy {
    int per_window = 5;  // reviews an account may write (or rewrite) within the window
    std::chrono::seconds window{60};
    // How long a worker answers a title's first page of reviews from its memory: the route is
    // shared for a minute by nginx, so a moment here is not seen; 0 reads it every time.
    std::chrono::milliseconds remembered{2000};
};

struct JournalFilter {
    std::optional<int> year;
    std::optional<int> rating_halves;
};

class DiaryStore {
  public:
    static constexpr int kPageSize = 50;
    static constexpr int kReviewsPageSize = 20;  // as sql/021_review_documents.sql pages them

    DiaryStore(db::Database& database, ReviewPolicy policy) : db_(database), policy_(policy) {}

    // The new entry (the contract's JSON). A review past the account's limit throws
    // Failure(rate_limited) and nothing is written.
    std::string add(const std::string& user_id, const Title& title, const EntryFields& fields,
                    const std::string& today);
    // A viewing an import writes (kind viewing): private, like any entry unless said
    // otherwise, and not counted against the per-account limit on reviews (they were written
    // elsewhere, over years); a review is cut to the diary's length. `import_key` makes it
    // one entry however often it is imported; returns whether it is new. A row without a
    // date is a viewing of `today`.
    bool add_imported(const std::string& user_id, const Title& title, const ExportRow& row,
                      const std::string& import_key, const std::string& today);
    // The changed entry, or nullopt when the user has no such entry.
    std::optional<std::string> update(const std::string& user_id, const std::string& entry_id,
                                      const EntryFields& fields);
    bool remove(const std::string& user_id, const std::string& entry_id);

    // A page of the user's entries, newest viewing first, as a JSON array.
    std::string journal(const std::string& user_id, int page, const JournalFilter& filter);
    // The user's entries for one title, newest first.
    std::string entries_of(const std::string& user_id, const std::string& media_type, long tmdb_id);
    // {"movie": [ids], "tv": [ids]}: what the user has seen.
    std::string seen(const std::string& user_id);
    // The figures of a year: films seen, viewings, average rating, by month, genres.
    std::string summary(const std::string& user_id, int year);

    // A title's public ratings (each member's latest counted once) and reviews, newest first;
    // nullopt when nobody has any entry for it (whether TMDB knows it is the caller's). The
    // first page comes from this worker's memory while remembered (ReviewPolicy).
    std::optional<std::string> reviews(const std::string& media_type, long tmdb_id, int page);

    // An operator's removal of a review (the entry stays, without its text): the author's
    // username, or nullopt when there was no such review.
    std::optional<std::string> remove_review(const std::string& entry_id);

    // The user's whole diary, oldest viewing first, as JSON (the data export).
    std::string everything_of(const std::string& user_id);
    // The user's films' viewings as the lines of a Letterboxd import file, oldest first.
    std::vector<ImportLine> letterboxd_lines(const std::string& user_id);

  private:
    using Clock = std::chrono::steady_clock;
    struct Remembered {
        std::optional<std::string> first_page;
        Clock::time_point until;
    };

    std::optional<std::string> read_reviews(const std::string& media_type, long tmdb_id, int page);

    db::Database& db_;
    ReviewPolicy policy_;
    BoundedMemory<Remembered> first_pages_{1024};  // by "movie/42"; titles a worker remembers
};

}  // namespace cv::diary
