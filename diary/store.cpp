#include "diary/store.hpp"

#include <utility>

#include "core/failure.hpp"

namespace cv::diary {
namespace {

// Changes to one user's diary take turns on the user's row: two posts at the review limit
// cannot both pass the count.
void lock_diary(soci::session& sql, const std::string& user_id) {
    sql << "SELECT 1 FROM users WHERE id = CAST(:u AS uuid) FOR UPDATE", soci::use(user_id);
}

// A review written or rewritten counts against the account's limit.
void check_review_budget(soci::session& sql, const std::string& user_id,
                         const ReviewPolicy& policy) {
    long long window = policy.window.count();
    int recent = 0;
    sql << "SELECT count(*) FROM diary_entries WHERE user_id = CAST(:u AS uuid) AND reviewed_at "
           "> clock_timestamp() - make_interval(secs => :w)",
        soci::use(user_id, "u"), soci::use(window, "w"), soci::into(recent);
    if (recent >= policy.per_window) throw Failure::too_many_requests(policy.window);
}

std::string genre_array(const std::vector<int>& ids) {
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) out += ',';
        out += std::to_string(ids[i]);
    }
    return out + "}";
}

// A bound value that may be SQL NULL, kept alive (SOCI binds by reference).
template <typename T>
struct Nullable {
    explicit Nullable(const std::optional<T>& given)
        : value(given.value_or(T{})), indicator(given ? soci::i_ok : soci::i_null) {}
    T value;
    soci::indicator indicator;
};

// Viewings between :from (included) and :until (excluded), bound by `dates_of`. Always a
// range, never "no filter OR …": the plan PostgreSQL keeps for a prepared statement then
// walks the journal's index in order and stops at the page, however long the diary (an OR
// made it sort every entry of the user).
constexpr const char* kWithinDates =
    "d.watched_on >= CAST(:from AS date) AND d.watched_on < CAST(:until AS date)";

// One year's dates, or every date, as kWithinDates' bounds.
std::pair<std::string, std::string> dates_of(std::optional<int> year) {
    if (!year) return {"-infinity", "infinity"};
    auto start = [](int of) { return std::to_string(of) + "-01-01"; };
    return {start(*year), start(*year + 1)};
}

// The selected entries' kept JSON (sql/022) as one JSON array, in `order`.
std::string entries_array(const std::string& order) {
    return "'[' || COALESCE(string_agg(d.entry, ',' ORDER BY " + order + "), '') || ']'";
}
constexpr const char* kNewestFirst = "d.watched_on DESC, d.created_at DESC";
constexpr const char* kOldestFirst = "d.watched_on, d.created_at";

// At most `most` code points of UTF-8 text, cut between two of them.
std::string first_code_points(const std::string& text, std::size_t most) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool starts_one = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_one && count++ == most) return text.substr(0, i);
    }
    return text;
}

}  // namespace

bool DiaryStore::add_imported(const std::string& user_id, const Title& title, const ExportRow& row,
                              const std::string& import_key, const std::string& today) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        std::optional<std::string> review;
        if (row.review && !row.review->empty()) review = first_code_points(*row.review, kReviewMax);
        Nullable<std::string> poster(title.poster_path), date(title.release_date), text(review);
        Nullable<int> rating(row.rating_halves);
        int id = static_cast<int>(title.tmdb_id);
        int rewatch = row.rewatch ? 1 : 0;
        std::string watched_on = row.watched_on.value_or(today);
        std::string genres = genre_array(title.genre_ids);
        soci::statement insert =
            (sql.prepare
                 << "INSERT INTO diary_entries (user_id, media_type, tmdb_id, title, poster_path, "
                    "release_date, genre_ids, watched_on, rating_halves, review, rewatch, "
                    "public, import_key, reviewed_at) VALUES (CAST(:u AS uuid), :m, :i, :t, :p, "
                    ":rd, CAST(:g AS integer[]), CAST(:w AS date), :r, :v, :rw = 1, false, :k, "
                    "CASE WHEN CAST(:v AS text) IS NULL THEN NULL ELSE clock_timestamp() END) "
                    "ON CONFLICT (user_id, import_key) DO NOTHING",
             soci::use(user_id, "u"), soci::use(title.media_type, "m"), soci::use(id, "i"),
             soci::use(title.title, "t"), soci::use(poster.value, poster.indicator, "p"),
             soci::use(date.value, date.indicator, "rd"), soci::use(genres, "g"),
             soci::use(watched_on, "w"), soci::use(rating.value, rating.indicator, "r"),
             soci::use(text.value, text.indicator, "v"), soci::use(rewatch, "rw"),
             soci::use(import_key, "k"));
        insert.execute(true);
        bool added = insert.get_affected_rows() > 0;
        tx.commit();
        return added;
    });
}

