#include "platforms/refresh.hpp"

#include <algorithm>
#include <tuple>

#include "core/log.hpp"
#include "platforms/offers.hpp"

namespace cv::platforms {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How long a run waits before asking again when the host's TMDB budget is spent for now
// (visitors' requests come first).
constexpr milliseconds kBudgetWait{200};

long count_of(const Json::Value& progress, const char* name) {
    return progress[name].isIntegral() ? static_cast<long>(progress[name].asInt64()) : 0;
}

void add_to(Json::Value& progress, const char* name, long amount) {
    progress[name] = static_cast<Json::Int64>(count_of(progress, name) + amount);
}

std::optional<std::string> optional_text(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) != soci::i_ok) return std::nullopt;
    return row.get<std::string>(column);
}

}  // namespace

Json::Value OffersRefresh::run(RunControl& control, const Json::Value& resumed) {
    Json::Value progress = resumed;
    if (!progress.isObject() || !progress["run_started"].isString()) {
        progress = start();
    } else {
        progress.removeMember("ended");
        log::info("offers_refresh_resumed", {{"checked", count_of(progress, "checked")},
                                             {"calls", count_of(progress, "calls")}});
    }
    control.progress(progress);
    const std::string run_started = progress["run_started"].asString();
    int failing = 0;
    std::vector<std::string> failed;  // "movie:653": left for the next run
    while (true) {
        if (control.stop_requested()) {
            finish(control, progress, "stopped");
            return progress;
        }
        long left = settings_.calls_per_run - count_of(progress, "calls");
        if (left <= 0) {
            finish(control, progress, "calls spent");
            return progress;
        }
        std::string claimed_at;
        auto titles = claim(run_started, std::min<long>(left, settings_.batch), claimed_at);
        if (titles.empty()) {
            // What is left is claimed by another run (or by one that was killed): it is done
            // when that claim ends, or taken here once it has run out.
            auto wait = until_claims_end(run_started, failed);
            if (!wait) {
                finish(control, progress, "all checked");
                return progress;
            }
            control.progress(progress);
            if (!control.pause(*wait)) {
                finish(control, progress, "stopped");
                return progress;
            }
            continue;
        }
        for (std::size_t i = 0; i < titles.size(); ++i) {
            if (control.stop_requested()) {
                release(titles, i);
                finish(control, progress, "stopped");
                return progress;
            }
            Fetched fetched = fetch(titles[i], control);
            if (fetched.status == Fetched::Status::not_asked) {  // told to stop while waiting
                release(titles, i);
                finish(control, progress, "stopped");
                return progress;
            }
            add_to(progress, "calls", 1);
            metrics_.add("offers_tmdb_calls_total");
            bool checked = false;
            if (fetched.status == Fetched::Status::ok) {
                try {
                    add_to(progress, "changes",
                           apply_again_if_raced(titles[i], fetched.body, claimed_at));
                    checked = true;
                } catch (const std::invalid_argument& garbage) {
                    fetched.problem = garbage.what();
                }
            } else if (fetched.status == Fetched::Status::not_found) {
                mark_checked(titles[i]);  // TMDB no longer knows it: nothing to learn
                checked = true;
            }
            if (checked) {
                failing = 0;
                add_to(progress, "checked", 1);
                metrics_.add("offers_titles_checked_total");
            } else {
                // The title stays claimed until its claim runs out: the run goes on with the
                // others, and a title TMDB keeps failing on never holds a run up.
                ++failing;
                failed.push_back(titles[i].media_type + ":" + std::to_string(titles[i].tmdb_id));
                add_to(progress, "failures", 1);
                metrics_.add("offers_check_failures_total");
                log::warn("offers_check_failed", {{"media_type", titles[i].media_type},
                                                  {"id", titles[i].tmdb_id},
                                                  {"problem", fetched.problem}});
                if (failing >= settings_.failures_in_a_row) {
                    release(titles, i + 1);
                    control.progress(progress);
                    throw std::runtime_error("TMDB failed " + std::to_string(failing) +
                                             " times in a row: " + fetched.problem);
                }
                if (fetched.retry_after && !control.pause(*fetched.retry_after)) {
                    release(titles, i + 1);
                    finish(control, progress, "stopped");
                    return progress;
                }
            }
            control.progress(progress);
        }
    }
}

