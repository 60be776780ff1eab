#pragma once
// A Letterboxd export, read: the ZIP its "Export your data" gives, or one of its CSV files
// (watched.csv, ratings.csv, diary.csv, watchlist.csv, reviews.csv), turned into the rows an
// import makes — viewings (with their dates, ratings, rewatches and reviews) and watchlist
// entries, each once. Letterboxd has no TMDB ids in its export: a row names a film by title
// and year, for the import to match. Pure: no I/O but the parsing of the given bytes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::diary {

struct ExportRow {
    enum class Kind { viewing, watchlist } kind = Kind::viewing;
    std::string name;
    std::optional<int> year;
    std::optional<std::string> watched_on;  // YYYY-MM-DD
    std::optional<int> rating_halves;       // 1 to 10
    bool rewatch = false;
    std::optional<std::string> review;
    // The film's TMDB id, when the file names it (Letterboxd's import format, which
    // CineVerse's own CSV export writes): no search is needed.
    std::optional<long> tmdb_id;
    // The row's identity (kind, film and viewing date): the same row imported twice is one.
    std::string key;
};

struct ExportLimits {
    std::size_t max_file = std::size_t{20} * 1024 * 1024;   // one CSV, uncompressed
    std::size_t max_total = std::size_t{50} * 1024 * 1024;  // all of them
    std::size_t max_rows = 20000;
};

enum class ExportFormat { zip, csv };

// The rows of an export, films first seen in their diary, then ratings and plain watches of
// films without a diary entry, then the watchlist. A single CSV is the file `file_name`
// names ("watchlist.csv"), else the one its columns say; a CSV in the format Letterboxd's
// importer reads (tmdbID, Title, Year, WatchedDate, Rating, Rewatch, Review: what
// GET /api/export/letterboxd.csv writes) is read too, a line with a WatchedDate as a viewing
// and one without as a film to watch. A body that is not a Letterboxd
// export (not a ZIP or CSV, no known file at the archive's top, a file without Letterboxd's
// columns, not UTF-8, over the limits) throws Failure(invalid_input, "Not a Letterboxd
// export").
std::vector<ExportRow> read_letterboxd_export(std::string_view body, ExportFormat format,
                                              const std::string& file_name = "",
                                              const ExportLimits& limits = {});

// A line of a file Letterboxd's importer reads (its documented columns: tmdbID, Title, Year,
// WatchedDate, Rating, Rewatch, Review).
struct ImportLine {
    std::string tmdb_id, title, year, watched_on, rating, rewatch, review;
};
// The file: a header, then each line, every field quoted (RFC 4180).
std::string letterboxd_csv(const std::vector<ImportLine>& lines);

// One CSV file's records (RFC 4180: quoted fields, commas and line breaks inside quotes), a
// record a vector of fields; nullopt when the text is not CSV.
std::optional<std::vector<std::vector<std::string>>> parse_csv(std::string_view text);

}  // namespace cv::diary