std::string DiaryStore::add(const std::string& user_id, const Title& title,
                            const EntryFields& fields, const std::string& today) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        lock_diary(sql, user_id);
        std::optional<std::string> review = fields.review.value_or(std::nullopt);
        if (review) check_review_budget(sql, user_id, policy_);
        Nullable<std::string> poster(title.poster_path), date(title.release_date), text(review);
        Nullable<int> rating(fields.rating_halves.value_or(std::nullopt));
        int id = static_cast<int>(title.tmdb_id);
        int rewatch = fields.rewatch.value_or(false) ? 1 : 0;
        int visible = fields.is_public.value_or(false) ? 1 : 0;
        std::string watched_on = fields.watched_on.value_or(today);
        std::string genres = genre_array(title.genre_ids);
        std::string entry;
        sql << "INSERT INTO diary_entries AS d (user_id, media_type, tmdb_id, title, poster_path, "
               "release_date, genre_ids, watched_on, rating_halves, review, rewatch, public, "
               "reviewed_at) VALUES (CAST(:u AS uuid), :m, :i, :t, :p, :rd, CAST(:g AS "
               "integer[]), CAST(:w AS date), :r, :v, :rw = 1, :pub = 1, CASE WHEN CAST(:v AS "
               "text) IS NULL THEN NULL ELSE clock_timestamp() END) "
               "RETURNING d.entry",
            soci::use(user_id, "u"), soci::use(title.media_type, "m"), soci::use(id, "i"),
            soci::use(title.title, "t"), soci::use(poster.value, poster.indicator, "p"),
            soci::use(date.value, date.indicator, "rd"), soci::use(genres, "g"),
            soci::use(watched_on, "w"), soci::use(rating.value, rating.indicator, "r"),
            soci::use(text.value, text.indicator, "v"), soci::use(rewatch, "rw"),
            soci::use(visible, "pub"), soci::into(entry);
        tx.commit();
        return entry;
    });
}

std::optional<std::string> DiaryStore::update(const std::string& user_id,
                                              const std::string& entry_id,
                                              const EntryFields& fields) {
    return db_.write([&](soci::session& sql) -> std::optional<std::string> {
        db::Transaction tx(db_, sql);
        lock_diary(sql, user_id);
        std::optional<std::string> review = fields.review.value_or(std::nullopt);
        if (review) check_review_budget(sql, user_id, policy_);
        Nullable<std::string> watched_on(fields.watched_on), text(review);
        Nullable<int> rating(fields.rating_halves.value_or(std::nullopt));
        Nullable<int> rewatch(fields.rewatch ? std::optional<int>(*fields.rewatch) : std::nullopt);
        Nullable<int> visible(fields.is_public ? std::optional<int>(*fields.is_public)
                                               : std::nullopt);
        int set_rating = fields.rating_halves ? 1 : 0;
        int set_review = fields.review ? 1 : 0;
        std::string entry;
        soci::indicator found = soci::i_null;
        sql << "UPDATE diary_entries AS d SET "
               "watched_on = COALESCE(CAST(:w AS date), watched_on), "
               "rating_halves = CASE WHEN :sr = 1 THEN :r ELSE rating_halves END, "
               "review = CASE WHEN :sv = 1 THEN :v ELSE review END, "
               "reviewed_at = CASE WHEN :sv = 1 AND CAST(:v AS text) IS NOT NULL AND "
               "CAST(:v AS text) IS DISTINCT FROM review THEN clock_timestamp() "
               "WHEN :sv = 1 AND CAST(:v AS text) IS NULL THEN NULL ELSE reviewed_at END, "
               "rewatch = COALESCE(CAST(:rw AS integer) = 1, rewatch), "
               "public = COALESCE(CAST(:pub AS integer) = 1, public), "
               "updated_at = clock_timestamp() "
               "WHERE id = CAST(:id AS uuid) AND user_id = CAST(:u AS uuid) "
               "RETURNING d.entry",
            soci::use(watched_on.value, watched_on.indicator, "w"), soci::use(set_rating, "sr"),
            soci::use(rating.value, rating.indicator, "r"), soci::use(set_review, "sv"),
            soci::use(text.value, text.indicator, "v"),
            soci::use(rewatch.value, rewatch.indicator, "rw"),
            soci::use(visible.value, visible.indicator, "pub"), soci::use(entry_id, "id"),
            soci::use(user_id, "u"), soci::into(entry, found);
        if (!sql.got_data() || found != soci::i_ok) return std::nullopt;
        tx.commit();
        return entry;
    });
}