Json::Value OffersRefresh::start() {
    Json::Value progress(Json::objectValue);
    long long due = 0;
    long long after = settings_.refresh_after.count();
    std::string started, started_iso;
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        // Titles nobody keeps any more go; kept ones that are missing (a list changed while
        // the last run dropped its title) come back.
        sql << "DELETE FROM title_offers o WHERE NOT EXISTS (SELECT 1 FROM watchlist_items w "
               "WHERE w.media_type = o.media_type AND w.tmdb_id = o.tmdb_id)";
        sql << "INSERT INTO title_offers (media_type, tmdb_id) "
               "SELECT DISTINCT w.media_type, w.tmdb_id FROM watchlist_items w "
               "WHERE NOT EXISTS (SELECT 1 FROM title_offers o "
               "WHERE o.media_type = w.media_type AND o.tmdb_id = w.tmdb_id) "
               "ORDER BY 1, 2 ON CONFLICT DO NOTHING";
        sql << "SELECT now()::text, to_char(now() AT TIME ZONE 'UTC', "
               "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), (SELECT count(*) FROM title_offers "
               "WHERE checked_at IS NULL OR checked_at < now() - make_interval(secs => :a))",
            soci::use(after, "a"), soci::into(started), soci::into(started_iso), soci::into(due);
        tx.commit();
    });
    progress["run_started"] = started;
    progress["started_at"] = started_iso;
    progress["titles_due"] = static_cast<Json::Int64>(due);
    for (const char* counter : {"checked", "calls", "changes", "failures"}) progress[counter] = 0;
    log::info("offers_refresh_started",
              {{"titles_due", static_cast<long>(due)}, {"calls_per_run", settings_.calls_per_run}});
    return progress;
}

std::vector<OffersRefresh::Claimed> OffersRefresh::claim(const std::string& run_started, long most,
                                                         std::string& claimed_at) {
    long long after = settings_.refresh_after.count();
    long long claim_for = settings_.claim_for.count();
    int limit = static_cast<int>(most);
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        std::vector<Claimed> titles;
        // Due: never checked, or checked before both this run's start (a run checks a title
        // once, whoever resumes it) and the refresh interval. The oldest first.
        soci::rowset<soci::row> claimed =
            (sql.prepare << "UPDATE title_offers t SET claimed_until = now() + "
                            "make_interval(secs => :c) FROM (SELECT media_type, tmdb_id FROM "
                            "title_offers WHERE claimed_until < now() AND (checked_at IS NULL OR "
                            "checked_at < LEAST(CAST(:s AS timestamptz), now() - "
                            "make_interval(secs => :a))) ORDER BY checked_at NULLS FIRST, "
                            "media_type, tmdb_id LIMIT :n FOR UPDATE SKIP LOCKED) due "
                            "WHERE t.media_type = due.media_type AND t.tmdb_id = due.tmdb_id "
                            "RETURNING t.media_type, t.tmdb_id",
             soci::use(claim_for, "c"), soci::use(run_started, "s"), soci::use(after, "a"),
             soci::use(limit, "n"));
        for (const auto& row : claimed)
            titles.push_back({row.get<std::string>(0), row.get<int>(1)});
        sql << "SELECT now()::text", soci::into(claimed_at);
        tx.commit();
        std::sort(titles.begin(), titles.end(), [](const Claimed& a, const Claimed& b) {
            return std::tie(a.media_type, a.tmdb_id) < std::tie(b.media_type, b.tmdb_id);
        });
        return titles;
    });
}

