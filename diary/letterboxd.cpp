#include "diary/letterboxd.hpp"

#include <csv.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "core/failure.hpp"
#include "core/text.hpp"
#include "diary/entries.hpp"

namespace cv::diary {
namespace {

[[noreturn]] void not_an_export() {
    throw Failure::invalid_input("Not a Letterboxd export");
}

using Records = std::vector<std::vector<std::string>>;

// The files an export holds that an import reads, with the columns each must have.
struct KnownFile {
    const char* name;
    std::vector<std::string> columns;
};
const std::vector<KnownFile>& known_files() {
    // The most specific first: a single CSV is told by its columns (reviews.csv has every
    // column of diary.csv and Review), but for watched.csv and watchlist.csv, which have the
    // same ones: the upload names it, or it is taken as watched.csv.
    static const std::vector<KnownFile> files = {
        {"reviews.csv", {"Date", "Name", "Year", "Letterboxd URI", "Review"}},
        {"diary.csv",
         {"Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Watched Date"}},
        {"ratings.csv", {"Date", "Name", "Year", "Letterboxd URI", "Rating"}},
        {"watched.csv", {"Date", "Name", "Year", "Letterboxd URI"}},
        {"watchlist.csv", {"Date", "Name", "Year", "Letterboxd URI"}},
    };
    return files;
}

struct CsvCollector {
    Records records;
    std::vector<std::string> current;
    std::size_t max_rows;
    bool too_many = false;
};

void on_field(void* data, std::size_t length, void* user) {
    auto* collector = static_cast<CsvCollector*>(user);
    collector->current.emplace_back(static_cast<const char*>(data), length);
}

void on_record(int, void* user) {
    auto* collector = static_cast<CsvCollector*>(user);
    if (collector->records.size() >= collector->max_rows) collector->too_many = true;
    if (!collector->too_many) collector->records.push_back(std::move(collector->current));
    collector->current.clear();
}

// libcsv's parser, released whatever happens.
class CsvParser {
  public:
    CsvParser() {
        if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    }
    ~CsvParser() { csv_free(&parser_); }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
    csv_parser* get() { return &parser_; }

  private:
    csv_parser parser_{};
};

std::optional<Records> parse(std::string_view text, std::size_t max_rows) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
    if (!text::is_valid_utf8(text)) return std::nullopt;
    CsvCollector collector;
    collector.max_rows = max_rows + 1;  // and the header
    CsvParser parser;
    if (csv_parse(parser.get(), text.data(), text.size(), on_field, on_record, &collector) !=
            text.size() ||
        csv_fini(parser.get(), on_field, on_record, &collector) != 0 || collector.too_many)
        return std::nullopt;
    return std::move(collector.records);
}

// The records of a file as maps from column to value; nullopt when the header lacks one of
// the file's columns.
using Table = std::vector<std::map<std::string, std::string>>;
std::optional<Table> table_of(const Records& records, const KnownFile& file) {
    if (records.empty()) return std::nullopt;
    const auto& header = records.front();
    for (const auto& column : file.columns) {
        if (std::find(header.begin(), header.end(), column) == header.end()) return std::nullopt;
    }
    Table table;
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (records[i].size() == 1 && records[i][0].empty()) continue;  // a blank line
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size() && c < records[i].size(); ++c)
            row[header[c]] = records[i][c];
        table.push_back(std::move(row));
    }
    return table;
}

// The file a single uploaded CSV is: the one it is named as, if it has that file's columns,
// else the first whose columns it has.
const KnownFile* file_with_columns(const Records& records, const std::string& named) {
    for (const auto& file : known_files()) {
        if (file.name == named) return table_of(records, file) ? &file : nullptr;
    }
    for (const auto& file : known_files()) {
        if (table_of(records, file)) return &file;
    }
    return nullptr;
}

// libzip's archive over a buffer, released whatever happens.
class ZipReader {
  public:
    explicit ZipReader(std::string_view body) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(body.data(), body.size(), 0, &error);
        if (source != nullptr) {
            archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
            if (archive_ == nullptr) zip_source_free(source);
        }
        zip_error_fini(&error);
    }
    ~ZipReader() {
        if (archive_ != nullptr) zip_discard(archive_);
    }
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    bool open() const { return archive_ != nullptr; }
    // The files at the top of the archive whose names are wanted, each read up to `max_file`
    // bytes (its declared size is not trusted); nullopt for an archive that cannot be read or
    // a file over the limits.
    std::optional<std::map<std::string, std::string>> files(const std::set<std::string>& wanted,
                                                            const ExportLimits& limits) {
        std::map<std::string, std::string> out;
        std::size_t total = 0;
        zip_int64_t count = zip_get_num_entries(archive_, 0);
        for (zip_int64_t i = 0; i < count; ++i) {
            const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
            if (name == nullptr || wanted.count(name) == 0) continue;
            std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
                zip_fopen_index(archive_, static_cast<zip_uint64_t>(i), 0), zip_fclose);
            if (!file) return std::nullopt;
            std::string content;
            char buffer[65536];
            zip_int64_t got = 0;
            while ((got = zip_fread(file.get(), buffer, sizeof buffer)) > 0) {
                content.append(buffer, static_cast<std::size_t>(got));
                total += static_cast<std::size_t>(got);
                if (content.size() > limits.max_file || total > limits.max_total)
                    return std::nullopt;
            }
            if (got < 0) return std::nullopt;
            out[name] = std::move(content);
        }
        return out;
    }

  private:
    zip_t* archive_ = nullptr;
};

