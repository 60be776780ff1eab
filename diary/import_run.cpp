#include "diary/import_run.hpp"

#include <ctime>
#include <stdexcept>

#include "catalogue/search.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"
#include "core/log.hpp"

namespace cv::diary {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The key of an imported viewing among the user's entries: the row's identity (its film and
// date), so the same viewing imported from another file of the same export is one entry.
std::string import_key_of(const ExportRow& row) {
    return "letterboxd|" + row.key;
}

}  // namespace

std::optional<Title> title_of_page(const std::string& media_type, long tmdb_id,
                                   const std::string& page) {
    auto document = json::parse(page);
    if (!document || !document->isObject()) return std::nullopt;
    bool movie = media_type == "movie";
    auto text = [&](const char* name) -> std::optional<std::string> {
        const Json::Value& value = (*document)[name];
        return value.isString() && !value.asString().empty() ? std::optional(value.asString())
                                                             : std::nullopt;
    };
    Title title;
    title.media_type = media_type;
    title.tmdb_id = tmdb_id;
    title.title = text(movie ? "title" : "name").value_or("");
    if (title.title.empty()) return std::nullopt;
    title.poster_path = text("poster_path");
    title.release_date = text(movie ? "release_date" : "first_air_date");
    for (const auto& genre : (*document)["genres"]) {
        if (genre["id"].isIntegral()) title.genre_ids.push_back(genre["id"].asInt());
    }
    return title;
}

void write_imported_row(DiaryStore& diary, watchlist::WatchlistStore& watchlist,
                        const std::string& user_id, const ExportRow& row, const Title& title,
                        const std::string& today) {
    if (row.kind == ExportRow::Kind::viewing) {
        diary.add_imported(user_id, title, row, import_key_of(row), today);
        return;
    }
    try {
        watchlist.add(user_id, title.media_type, title.tmdb_id,
                      {title.title, title.poster_path, title.release_date});
    } catch (const Failure& refused) {
        if (refused.kind() != FailureKind::conflict) throw;
        // The list is full: the import goes on with the diary.
        log::warn("import_watchlist_full",
                  {{"media_type", title.media_type}, {"id", title.tmdb_id}});
    }
}

std::string utc_today() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

bool ImportRun::run(ImportControl& context, const std::string& import_id) {
    auto owner = imports_.owner_of(import_id);
    if (!owner) return true;  // gone with its account
    const std::string today = utc_today();
    int failing = 0;
    long done = 0, matched = 0;
    auto report = [&] {
        Json::Value progress(Json::objectValue);
        progress["import_id"] = import_id;
        progress["rows_done"] = static_cast<Json::Int64>(done);
        progress["matched"] = static_cast<Json::Int64>(matched);
        context.progress(progress);
    };
    log::info("import_started", {{"import", import_id}});
    while (true) {
        auto rows = imports_.pending(import_id, settings_.batch);
        if (rows.empty()) break;
        for (const auto& pending : rows) {
            if (context.stop_requested()) {
                report();
                return false;
            }
            Match found = match(context, pending.row);
            if (found.outcome == Match::Outcome::unavailable) {
                // The row stays pending: done again once TMDB answers.
                if (++failing >= settings_.failures_in_a_row)
                    throw std::runtime_error("TMDB unavailable for " + std::to_string(failing) +
                                             " lookups in a row");
                auto wait = settings_.first_wait * (1 << std::min(failing - 1, 10));
                if (!context.pause(wait)) {
                    report();
                    return false;
                }
                break;  // the pending rows again, from this one
            }
            failing = 0;
            std::optional<std::pair<std::string, long>> title;
            if (found.title) {
                write_imported_row(diary_, watchlist_, *owner, pending.row, *found.title, today);
                title = std::make_pair(found.title->media_type, found.title->tmdb_id);
                ++matched;
            }
            imports_.settle(import_id, pending.position, title);
            metrics_.add(title ? "import_rows_total{outcome=\"matched\"}"
                               : "import_rows_total{outcome=\"unmatched\"}");
            ++done;
            report();
        }
    }
    imports_.finish(import_id);
    log::info("import_done", {{"import", import_id}, {"rows", done}, {"matched", matched}});
    return true;
}

ImportRun::Match ImportRun::match(ImportControl& context, const ExportRow& row) {
    bool unavailable = false;
    if (row.tmdb_id) {
        if (auto title = page_of(context, *row.tmdb_id, unavailable))
            return {Match::Outcome::matched, title};
        if (unavailable) return {Match::Outcome::unavailable, std::nullopt};
        // An id TMDB does not know: the title and year may still name the film.
    }
    auto query = catalogue::normalised_search(row.name);
    if (!query) return {Match::Outcome::unmatched, std::nullopt};
    for (const auto& language : settings_.languages) {
        Lookup results = paced(context, [&] { return lookups_.search(*query, language); });
        if (results.status != Lookup::Status::found) {
            unavailable = unavailable || results.status == Lookup::Status::unavailable;
            continue;
        }
        auto id = matching_film(results.body, row);
        if (!id) continue;
        if (auto title = page_of(context, *id, unavailable))
            return {Match::Outcome::matched, title};
        if (unavailable) break;
    }
    return {unavailable ? Match::Outcome::unavailable : Match::Outcome::unmatched, std::nullopt};
}

std::optional<Title> ImportRun::page_of(ImportControl& context, long tmdb_id, bool& unavailable) {
    Lookup page = paced(context, [&] { return lookups_.page("movie", tmdb_id); });
    if (page.status == Lookup::Status::unavailable) unavailable = true;
    if (page.status != Lookup::Status::found) return std::nullopt;
    return title_of_page("movie", tmdb_id, page.body);
}

Lookup ImportRun::paced(ImportControl& context, const std::function<Lookup()>& lookup) {
    auto now = Clock::now();
    if (now < next_call_) context.pause(std::chrono::duration_cast<milliseconds>(next_call_ - now));
    Lookup answer = lookup();
    if (answer.asked_tmdb && settings_.calls_per_second > 0) {
        next_call_ =
            Clock::now() + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(1.0 / settings_.calls_per_second));
    }
    return answer;
}

}  // namespace cv::diary