std::optional<milliseconds> OffersRefresh::until_claims_end(
    const std::string& run_started, const std::vector<std::string>& failed) {
    long long after = settings_.refresh_after.count();
    std::string skipped = "{";
    for (const auto& title : failed) skipped += (skipped.size() > 1 ? "," : "") + title;
    skipped += "}";
    double seconds = -1;
    db_.read_row(
        "SELECT COALESCE(extract(epoch FROM min(claimed_until) - now()), -1)::float8 "
        "FROM title_offers WHERE claimed_until > now() AND (checked_at IS NULL OR checked_at < "
        "LEAST(CAST(:s AS timestamptz), now() - make_interval(secs => CAST(:a AS bigint)))) "
        "AND NOT (media_type || ':' || tmdb_id) = ANY(CAST(:f AS text[]))",
        {{"s", run_started}, {"a", std::to_string(after)}, {"f", skipped}},
        [&](const soci::row& row) { seconds = row.get<double>(0); });
    if (seconds < 0) return std::nullopt;
    // A little past the end, and not so long that a claim released early is missed.
    return std::clamp(milliseconds(static_cast<long long>(seconds * 1000) + 50), milliseconds(50),
                      milliseconds(1000));
}

void OffersRefresh::release(const std::vector<Claimed>& titles, std::size_t from) {
    if (from >= titles.size()) return;
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        for (std::size_t i = from; i < titles.size(); ++i) {
            int id = static_cast<int>(titles[i].tmdb_id);
            sql << "UPDATE title_offers SET claimed_until = '-infinity' "
                   "WHERE media_type = :m AND tmdb_id = :i",
                soci::use(titles[i].media_type, "m"), soci::use(id, "i");
        }
        tx.commit();
    });
}

Fetched OffersRefresh::fetch(const Claimed& title, RunControl& control) {
    // The run's own pace, then the host's budget, which visitors' requests share.
    auto now = Clock::now();
    if (next_call_ > now &&
        !control.pause(std::chrono::duration_cast<milliseconds>(next_call_ - now)))
        return Fetched{Fetched::Status::not_asked, "", std::nullopt, "stopped"};
    auto interval = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / std::max(settings_.calls_per_second, 0.001)));
    next_call_ = std::max(next_call_, Clock::now()) + interval;
    std::string path = check_path(title.media_type, title.tmdb_id);
    std::string query = check_query(title.media_type, settings_.language);
    while (true) {
        Fetched fetched = fetch_(path, query, settings_.call_timeout);
        if (fetched.status != Fetched::Status::not_asked) return fetched;
        if (!control.pause(kBudgetWait)) return fetched;
    }
}