std::optional<int> year_of(const std::string& text) {
    auto year = text::parse_integer(text::trim(text), 1870, 2200);
    if (!year) return std::nullopt;
    return static_cast<int>(*year);
}

// Letterboxd rates from 0.5 to 5 in halves; an empty rating is none.
std::optional<int> rating_of(const std::string& text) {
    std::string value(text::trim(text));
    if (value.empty()) return std::nullopt;
    char* end = nullptr;
    double stars = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || stars < 0.5 || stars > 5 ||
        stars * 2 != std::floor(stars * 2))
        not_an_export();
    return static_cast<int>(stars * 2);
}

std::optional<std::string> date_of(const std::string& text) {
    std::string value(text::trim(text));
    if (value.empty()) return std::nullopt;
    if (!is_date(value)) not_an_export();
    return value;
}

std::string film_key(const std::string& name, std::optional<int> year) {
    return text::lower(text::trim(name)) + "|" + (year ? std::to_string(*year) : "");
}

// The rows of an export's tables (by file name), merged: a diary line is a viewing; a review
// joins the viewing of its film and date, or is one of its own; a rating or a plain watch
// of a film without a viewing becomes one, on the day it was logged; the watchlist is apart.
std::vector<ExportRow> rows_of(const std::map<std::string, Table>& tables) {
    std::vector<ExportRow> rows;
    std::map<std::string, std::size_t> viewing_at;  // film|date → index in rows
    std::set<std::string> seen_films;
    auto add_viewing = [&](const std::map<std::string, std::string>& line,
                           const std::string& date_column) -> ExportRow& {
        ExportRow row;
        row.name = std::string(text::trim(line.at("Name")));
        row.year = year_of(line.at("Year"));
        auto date = line.count(date_column) ? date_of(line.at(date_column)) : std::nullopt;
        if (!date) date = date_of(line.at("Date"));
        row.watched_on = date;
        std::string film = film_key(row.name, row.year);
        row.key = "viewing|" + film + "|" + row.watched_on.value_or("");
        seen_films.insert(film);
        auto [at, added] =
            viewing_at.try_emplace(film + "|" + row.watched_on.value_or(""), rows.size());
        if (added) rows.push_back(std::move(row));
        return rows[at->second];
    };
    auto table = [&](const char* name) -> const Table& {
        static const Table none;
        auto found = tables.find(name);
        return found == tables.end() ? none : found->second;
    };
    for (const auto& line : table("diary.csv")) {
        if (line.at("Name").empty()) not_an_export();
        ExportRow& row = add_viewing(line, "Watched Date");
        if (auto rating = rating_of(line.at("Rating"))) row.rating_halves = rating;
        row.rewatch = row.rewatch || text::lower(text::trim(line.at("Rewatch"))) == "yes";
    }
    for (const auto& line : table("reviews.csv")) {
        if (line.at("Name").empty()) not_an_export();
        ExportRow& row = add_viewing(line, "Watched Date");
        std::string review(text::trim(line.at("Review")));
        if (!review.empty()) row.review = review.substr(0, 20000);
        if (line.count("Rating") && !row.rating_halves)
            row.rating_halves = rating_of(line.at("Rating"));
        if (line.count("Rewatch"))
            row.rewatch = row.rewatch || text::lower(text::trim(line.at("Rewatch"))) == "yes";
    }
    for (const char* name : {"ratings.csv", "watched.csv"}) {
        for (const auto& line : table(name)) {
            if (line.at("Name").empty()) not_an_export();
            std::string film = film_key(line.at("Name"), year_of(line.at("Year")));
            if (seen_films.count(film)) {
                // Already seen: the rating completes the film's latest viewing without one.
                if (std::string(name) == "ratings.csv") {
                    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
                        if (film_key(it->name, it->year) == film && !it->rating_halves) {
                            it->rating_halves = rating_of(line.at("Rating"));
                            break;
                        }
                    }
                }
                continue;
            }
            ExportRow& row = add_viewing(line, "Date");
            if (line.count("Rating")) row.rating_halves = rating_of(line.at("Rating"));
        }
    }
    std::set<std::string> listed;
    for (const auto& line : table("watchlist.csv")) {
        if (line.at("Name").empty()) not_an_export();
        ExportRow row;
        row.kind = ExportRow::Kind::watchlist;
        row.name = std::string(text::trim(line.at("Name")));
        row.year = year_of(line.at("Year"));
        row.key = "watchlist|" + film_key(row.name, row.year);
        if (listed.insert(row.key).second) rows.push_back(std::move(row));
    }
    return rows;
}