bool DiaryStore::remove(const std::string& user_id, const std::string& entry_id) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        soci::statement removal =
            (sql.prepare << "DELETE FROM diary_entries WHERE id = CAST(:id AS uuid) AND user_id "
                            "= CAST(:u AS uuid)",
             soci::use(entry_id, "id"), soci::use(user_id, "u"));
        removal.execute(true);
        bool removed = removal.get_affected_rows() > 0;
        tx.commit();
        return removed;
    });
}

std::string DiaryStore::journal(const std::string& user_id, int page, const JournalFilter& filter) {
    // Filters as ranges (kWithinDates): ratings too, an unrated viewing counting as 0.
    static const std::string query =
        "SELECT " + entries_array(kNewestFirst) +
        " FROM (SELECT d.entry, d.watched_on, d.created_at FROM diary_entries d WHERE d.user_id "
        "= CAST(:u AS uuid) AND " +
        kWithinDates +
        " AND COALESCE(d.rating_halves, 0) BETWEEN CAST(:low AS integer) AND CAST(:high AS "
        "integer) ORDER BY " +
        kNewestFirst + " LIMIT CAST(:l AS integer) OFFSET CAST(:o AS integer)) d";
    auto [from, until] = dates_of(filter.year);
    std::string entries = "[]";
    db_.read_row(query,
                 {{"u", user_id},
                  {"from", from},
                  {"until", until},
                  {"low", std::to_string(filter.rating_halves.value_or(0))},
                  {"high", std::to_string(filter.rating_halves.value_or(10))},
                  {"l", std::to_string(kPageSize)},
                  {"o", std::to_string((page - 1) * kPageSize)}},
                 [&](const soci::row& row) { entries = row.get<std::string>(0); });
    return entries;
}

std::string DiaryStore::entries_of(const std::string& user_id, const std::string& media_type,
                                   long tmdb_id) {
    int id = static_cast<int>(tmdb_id);
    std::string entries = "[]";
    static const std::string query = "SELECT " + entries_array(kNewestFirst) +
                                     " FROM diary_entries d WHERE d.user_id = CAST(:u AS uuid) "
                                     "AND d.media_type = :m AND d.tmdb_id = :i";
    db_.read([&](soci::session& sql) {
        sql << query, soci::use(user_id, "u"), soci::use(media_type, "m"), soci::use(id, "i"),
            soci::into(entries);
    });
    return entries;
}

std::string DiaryStore::seen(const std::string& user_id) {
    std::string seen;
    db_.read([&](soci::session& sql) {
        sql << "SELECT json_build_object("
               "'movie', COALESCE(json_agg(DISTINCT tmdb_id) FILTER (WHERE media_type = 'movie'), "
               "'[]'), "
               "'tv', COALESCE(json_agg(DISTINCT tmdb_id) FILTER (WHERE media_type = 'tv'), '[]')"
               ")::text FROM diary_entries WHERE user_id = CAST(:u AS uuid)",
            soci::use(user_id), soci::into(seen);
    });
    return seen;
}

std::string DiaryStore::summary(const std::string& user_id, int year) {
    const auto dates = dates_of(year);
    std::string figures;
    db_.read([&](soci::session& sql) {
        sql << "WITH d AS (SELECT * FROM diary_entries d WHERE d.user_id = CAST(:u AS uuid) AND "
            << kWithinDates
            << ") SELECT json_build_object("
               "'year', CAST(:y AS integer), "
               "'viewings', (SELECT count(*) FROM d), "
               "'films', (SELECT count(DISTINCT tmdb_id) FROM d WHERE media_type = 'movie'), "
               "'series', (SELECT count(DISTINCT tmdb_id) FROM d WHERE media_type = 'tv'), "
               "'average_rating', (SELECT trim_scale(round(avg(rating_halves) / 2.0, 2)) FROM d), "
               "'by_month', COALESCE((SELECT json_agg(json_build_object('month', month, "
               "'viewings', viewings) ORDER BY month) FROM (SELECT to_char(watched_on, "
               "'YYYY-MM') AS month, count(*) AS viewings FROM d GROUP BY 1) m), '[]'), "
               "'ratings', COALESCE((SELECT json_agg(json_build_object('rating', trim_scale(halves "
               "/ 2.0), "
               "'viewings', viewings) ORDER BY halves) FROM (SELECT rating_halves AS halves, "
               "count(*) AS viewings FROM d WHERE rating_halves IS NOT NULL GROUP BY 1) r), "
               "'[]'), "
               "'genres', COALESCE((SELECT json_agg(json_build_object('id', genre, 'viewings', "
               "viewings) ORDER BY viewings DESC, genre) FROM (SELECT genre, count(*) AS "
               "viewings FROM d, unnest(d.genre_ids) AS genre GROUP BY genre ORDER BY viewings "
               "DESC, genre LIMIT 5) g), '[]'), "
               "'years', COALESCE((SELECT json_agg(year ORDER BY year DESC) FROM (SELECT DISTINCT "
               "extract(year FROM watched_on)::int AS year FROM diary_entries WHERE user_id = "
               "CAST(:u AS uuid)) y), '[]'))::text",
            soci::use(user_id, "u"), soci::use(dates.first, "from"),
            soci::use(dates.second, "until"), soci::use(year, "y"), soci::into(figures);
    });
    return figures;
}