long OffersRefresh::apply(const Claimed& title, const std::string& body,
                          const std::string& claimed_at) {
    auto check = read_check(body, title.media_type, settings_.region);
    if (!check) throw std::invalid_argument("TMDB's answer is not a title's page");
    const Offers& offers = check->offers;
    std::string flatrate = array_literal(offers.flatrate), free = array_literal(offers.free),
                ads = array_literal(offers.ads), rent = array_literal(offers.rent),
                buy = array_literal(offers.buy);
    std::string cinema = offers.cinema_date.value_or("");
    int id = static_cast<int>(title.tmdb_id);
    auto services = check->services;  // by id: every run takes their rows in the same order
    std::vector<Change> changes;
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        soci::row row;
        sql << "SELECT flatrate::text, free::text, ads::text, rent::text, buy::text, "
               "cinema_date::text, (checked_at AT TIME ZONE 'UTC')::date::text, "
               "(checked_at IS NULL OR checked_at < CAST(:c AS timestamptz))::int, "
               "(now() AT TIME ZONE 'UTC')::date::text, "
               "((now() AT TIME ZONE 'UTC')::date - 28)::text "
               "FROM title_offers WHERE media_type = :m AND tmdb_id = :i FOR UPDATE",
            soci::use(claimed_at, "c"), soci::use(title.media_type, "m"), soci::use(id, "i"),
            soci::into(row);
        // Dropped meanwhile (nobody keeps it), or checked by another run since this one
        // claimed it (its claim had run out): that check is newer than this one.
        if (!sql.got_data() || row.get<int>(7) == 0) {
            sql << "UPDATE title_offers SET claimed_until = '-infinity' "
                   "WHERE media_type = :m AND tmdb_id = :i",
                soci::use(title.media_type, "m"), soci::use(id, "i");
            tx.commit();
            return;
        }
        std::optional<Previous> previous;
        if (auto checked_on = optional_text(row, 6)) {
            Previous before;
            before.offers.flatrate = parse_array(row.get<std::string>(0));
            before.offers.free = parse_array(row.get<std::string>(1));
            before.offers.ads = parse_array(row.get<std::string>(2));
            before.offers.rent = parse_array(row.get<std::string>(3));
            before.offers.buy = parse_array(row.get<std::string>(4));
            before.offers.cinema_date = optional_text(row, 5);
            before.checked_on = *checked_on;
            previous = std::move(before);
        }
        changes = changes_since(previous, offers, row.get<std::string>(8), row.get<std::string>(9));
        sql << "UPDATE title_offers SET flatrate = CAST(:f AS integer[]), "
               "free = CAST(:fr AS integer[]), ads = CAST(:ad AS integer[]), "
               "rent = CAST(:r AS integer[]), buy = CAST(:b AS integer[]), "
               "cinema_date = CAST(NULLIF(:d, '') AS date), checked_at = now(), "
               "claimed_until = '-infinity', where_json = title_where_json(CAST(:f AS integer[]), "
               "CAST(:r AS integer[]), CAST(:b AS integer[]), now()) "
               "WHERE media_type = :m AND tmdb_id = :i",
            soci::use(flatrate, "f"), soci::use(free, "fr"), soci::use(ads, "ad"),
            soci::use(rent, "r"), soci::use(buy, "b"), soci::use(cinema, "d"),
            soci::use(title.media_type, "m"), soci::use(id, "i");
        for (auto& service : services) {
            soci::indicator logo_ind = service.logo_path ? soci::i_ok : soci::i_null;
            std::string logo = service.logo_path.value_or("");
            int subscription = service.subscription ? 1 : 0;
            sql << "INSERT INTO streaming_services AS s (provider_id, name, logo_path, "
                   "display_priority, subscription) VALUES (:p, :n, :l, :o, :s = 1) "
                   "ON CONFLICT (provider_id) DO UPDATE SET name = EXCLUDED.name, "
                   "logo_path = EXCLUDED.logo_path, display_priority = EXCLUDED.display_priority, "
                   "subscription = s.subscription OR EXCLUDED.subscription "
                   "WHERE (s.name, s.logo_path, s.display_priority, s.subscription) IS DISTINCT "
                   "FROM (EXCLUDED.name, EXCLUDED.logo_path, EXCLUDED.display_priority, "
                   "s.subscription OR EXCLUDED.subscription)",
                soci::use(service.id, "p"), soci::use(service.name, "n"),
                soci::use(logo, logo_ind, "l"), soci::use(service.display_priority, "o"),
                soci::use(subscription, "s");
        }
        soci::indicator poster_ind = check->poster_path ? soci::i_ok : soci::i_null;
        std::string poster = check->poster_path.value_or("");
        for (const auto& change : changes) {
            std::string kind = name_of(change.kind);
            soci::indicator provider_ind = change.provider_id ? soci::i_ok : soci::i_null;
            int provider = change.provider_id.value_or(0);
            long long change_id = 0;
            sql << "INSERT INTO offer_changes (media_type, tmdb_id, kind, provider_id, title, "
                   "poster_path) VALUES (:m, :i, :k, :p, :t, :o) RETURNING id",
                soci::use(title.media_type, "m"), soci::use(id, "i"), soci::use(kind, "k"),
                soci::use(provider, provider_ind, "p"), soci::use(check->title, "t"),
                soci::use(poster, poster_ind, "o"), soci::into(change_id);
            // The news of everyone who keeps the title; an arrival or a departure only to
            // those whose services include it.
            int scoped = change.kind == ChangeKind::arrived || change.kind == ChangeKind::left;
            sql << "INSERT INTO user_news (user_id, change_id) "
                   "SELECT w.user_id, :c FROM watchlist_items w "
                   "WHERE w.media_type = :m AND w.tmdb_id = :i AND (:s = 0 OR EXISTS ("
                   "SELECT 1 FROM user_providers p WHERE p.user_id = w.user_id "
                   "AND p.provider_id = :p)) ON CONFLICT DO NOTHING",
                soci::use(change_id, "c"), soci::use(title.media_type, "m"), soci::use(id, "i"),
                soci::use(scoped, "s"), soci::use(provider, "p");
            log::info("offers_changed", {{"change", change_id},
                                         {"kind", kind},
                                         {"media_type", title.media_type},
                                         {"id", title.tmdb_id},
                                         {"provider", provider}});
            metrics_.add(std::string("offers_changes_total{kind=\"") + kind + "\"}");
        }
        tx.commit();
    });
    return static_cast<long>(changes.size());
}

