#include "diary/imports.hpp"

#include <json/json.h>

#include <cstdlib>

#include "core/failure.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace cv::diary {
namespace {

// The letters of a title, without case, accents, punctuation or spaces ("Häxan: la
// sorcellerie" and "HAXAN LA SORCELLERIE" are one): two-byte Latin-1 letters of UTF-8 are
// reduced to their base letter.
std::string folded(const std::string& title) {
    static const std::pair<const char*, char> accents[] = {
        {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"ç", 'c'},
        {"è", 'e'}, {"é", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'},
        {"ï", 'i'}, {"ñ", 'n'}, {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'},
        {"ø", 'o'}, {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ý", 'y'}, {"ÿ", 'y'},
        {"À", 'a'}, {"Á", 'a'}, {"Â", 'a'}, {"Ä", 'a'}, {"Ç", 'c'}, {"È", 'e'}, {"É", 'e'},
        {"Ê", 'e'}, {"Ë", 'e'}, {"Î", 'i'}, {"Ï", 'i'}, {"Ô", 'o'}, {"Ö", 'o'}, {"Ù", 'u'},
        {"Û", 'u'}, {"Ü", 'u'}, {"œ", 'o'}, {"Œ", 'o'}, {"æ", 'a'}, {"Æ", 'a'}};
    std::string out;
    for (std::size_t i = 0; i < title.size();) {
        unsigned char c = static_cast<unsigned char>(title[i]);
        if (std::isalnum(c)) {
            out += static_cast<char>(std::tolower(c));
            ++i;
            continue;
        }
        bool replaced = false;
        for (const auto& [accented, base] : accents) {
            std::size_t length = std::char_traits<char>::length(accented);
            if (title.compare(i, length, accented) == 0) {
                out += base;
                i += length;
                replaced = true;
                break;
            }
        }
        if (!replaced) i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;  // other: dropped
    }
    return out;
}

constexpr const char* kRowColumns =
    "position, kind, name, year, to_char(watched_on, 'YYYY-MM-DD'), rating_halves::int, "
    "rewatch::int, review, row_key, tmdb_id, status";

PendingRow read_row(const soci::row& row) {
    PendingRow pending;
    pending.position = row.get<int>(0);
    pending.row.kind = row.get<std::string>(1) == "viewing" ? ExportRow::Kind::viewing
                                                            : ExportRow::Kind::watchlist;
    pending.row.name = row.get<std::string>(2);
    if (row.get_indicator(3) == soci::i_ok) pending.row.year = row.get<int>(3);
    if (row.get_indicator(4) == soci::i_ok) pending.row.watched_on = row.get<std::string>(4);
    if (row.get_indicator(5) == soci::i_ok) pending.row.rating_halves = row.get<int>(5);
    pending.row.rewatch = row.get<int>(6) != 0;
    if (row.get_indicator(7) == soci::i_ok) pending.row.review = row.get<std::string>(7);
    pending.row.key = row.get<std::string>(8);
    if (row.get_indicator(9) == soci::i_ok) pending.row.tmdb_id = row.get<int>(9);
    pending.status = row.get<std::string>(10);
    return pending;
}

}  // namespace

std::string ImportStore::start(const std::string& user_id, const std::string& source,
                               const std::vector<ExportRow>& rows, const AlsoWithin& also_within) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        // Turns on the user's row: of two imports started at once, the second sees the first.
        sql << "SELECT 1 FROM users WHERE id = CAST(:u AS uuid) FOR UPDATE", soci::use(user_id);
        // An import whose job is gone (dead after its worker was killed each attempt) runs
        // no more: it is failed rather than left to block every later one.
        std::string job_prefix = std::string(kImportJobKind) + ":";
        sql << "UPDATE imports i SET state = 'failed', error = 'its job ended', finished_at = "
               "clock_timestamp() WHERE i.user_id = CAST(:u AS uuid) AND i.state IN ('queued', "
               "'running') AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.unique_key = :p || i.id "
               "AND j.state IN ('queued', 'running', 'retrying'))",
            soci::use(user_id, "u"), soci::use(job_prefix, "p");
        int running = 0;
        sql << "SELECT count(*) FROM imports WHERE user_id = CAST(:u AS uuid) AND state IN "
               "('queued', 'running')",
            soci::use(user_id), soci::into(running);
        if (running > 0) throw Failure::conflict("An import is already running");
        std::string id;
        sql << "INSERT INTO imports (user_id, source) VALUES (CAST(:u AS uuid), :s) RETURNING "
               "id::text",
            soci::use(user_id, "u"), soci::use(source, "s"), soci::into(id);
        // The rows as one JSON document, unpacked by PostgreSQL: one statement however many.
        Json::Value list(Json::arrayValue);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const ExportRow& row = rows[i];
            Json::Value item(Json::objectValue);
            item["position"] = static_cast<Json::Int64>(i);
            item["kind"] = row.kind == ExportRow::Kind::viewing ? "viewing" : "watchlist";
            item["name"] = row.name;
            item["year"] = row.year ? Json::Value(*row.year) : Json::Value();
            item["watched_on"] = row.watched_on ? Json::Value(*row.watched_on) : Json::Value();
            item["rating_halves"] =
                row.rating_halves ? Json::Value(*row.rating_halves) : Json::Value();
            item["rewatch"] = row.rewatch;
            item["review"] = row.review ? Json::Value(*row.review) : Json::Value();
            item["row_key"] = row.key;
            item["tmdb_id"] =
                row.tmdb_id ? Json::Value(static_cast<Json::Int64>(*row.tmdb_id)) : Json::Value();
            list.append(item);
        }
        std::string document = json::write(list);
        // A row whose file names its film's TMDB id keeps it while pending: the job asks for
        // that page rather than search.
        sql << "INSERT INTO import_rows (import_id, position, kind, name, year, watched_on, "
               "rating_halves, review, rewatch, row_key, media_type, tmdb_id) SELECT CAST(:id AS "
               "uuid), position, kind, name, year, watched_on, rating_halves, review, rewatch, "
               "row_key, CASE WHEN tmdb_id IS NULL THEN NULL ELSE 'movie' END, tmdb_id FROM "
               "json_to_recordset(CAST(:rows AS json)) AS r(position int, kind text, name text, "
               "year int, watched_on date, rating_halves smallint, review text, rewatch "
               "boolean, row_key text, tmdb_id int)",
            soci::use(id, "id"), soci::use(document, "rows");
        also_within(sql, id);
        tx.commit();
        return id;
    });
}

