// The diary: what a user has seen, when, what they thought of it; a title's public reviews;
// one's history brought in from Letterboxd; everything a user's data holds, to take away.
#include <algorithm>
#include <ctime>

#include "accounts/validation.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "diary/entries.hpp"
#include "diary/import_run.hpp"
#include "diary/letterboxd.hpp"
#include "handlers/handlers.hpp"
#include "handlers/shared_answers.hpp"
#include "handlers/titles.hpp"
#include "jobs/queue.hpp"

namespace cv::handlers {
namespace {

// Today in UTC, as the diary spells dates: a viewing cannot be later.
std::string today() {
    std::time_t now = std::time(nullptr) + std::time_t{14} * 3600;  // the earliest time zone's day
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

long tmdb_id_of(const Json::Value& body) {
    const Json::Value& id = body["id"];
    if (!id.isIntegral() || id.asInt64() < 1 || id.asInt64() > 2147483647)
        throw Failure::invalid_input("id must be a positive integer");
    return static_cast<long>(id.asInt64());
}

std::string media_type_of(const Json::Value& body) {
    auto media = json::string_member(body, "media_type");
    if (!media || (*media != "movie" && *media != "tv"))
        throw Failure::invalid_input("media_type must be movie or tv");
    return *media;
}

// An entry id in a path: anything but a well-formed id is no entry of the user's.
const std::string& entry_id_of(const Request& request) {
    const std::string& id = request.path_param("entry_id");
    if (!accounts::is_uuid(id)) throw Failure::not_found();
    return id;
}

// An import's id in a path: anything but a well-formed id is no import of the user's.
const std::string& job_id_of(const Request& request) {
    const std::string& id = request.path_param("job_id");
    if (!accounts::is_uuid(id)) throw Failure::not_found();
    return id;
}

// The file of an export a lone CSV is, as the upload names it (?file=), when its columns
// alone cannot tell (watched.csv and watchlist.csv have the same).
std::string export_file_named(const Request& request) {
    std::string file = request.query("file").value_or("");
    static const char* const known[] = {"watched.csv", "ratings.csv", "diary.csv", "watchlist.csv",
                                        "reviews.csv"};
    if (!file.empty() && std::find(std::begin(known), std::end(known), file) == std::end(known))
        throw Failure::invalid_input("Invalid parameter: file");
    return file;
}

// The import's job, queued in the transaction that stores its rows: one job an import.
void queue_import_job(soci::session& sql, const std::string& import_id) {
    jobs::NewJob job;
    job.kind = diary::kImportJobKind;
    job.payload["import_id"] = import_id;
    job.unique_key = std::string(diary::kImportJobKind) + ":" + import_id;
    job.max_attempts = diary::kImportJobAttempts;
    jobs::enqueue_within(sql, job);
}

std::optional<int> year_parameter(const Request& request) {
    auto asked = request.query("year");
    if (!asked || asked->empty()) return std::nullopt;
    auto year = text::parse_integer(*asked, 1888, 2200);
    if (!year) throw Failure::invalid_input("Invalid parameter: year");
    return static_cast<int>(*year);
}

int current_year() {
    return std::stoi(today().substr(0, 4));
}

}  // namespace

Response diary_add(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto body = json_object_body(request);
    std::string media_type = media_type_of(body);
    long tmdb_id = tmdb_id_of(body);
    auto fields = diary::read_entry_fields(body, today());
    auto page = title_snapshot(ctx, request, media_type, tmdb_id);
    diary::Title title{media_type,       tmdb_id,           page.title,
                       page.poster_path, page.release_date, page.genre_ids};
    return fcgi::raw_json(200, ctx.diary.add(user_id, title, fields, today()));
}

Response diary_update(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    const std::string& entry_id = entry_id_of(request);
    auto fields = diary::read_entry_fields(json_object_body(request), today());
    auto entry = ctx.diary.update(user_id, entry_id, fields);
    if (!entry) throw Failure::not_found();
    return fcgi::raw_json(200, std::move(*entry));
}

Response diary_remove(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    if (!ctx.diary.remove(user_id, entry_id_of(request))) throw Failure::not_found();
    Json::Value body(Json::objectValue);
    body["removed"] = true;
    return fcgi::json(200, body);
}

Response diary_journal(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    diary::JournalFilter filter;
    filter.year = year_parameter(request);
    if (auto asked = request.query("rating"); asked && !asked->empty()) {
        filter.rating_halves = diary::parse_rating(*asked);
        if (!filter.rating_halves) throw Failure::invalid_input("Invalid parameter: rating");
    }
    return fcgi::raw_json(
        200, ctx.diary.journal(user_id, static_cast<int>(requested_page(request)), filter));
}

Response diary_of_title(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    return fcgi::raw_json(200, ctx.diary.entries_of(user_id, request.path_param("media_type"),
                                                    std::stol(request.path_param("id"))));
}

Response diary_seen(WorkerContext& ctx, const Request& request) {
    return fcgi::raw_json(200, ctx.diary.seen(signed_in_user_id(ctx, request)));
}

Response diary_summary(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    return fcgi::raw_json(
        200, ctx.diary.summary(user_id, year_parameter(request).value_or(current_year())));
}

// The user's films as a file Letterboxd's importer reads: their viewings, or with
// ?list=watchlist, their watchlist (Letterboxd imports the two apart).
Response export_letterboxd(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    std::string list = request.query("list").value_or("diary");
    if (list != "diary" && list != "watchlist")
        throw Failure::invalid_input("Invalid parameter: list");
    std::vector<diary::ImportLine> lines;
    if (list == "diary") {
        lines = ctx.diary.letterboxd_lines(user_id);
    } else {
        auto items = json::parse(ctx.watchlist.items_json(user_id));
        for (const auto& item : items ? *items : Json::Value(Json::arrayValue)) {
            if (item["media_type"].asString() != "movie") continue;  // Letterboxd lists films
            std::string date =
                item["release_date"].isString() ? item["release_date"].asString() : "";
            lines.push_back({std::to_string(item["id"].asInt64()), item["title"].asString(),
                             date.substr(0, 4), "", "", "", ""});
        }
    }
    return fcgi::text(200, diary::letterboxd_csv(lines), "text/csv; charset=utf-8")
        .with_header("Content-Disposition",
                     "attachment; filename=\"cineverse-" + list + "-letterboxd.csv\"");
}

// Everything stored about the user, as one JSON document: the right to data portability.
Response export_everything(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto part = [](const std::string& text) {
        auto parsed = json::parse(text);
        if (!parsed) throw std::runtime_error("a part of the export is not JSON");
        return std::move(*parsed);
    };
    Json::Value document = part(ctx.accounts.export_json(user_id));
    document["watchlist"] = part(ctx.watchlist.items_json(user_id));
    document["diary"] = part(ctx.diary.everything_of(user_id));
    document["imports"] = part(ctx.imports.everything_of(user_id));
    document["platforms"] = part(ctx.platforms.everything_of(user_id));
    return fcgi::json(200, document)
        .with_header("Content-Disposition", "attachment; filename=\"cineverse-export.json\"");
}

Response title_reviews(WorkerContext& ctx, const Request& request) {
    const std::string& media_type = request.path_param("media_type");
    long tmdb_id = std::stol(request.path_param("id"));
    int page = static_cast<int>(requested_page(request));
    if (auto reviews = ctx.diary.reviews(media_type, tmdb_id, page))
        return fcgi::raw_json(200, std::move(*reviews));
    // Nobody has written anything about it: a title TMDB knows has no reviews yet, one it
    // does not know is not found, as for its page.
    title_snapshot(ctx, request, media_type, tmdb_id);
    return fcgi::raw_json(200, R"({"average":null,"ratings":0,"reviews":[]})");
}

// An upload of Letterboxd's export (its ZIP, or one of its CSVs), read here (quick: the
// rows are only parsed) and matched by a background job, queued with the import.
Response import_letterboxd(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    std::string file = export_file_named(request);
    // The row's cross-site rule has already let through only these two types.
    bool zip = text::starts_with_ignoring_case(request.header("content-type").value_or(""),
                                               "application/zip");
    auto rows = diary::read_letterboxd_export(
        request.body(), zip ? diary::ExportFormat::zip : diary::ExportFormat::csv, file);
    std::string source = zip ? "letterboxd.zip" : file.empty() ? "letterboxd.csv" : file;
    Json::Value body(Json::objectValue);
    body["job_id"] = ctx.imports.start(user_id, source, rows, queue_import_job);
    return fcgi::json(202, body);
}

Response import_status(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    auto status = ctx.imports.status_json(user_id, job_id_of(request));
    if (!status) throw Failure::not_found();
    return fcgi::raw_json(200, std::move(*status));
}

// A row the import could not match, matched by its owner to a title picked from search:
// what the row stands for is written as the job would have, and the import's status answered.
Response import_resolve(WorkerContext& ctx, const Request& request) {
    std::string user_id = signed_in_user_id(ctx, request);
    const std::string& import_id = job_id_of(request);
    auto body = json_object_body(request);
    const Json::Value& position = body["position"];
    if (!position.isIntegral() || position.asInt64() < 0 || position.asInt64() > 1'000'000)
        throw Failure::invalid_input("position must be a row's position");
    std::string media_type = media_type_of(body);
    long tmdb_id = tmdb_id_of(body);
    auto row = ctx.imports.row_of(user_id, import_id, position.asInt());
    if (!row) throw Failure::not_found();
    if (row->status != "unmatched")
        throw Failure::conflict("Only an unmatched row can be resolved");
    auto page = title_snapshot(ctx, request, media_type, tmdb_id);
    diary::Title title{media_type,       tmdb_id,           page.title,
                       page.poster_path, page.release_date, page.genre_ids};
    diary::write_imported_row(ctx.diary, ctx.watchlist, user_id, row->row, title,
                              diary::utc_today());
    ctx.imports.settle(import_id, row->position, std::make_pair(media_type, tmdb_id));
    auto status = ctx.imports.status_json(user_id, import_id);
    if (!status) throw Failure::not_found();  // the account went meanwhile
    return fcgi::raw_json(200, std::move(*status));
}

}  // namespace cv::handlers