long OffersRefresh::apply_again_if_raced(const Claimed& title, const std::string& body,
                                         const std::string& claimed_at) {
    for (int attempt = 1;; ++attempt) {
        try {
            return apply(title, body, claimed_at);
        } catch (const soci::soci_error& e) {
            // A keeper deleting their account as their news is written (23503: the news row's
            // user is gone), or a deadlock PostgreSQL broke (40P01): the transaction is
            // rolled back, and done again from the title's row.
            auto state = db::sqlstate(e);
            if ((state != "23503" && state != "40P01") || attempt == 3) throw;
            log::warn(
                "offers_apply_retried",
                {{"media_type", title.media_type}, {"id", title.tmdb_id}, {"sqlstate", state}});
        }
    }
}

void OffersRefresh::mark_checked(const Claimed& title) {
    int id = static_cast<int>(title.tmdb_id);
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        sql << "UPDATE title_offers SET checked_at = now(), claimed_until = '-infinity', "
               "where_json = title_where_json(flatrate, rent, buy, now()) "
               "WHERE media_type = :m AND tmdb_id = :i",
            soci::use(title.media_type, "m"), soci::use(id, "i");
        tx.commit();
    });
}

void OffersRefresh::finish(RunControl& control, Json::Value& progress, const char* ended) {
    progress["ended"] = ended;
    std::string started = progress["run_started"].asString();
    double seconds = 0;
    db_.read([&](soci::session& sql) {
        sql << "SELECT extract(epoch FROM now() - CAST(:s AS timestamptz))::float8",
            soci::use(started, "s"), soci::into(seconds);
        return 0;
    });
    progress["seconds"] = seconds;
    auto now_unix = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    if (std::string(ended) != "stopped") {
        metrics_.set("offers_last_run_end_timestamp_seconds", static_cast<std::uint64_t>(now_unix));
        metrics_.set("offers_last_run_duration_seconds", static_cast<std::uint64_t>(seconds));
        metrics_.set("offers_last_run_titles_checked",
                     static_cast<std::uint64_t>(count_of(progress, "checked")));
        metrics_.set("offers_last_run_tmdb_calls",
                     static_cast<std::uint64_t>(count_of(progress, "calls")));
    }
    control.progress(progress);
    log::info("offers_refresh_ended", {{"ended", ended},
                                       {"checked", count_of(progress, "checked")},
                                       {"calls", count_of(progress, "calls")},
                                       {"changes", count_of(progress, "changes")},
                                       {"failures", count_of(progress, "failures")},
                                       {"seconds", seconds}});
}

}  // namespace cv::platforms
