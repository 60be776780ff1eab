#include "watchlist/store.hpp"

#include "core/failure.hpp"

namespace cv::watchlist {
namespace {

constexpr const char* kItemColumns =
    "media_type, tmdb_id, title, poster_path, release_date, "
    "to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

Item read_item(const soci::row& row) {
    Item item;
    item.media_type = row.get<std::string>(0);
    item.tmdb_id = row.get<int>(1);
    item.snapshot.title = row.get<std::string>(2);
    if (row.get_indicator(3) == soci::i_ok) item.snapshot.poster_path = row.get<std::string>(3);
    if (row.get_indicator(4) == soci::i_ok) item.snapshot.release_date = row.get<std::string>(4);
    item.added_at = row.get<std::string>(5);
    return item;
}

std::optional<Item> select_item(soci::session& sql, const std::string& user_id,
                                const std::string& media_type, int tmdb_id) {
    soci::row row;
    sql << "SELECT " << kItemColumns
        << " FROM watchlist_items WHERE user_id = CAST(:u AS uuid) AND media_type = :m AND "
           "tmdb_id = :i",
        soci::use(user_id, "u"), soci::use(media_type, "m"), soci::use(tmdb_id, "i"),
        soci::into(row);
    if (!sql.got_data()) return std::nullopt;
    return read_item(row);
}

// Changes to one user's list take turns on the user's row: two adds at the limit cannot both
// pass the count.
void lock_list(soci::session& sql, const std::string& user_id) {
    sql << "SELECT 1 FROM users WHERE id = CAST(:u AS uuid) FOR UPDATE", soci::use(user_id);
}

}  // namespace

std::string WatchlistStore::items_json(const std::string& user_id) {
    std::string items = "[]";
    db_.read_row(
        "SELECT COALESCE('[' || string_agg(entry, ',' ORDER BY added_at DESC, "
        "media_type, tmdb_id) || ']', '[]') FROM watchlist_items "
        "WHERE user_id = CAST(:u AS uuid)",
        {{"u", user_id}}, [&](const soci::row& row) { items = row.get<std::string>(0); });
    return items;
}

std::optional<Item> WatchlistStore::find(const std::string& user_id, const std::string& media_type,
                                         long tmdb_id) {
    int id = static_cast<int>(tmdb_id);
    return db_.read([&](soci::session& sql) { return select_item(sql, user_id, media_type, id); });
}

Item WatchlistStore::add(const std::string& user_id, const std::string& media_type, long tmdb_id,
                         const Snapshot& snapshot) {
    int id = static_cast<int>(tmdb_id);
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        lock_list(sql, user_id);
        if (auto existing = select_item(sql, user_id, media_type, id)) {
            tx.commit();
            return *existing;
        }
        int count = 0;
        sql << "SELECT count(*) FROM watchlist_items WHERE user_id = CAST(:u AS uuid)",
            soci::use(user_id), soci::into(count);
        if (count >= max_items_) throw Failure::conflict("Watchlist is full");
        soci::indicator poster_ind = snapshot.poster_path ? soci::i_ok : soci::i_null;
        soci::indicator date_ind = snapshot.release_date ? soci::i_ok : soci::i_null;
        std::string poster = snapshot.poster_path.value_or("");
        std::string date = snapshot.release_date.value_or("");
        sql << "INSERT INTO watchlist_items (user_id, media_type, tmdb_id, title, poster_path, "
               "release_date) VALUES (CAST(:u AS uuid), :m, :i, :t, :p, :d) "
               "ON CONFLICT DO NOTHING",
            soci::use(user_id, "u"), soci::use(media_type, "m"), soci::use(id, "i"),
            soci::use(snapshot.title, "t"), soci::use(poster, poster_ind, "p"),
            soci::use(date, date_ind, "d");
        auto added = select_item(sql, user_id, media_type, id);
        tx.commit();
        if (!added) throw std::runtime_error("watchlist item vanished while added");
        return *added;
    });
}

bool WatchlistStore::remove(const std::string& user_id, const std::string& media_type,
                            long tmdb_id) {
    int id = static_cast<int>(tmdb_id);
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        lock_list(sql, user_id);
        soci::statement removal =
            (sql.prepare << "DELETE FROM watchlist_items WHERE user_id = CAST(:u AS uuid) AND "
                            "media_type = :m AND tmdb_id = :i",
             soci::use(user_id, "u"), soci::use(media_type, "m"), soci::use(id, "i"));
        removal.execute(true);
        bool removed = removal.get_affected_rows() > 0;
        tx.commit();
        return removed;
    });
}

}  // namespace cv::watchlist