std::optional<std::string> DiaryStore::reviews(const std::string& media_type, long tmdb_id,
                                               int page) {
    if (page > 1 || policy_.remembered <= std::chrono::milliseconds::zero())
        return read_reviews(media_type, tmdb_id, page);
    std::string key = media_type + "/" + std::to_string(tmdb_id);
    auto now = Clock::now();
    if (auto* kept = first_pages_.find(key); kept != nullptr && now < kept->until)
        return kept->first_page;
    auto first_page = read_reviews(media_type, tmdb_id, 1);
    first_pages_.remember(key, Remembered{first_page, now + policy_.remembered});
    return first_page;
}

std::optional<std::string> DiaryStore::read_reviews(const std::string& media_type, long tmdb_id,
                                                    int page) {
    // The first page is kept ready (sql/021_review_documents.sql); a further one is built for
    // its reader. A title without a document has no entry at all.
    static const std::string first_page =
        "SELECT first_page FROM review_documents WHERE media_type = :m AND tmdb_id = "
        "CAST(:i AS integer)";
    static const std::string further_page =
        "SELECT review_document(media_type, tmdb_id, CAST(:o AS integer)) FROM review_documents "
        "WHERE media_type = :m AND tmdb_id = CAST(:i AS integer)";
    db::Parameters parameters = {{"m", media_type}, {"i", std::to_string(tmdb_id)}};
    if (page > 1) parameters.emplace_back("o", std::to_string((page - 1) * kReviewsPageSize));
    std::optional<std::string> answer;
    db_.read_row(page > 1 ? further_page : first_page, parameters,
                 [&](const soci::row& row) { answer = row.get<std::string>(0); });
    return answer;
}

std::optional<std::string> DiaryStore::remove_review(const std::string& entry_id) {
    return db_.write([&](soci::session& sql) -> std::optional<std::string> {
        db::Transaction tx(db_, sql);
        std::string author;
        sql << "UPDATE diary_entries d SET review = NULL, reviewed_at = NULL, updated_at = "
               "clock_timestamp() FROM users u WHERE d.id = CAST(:id AS uuid) AND d.review IS NOT "
               "NULL AND u.id = d.user_id RETURNING u.username",
            soci::use(entry_id), soci::into(author);
        if (!sql.got_data()) return std::nullopt;
        tx.commit();
        return author;
    });
}

std::string DiaryStore::everything_of(const std::string& user_id) {
    std::string entries = "[]";
    static const std::string query = "SELECT " + entries_array(kOldestFirst) +
                                     " FROM diary_entries d WHERE d.user_id = CAST(:u AS uuid)";
    db_.read([&](soci::session& sql) { sql << query, soci::use(user_id), soci::into(entries); });
    return entries;
}

std::vector<ImportLine> DiaryStore::letterboxd_lines(const std::string& user_id) {
    std::vector<ImportLine> lines;
    db_.read([&](soci::session& sql) {
        lines.clear();
        soci::rowset<soci::row> rows =
            (sql.prepare
                 << "SELECT tmdb_id, title, COALESCE(left(release_date, 4), ''), "
                    "to_char(watched_on, 'YYYY-MM-DD'), COALESCE(trim_scale("
                    "rating_halves / 2.0)::text, ''), rewatch::int, COALESCE(review, '') FROM "
                    "diary_entries WHERE user_id = CAST(:u AS uuid) AND media_type = "
                    "'movie' ORDER BY watched_on, created_at",
             soci::use(user_id));
        for (const auto& row : rows) {
            lines.push_back({std::to_string(row.get<int>(0)), row.get<std::string>(1),
                             row.get<std::string>(2), row.get<std::string>(3),
                             row.get<std::string>(4), row.get<int>(5) != 0 ? "true" : "false",
                             row.get<std::string>(6)});
        }
    });
    return lines;
}

}  // namespace cv::diary