// The format Letterboxd's importer reads (its documented columns, of which a file may
// have any): what CineVerse's own CSV export writes. It names a film by its title, with its
// year or its TMDB id.
bool in_import_format(const Records& records) {
    if (records.empty()) return false;
    const auto& header = records.front();
    auto has = [&header](const char* column) {
        return std::find(header.begin(), header.end(), column) != header.end();
    };
    return has("Title") && (has("Year") || has("tmdbID"));
}

// A line with a WatchedDate is a viewing; one without (or any, in a file uploaded as the
// watchlist) is a film to watch.
std::vector<ExportRow> rows_of_import_format(const Records& records, bool watchlist) {
    const auto& header = records.front();
    std::vector<ExportRow> rows;
    std::set<std::string> keys;
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (records[i].size() == 1 && records[i][0].empty()) continue;  // a blank line
        auto column = [&](const char* name) -> std::string {
            auto at = std::find(header.begin(), header.end(), name);
            auto index = static_cast<std::size_t>(at - header.begin());
            if (at == header.end() || index >= records[i].size()) return "";
            return std::string(text::trim(records[i][index]));
        };
        ExportRow row;
        row.name = column("Title");
        if (row.name.empty()) not_an_export();
        row.year = year_of(column("Year"));
        if (auto id = text::parse_integer(column("tmdbID"), 1, 2147483647)) row.tmdb_id = *id;
        std::string film = film_key(row.name, row.year);
        row.watched_on = date_of(column("WatchedDate"));
        if (watchlist || !row.watched_on) {
            row.kind = ExportRow::Kind::watchlist;
            row.watched_on.reset();
            row.key = "watchlist|" + film;
        } else {
            row.rating_halves = rating_of(column("Rating"));
            std::string rewatch = text::lower(column("Rewatch"));
            row.rewatch = rewatch == "yes" || rewatch == "true";
            std::string review = column("Review");
            if (!review.empty()) row.review = review.substr(0, 20000);
            row.key = "viewing|" + film + "|" + *row.watched_on;
        }
        if (keys.insert(row.key).second) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

std::string letterboxd_csv(const std::vector<ImportLine>& lines) {
    std::string out;
    auto field = [&out](const std::string& value, bool last) {
        // libcsv quotes a field and doubles its quotes: at most twice as long, and the quotes.
        std::string quoted(value.size() * 2 + 2, '\0');
        quoted.resize(csv_write(quoted.data(), quoted.size(), value.data(), value.size()));
        out += quoted;
        out += last ? "\r\n" : ",";
    };
    const std::vector<std::string> header = {"tmdbID", "Title",   "Year",  "WatchedDate",
                                             "Rating", "Rewatch", "Review"};
    for (std::size_t i = 0; i < header.size(); ++i) field(header[i], i + 1 == header.size());
    for (const auto& line : lines) {
        for (const auto* value : {&line.tmdb_id, &line.title, &line.year, &line.watched_on,
                                  &line.rating, &line.rewatch})
            field(*value, false);
        field(line.review, true);
    }
    return out;
}

std::optional<std::vector<std::vector<std::string>>> parse_csv(std::string_view text) {
    return parse(text, ExportLimits{}.max_rows);
}

std::vector<ExportRow> read_letterboxd_export(std::string_view body, ExportFormat format,
                                              const std::string& file_name,
                                              const ExportLimits& limits) {
    std::map<std::string, std::string> files;
    if (format == ExportFormat::zip) {
        ZipReader archive(body);
        if (!archive.open()) not_an_export();
        std::set<std::string> wanted;
        for (const auto& file : known_files()) wanted.insert(file.name);
        auto found = archive.files(wanted, limits);
        if (!found || found->empty()) not_an_export();
        files = std::move(*found);
    } else {
        if (body.size() > limits.max_file) not_an_export();
        auto records = parse(body, limits.max_rows);
        if (!records) not_an_export();
        const KnownFile* file = file_with_columns(*records, file_name);
        if (file == nullptr && in_import_format(*records))
            return rows_of_import_format(*records, file_name == "watchlist.csv");
        if (file == nullptr) not_an_export();
        files[file->name] = std::string(body);
    }
    std::map<std::string, Table> tables;
    std::size_t lines = 0;
    for (const auto& file : known_files()) {
        auto content = files.find(file.name);
        if (content == files.end()) continue;
        auto records = parse(content->second, limits.max_rows);
        if (!records) not_an_export();
        auto table = table_of(*records, file);
        if (!table) not_an_export();
        lines += table->size();
        if (lines > limits.max_rows) not_an_export();
        tables[file.name] = std::move(*table);
    }
    return rows_of(tables);
}

}  // namespace cv::diary