std::optional<std::string> ImportStore::status_json(const std::string& user_id,
                                                    const std::string& import_id) {
    std::optional<std::string> status;
    db_.read_row(
        "SELECT json_build_object('job_id', i.id, 'state', i.state, "
        "'total', (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id), "
        "'done', (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id AND r.status <> "
        "'pending'), "
        "'matched', (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id AND r.status = "
        "'matched'), "
        "'unmatched', COALESCE((SELECT json_agg(json_build_object('name', r.name, 'year', r.year, "
        "'position', r.position) ORDER BY r.position) FROM import_rows r WHERE r.import_id = i.id "
        "AND r.status = 'unmatched'), '[]'))::text FROM imports i WHERE i.id = CAST(:i AS uuid) "
        "AND i.user_id = CAST(:u AS uuid)",
        {{"i", import_id}, {"u", user_id}},
        [&](const soci::row& row) { status = row.get<std::string>(0); });
    return status;
}

std::string ImportStore::everything_of(const std::string& user_id) {
    std::string imports = "[]";
    db_.read_row(
        "SELECT COALESCE(json_agg(json_build_object('job_id', i.id, 'source', i.source, 'state', "
        "i.state, 'created_at', to_char(i.created_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'rows', COALESCE((SELECT json_agg(json_build_object("
        "'kind', r.kind, 'name', r.name, 'year', r.year, 'watched_on', r.watched_on, 'status', "
        "r.status, 'media_type', r.media_type, 'id', r.tmdb_id) ORDER BY r.position) FROM "
        "import_rows r WHERE r.import_id = i.id), '[]')) ORDER BY i.created_at), '[]')::text FROM "
        "imports i WHERE i.user_id = CAST(:u AS uuid)",
        {{"u", user_id}}, [&](const soci::row& row) { imports = row.get<std::string>(0); });
    return imports;
}

std::vector<PendingRow> ImportStore::pending(const std::string& import_id, int count) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        sql << "UPDATE imports SET state = 'running' WHERE id = CAST(:i AS uuid) AND state = "
               "'queued'",
            soci::use(import_id);
        std::vector<PendingRow> rows;
        soci::rowset<soci::row> found =
            (sql.prepare << "SELECT " << kRowColumns
                         << " FROM import_rows WHERE import_id = CAST(:i AS uuid) AND status = "
                            "'pending' ORDER BY position LIMIT :n",
             soci::use(import_id, "i"), soci::use(count, "n"));
        for (const auto& row : found) rows.push_back(read_row(row));
        tx.commit();
        return rows;
    });
}

std::optional<std::string> ImportStore::owner_of(const std::string& import_id) {
    std::optional<std::string> owner;
    db_.read_row("SELECT user_id::text FROM imports WHERE id = CAST(:i AS uuid)",
                 {{"i", import_id}},
                 [&](const soci::row& row) { owner = row.get<std::string>(0); });
    return owner;
}

std::optional<PendingRow> ImportStore::row_of(const std::string& user_id,
                                              const std::string& import_id, int position) {
    std::optional<PendingRow> found;
    db_.read_row(std::string("SELECT ") + kRowColumns +
                     " FROM import_rows r WHERE r.import_id = CAST(:i AS uuid) AND r.position = "
                     "CAST(:p AS integer) AND EXISTS (SELECT 1 FROM imports i WHERE i.id = "
                     "r.import_id AND i.user_id = CAST(:u AS uuid))",
                 {{"i", import_id}, {"p", std::to_string(position)}, {"u", user_id}},
                 [&](const soci::row& row) { found = read_row(row); });
    return found;
}

void ImportStore::settle(const std::string& import_id, int position,
                         const std::optional<std::pair<std::string, long>>& title) {
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        std::string status = title ? "matched" : "unmatched";
        std::string media = title ? title->first : "";
        int id = title ? static_cast<int>(title->second) : 0;
        soci::indicator known = title ? soci::i_ok : soci::i_null;
        sql << "UPDATE import_rows SET status = :s, media_type = :m, tmdb_id = :t WHERE "
               "import_id = CAST(:i AS uuid) AND position = :p",
            soci::use(status, "s"), soci::use(media, known, "m"), soci::use(id, known, "t"),
            soci::use(import_id, "i"), soci::use(position, "p");
        tx.commit();
    });
}

void ImportStore::finish(const std::string& import_id, const std::optional<std::string>& failure) {
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        std::string state = failure ? "failed" : "done";
        std::string reason = failure.value_or("");
        soci::indicator given = failure ? soci::i_ok : soci::i_null;
        sql << "UPDATE imports SET state = :s, error = :e, finished_at = clock_timestamp() WHERE "
               "id = CAST(:i AS uuid)",
            soci::use(state, "s"), soci::use(reason, given, "e"), soci::use(import_id, "i");
        tx.commit();
    });
}

std::optional<long> matching_film(const std::string& search_results, const ExportRow& row) {
    auto results = json::parse(search_results);
    if (!results || !results->isArray()) return std::nullopt;
    std::string wanted = folded(row.name);
    std::optional<long> one_year_off;
    for (const auto& item : *results) {
        if (!item.isObject() || !item["id"].isIntegral()) continue;
        std::string media = item["media_type"].isString() ? item["media_type"].asString() : "movie";
        if (media != "movie") continue;
        bool named = folded(item["title"].asString()) == wanted ||
                     folded(item["original_title"].asString()) == wanted;
        if (!named) continue;
        if (!row.year) return item["id"].asInt64();
        std::string date = item["release_date"].asString();
        int year = date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0;
        if (year == *row.year) return item["id"].asInt64();
        if (std::abs(year - *row.year) == 1 && !one_year_off) one_year_off = item["id"].asInt64();
    }
    return one_year_off;
}

}  // namespace cv::diary
