#include "platforms/store.hpp"

#include <json/json.h>
#include <sodium.h>

#include <algorithm>
#include <limits>

#include "core/json.hpp"
#include "platforms/offers.hpp"

namespace cv::platforms {
namespace {

constexpr const char* kIso = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";
constexpr std::size_t kTokenBytes = 32;

std::optional<std::string> optional_text(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) != soci::i_ok) return std::nullopt;
    return row.get<std::string>(column);
}

Json::Value nullable(const std::optional<std::string>& text) {
    return text ? Json::Value(*text) : Json::Value();
}

Json::Value service_json(const ServiceRef& service) {
    Json::Value provider(Json::objectValue);
    provider["provider_id"] = service.id;
    provider["provider_name"] = service.name;
    provider["logo_path"] = nullable(service.logo_path);
    provider["display_priority"] = service.display_priority;
    return provider;
}

Json::Value news_item_value(const NewsItem& item) {
    Json::Value value(Json::objectValue);
    value["id"] = static_cast<Json::Int64>(item.id);
    value["kind"] = item.kind;
    value["media_type"] = item.media_type;
    value["title_id"] = static_cast<Json::Int64>(item.title_id);
    value["title"] = item.title;
    value["poster_path"] = nullable(item.poster_path);
    value["provider"] = item.provider ? service_json(*item.provider) : Json::Value();
    value["at"] = item.at;
    return value;
}

// 256 random bits, base64url without padding (43 characters), as session tokens are.
std::string random_token() {
    unsigned char bytes[kTokenBytes];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

bool is_token(const std::string& token) {
    return token.size() == 43 && std::all_of(token.begin(), token.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
           });
}

// SHA-256, hex: what the database keeps of a token.
std::string token_hash(const std::string& token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

const std::string& watchlist_query(bool mine_only) {
    static const std::string base =
        "SELECT w.entry, COALESCE(o.streaming::text, '{}'), COALESCE(o.where_json, "
        "'\"flatrate\":[],\"rent\":false,\"buy\":false,\"checked_at\":null') "
        "FROM watchlist_items w LEFT JOIN title_offers o "
        "ON o.media_type = w.media_type AND o.tmdb_id = w.tmdb_id "
        "WHERE w.user_id = CAST(:u AS uuid)";
    static const std::string order = " ORDER BY w.added_at DESC, w.media_type, w.tmdb_id";
    static const std::string all = base + order;
    static const std::string mine = base + " AND o.streaming && CAST(:m AS integer[])" + order;
    return mine_only ? mine : all;
}

}  // namespace

std::string news_item_json(const NewsItem& item) {
    return json::write(news_item_value(item));
}

std::vector<int> PlatformsStore::services(const std::string& user_id) {
    std::vector<int> ids;
    db_.read_rows(
        "SELECT provider_id FROM user_providers WHERE user_id = CAST(:u AS uuid) "
        "ORDER BY provider_id",
        {{"u", user_id}}, [&](const soci::row& row) { ids.push_back(row.get<int>(0)); });
    return ids;
}

std::vector<int> PlatformsStore::save_services(const std::string& user_id, std::vector<int> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::string wanted = array_literal(ids);
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        // One replacement at a time for a user: their row is locked first, as the watchlist's
        // changes do.
        sql << "SELECT 1 FROM users WHERE id = CAST(:u AS uuid) FOR UPDATE", soci::use(user_id);
        sql << "DELETE FROM user_providers WHERE user_id = CAST(:u AS uuid) "
               "AND provider_id <> ALL(CAST(:p AS integer[]))",
            soci::use(user_id, "u"), soci::use(wanted, "p");
        sql << "INSERT INTO user_providers (user_id, provider_id) "
               "SELECT CAST(:u AS uuid), unnest(CAST(:p AS integer[])) ON CONFLICT DO NOTHING",
            soci::use(user_id, "u"), soci::use(wanted, "p");
        tx.commit();
    });
    return ids;
}

std::string PlatformsStore::watchlist_json(const std::string& user_id, bool mine_only) {
    auto mine = services(user_id);
    if (mine_only && mine.empty()) return "[]";
    db::Parameters parameters = {{"u", user_id}};
    if (mine_only) parameters.emplace_back("m", array_literal(mine));
    std::string out = "[";
    std::string streaming_text;
    db_.read_rows(watchlist_query(mine_only), parameters, [&](const soci::row& row) {
        if (out.size() > 1) out += ',';
        const auto& entry = row.get<std::string>(0);
        // The item's ready object, its closing brace replaced by its "where".
        out.append(entry, 0, entry.size() - 1);
        out += ",\"where\":{\"mine\":[";
        bool first = true;
        for (int id : parse_array(row.get<std::string>(1))) {
            if (!std::binary_search(mine.begin(), mine.end(), id)) continue;
            if (!first) out += ',';
            out += std::to_string(id);
            first = false;
        }
        out += "],";
        out += row.get<std::string>(2);
        out += "}}";
    });
    out += ']';
    return out;
}

std::string PlatformsStore::advice_json(const std::string& user_id) {
    Json::Value advice(Json::arrayValue);
    db_.read_rows(
        "SELECT s.provider_id, s.name, s.logo_path, s.display_priority, count(k.tmdb_id)::int "
        "FROM streaming_services s LEFT JOIN ("
        "SELECT unnest(o.flatrate) AS provider_id, o.tmdb_id FROM watchlist_items w "
        "JOIN title_offers o ON o.media_type = w.media_type AND o.tmdb_id = w.tmdb_id "
        "WHERE w.user_id = CAST(:u AS uuid)) k ON k.provider_id = s.provider_id "
        "WHERE s.subscription GROUP BY s.provider_id "
        "ORDER BY count(k.tmdb_id) DESC, s.display_priority, s.name",
        {{"u", user_id}}, [&](const soci::row& row) {
            ServiceRef service{row.get<int>(0), row.get<std::string>(1), optional_text(row, 2),
                               row.get<int>(3)};
            Json::Value entry(Json::objectValue);
            entry["provider"] = service_json(service);
            entry["titles"] = row.get<int>(4);
            advice.append(entry);
        });
    return json::write(advice);
}

News PlatformsStore::news(const std::string& user_id, bool unread_only, int limit) {
    News news;
    long long up_to = 0;
    db_.read_row(
        "SELECT COALESCE(r.up_to, 0), (SELECT count(*) FROM user_news n "
        "WHERE n.user_id = CAST(:u AS uuid) AND n.change_id > COALESCE(r.up_to, 0)) "
        "FROM (SELECT CAST(:u AS uuid) AS user_id) me LEFT JOIN news_read r USING (user_id)",
        {{"u", user_id}}, [&](const soci::row& row) {
            up_to = row.get<long long>(0);
            news.unread = static_cast<long>(row.get<long long>(1));
        });
    db_.read_rows(
        std::string("SELECT c.id, c.kind, c.media_type, c.tmdb_id, c.title, c.poster_path, "
                    "c.provider_id, s.name, s.logo_path, s.display_priority, "
                    "to_char(c.at AT TIME ZONE 'UTC', ") +
            kIso +
            ") FROM user_news n JOIN offer_changes c ON c.id = n.change_id "
            "LEFT JOIN streaming_services s ON s.provider_id = c.provider_id "
            "WHERE n.user_id = CAST(:u AS uuid) AND n.change_id > CAST(:a AS bigint) "
            "ORDER BY n.change_id DESC LIMIT CAST(:n AS integer)",
        {{"u", user_id},
         {"a", std::to_string(unread_only ? up_to : 0)},
         {"n", std::to_string(limit)}},
        [&](const soci::row& row) {
            NewsItem item;
            item.id = row.get<long long>(0);
            item.kind = row.get<std::string>(1);
            item.media_type = row.get<std::string>(2);
            item.title_id = row.get<int>(3);
            item.title = row.get<std::string>(4);
            item.poster_path = optional_text(row, 5);
            if (row.get_indicator(6) == soci::i_ok) {
                ServiceRef service;
                service.id = row.get<int>(6);
                // A service the offers named, even if its row is gone: the id at least.
                service.name = optional_text(row, 7).value_or(std::to_string(service.id));
                service.logo_path = optional_text(row, 8);
                service.display_priority =
                    row.get_indicator(9) == soci::i_ok ? row.get<int>(9) : 1000;
                item.provider = service;
            }
            item.at = row.get<std::string>(10);
            news.items.push_back(std::move(item));
        });
    return news;
}

long PlatformsStore::mark_read(const std::string& user_id, long long up_to) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        sql << "INSERT INTO news_read AS r (user_id, up_to) VALUES (CAST(:u AS uuid), "
               "LEAST(:t, COALESCE((SELECT max(change_id) FROM user_news "
               "WHERE user_id = CAST(:u AS uuid)), 0))) "
               "ON CONFLICT (user_id) DO UPDATE SET up_to = GREATEST(r.up_to, EXCLUDED.up_to)",
            soci::use(user_id, "u"), soci::use(up_to, "t");
        long long unread = 0;
        sql << "SELECT count(*) FROM user_news n WHERE n.user_id = CAST(:u AS uuid) "
               "AND n.change_id > (SELECT up_to FROM news_read WHERE user_id = CAST(:u AS uuid))",
            soci::use(user_id, "u"), soci::into(unread);
        tx.commit();
        return static_cast<long>(unread);
    });
}

std::string PlatformsStore::new_feed(const std::string& user_id) {
    std::string token = random_token();
    std::string hash = token_hash(token);
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        sql << "INSERT INTO news_feeds (user_id, token_hash) VALUES (CAST(:u AS uuid), "
               "decode(:h, 'hex')) ON CONFLICT (user_id) DO UPDATE SET "
               "token_hash = EXCLUDED.token_hash, created_at = now()",
            soci::use(user_id, "u"), soci::use(hash, "h");
        tx.commit();
    });
    return token;
}

bool PlatformsStore::revoke_feed(const std::string& user_id) {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        soci::statement removal =
            (sql.prepare << "DELETE FROM news_feeds WHERE user_id = CAST(:u AS uuid)",
             soci::use(user_id, "u"));
        removal.execute(true);
        bool removed = removal.get_affected_rows() > 0;
        tx.commit();
        return removed;
    });
}

std::optional<PlatformsStore::Feed> PlatformsStore::feed(const std::string& token) {
    if (!is_token(token)) return std::nullopt;
    std::optional<Feed> found;
    db_.read_row(std::string("SELECT user_id::text, to_char(created_at AT TIME ZONE 'UTC', ") +
                     kIso + ") FROM news_feeds WHERE token_hash = decode(:h, 'hex')",
                 {{"h", token_hash(token)}}, [&](const soci::row& row) {
                     found = Feed{row.get<std::string>(0), row.get<std::string>(1)};
                 });
    return found;
}

std::string PlatformsStore::everything_of(const std::string& user_id) {
    Json::Value document(Json::objectValue);
    Json::Value& services_list = document["services"] = Json::Value(Json::arrayValue);
    for (int id : services(user_id)) services_list.append(id);
    Json::Value& items = document["news"] = Json::Value(Json::arrayValue);
    for (const auto& item : news(user_id, false, std::numeric_limits<int>::max()).items)
        items.append(news_item_value(item));
    document["news_read_up_to"] = Json::Value(Json::nullValue);
    db_.read_row("SELECT up_to FROM news_read WHERE user_id = CAST(:u AS uuid)", {{"u", user_id}},
                 [&](const soci::row& row) {
                     document["news_read_up_to"] = static_cast<Json::Int64>(row.get<long long>(0));
                 });
    document["feed"] = Json::Value(Json::nullValue);
    db_.read_row(std::string("SELECT to_char(created_at AT TIME ZONE 'UTC', ") + kIso +
                     ") FROM news_feeds WHERE user_id = CAST(:u AS uuid)",
                 {{"u", user_id}}, [&](const soci::row& row) {
                     Json::Value feed(Json::objectValue);
                     feed["created_at"] = row.get<std::string>(0);
                     document["feed"] = feed;
                 });
    return json::write(document);
}

OffersSummary PlatformsStore::summary(std::chrono::seconds refresh_after) {
    OffersSummary summary;
    db_.read_row(
        "SELECT count(*), count(*) FILTER (WHERE checked_at IS NULL), count(*) FILTER (WHERE "
        "checked_at IS NULL OR checked_at < now() - make_interval(secs => CAST(:a AS float8))), "
        "COALESCE(extract(epoch FROM now() - min(checked_at)), 0)::float8 FROM title_offers",
        {{"a", std::to_string(refresh_after.count())}}, [&](const soci::row& row) {
            summary.titles = static_cast<long>(row.get<long long>(0));
            summary.never_checked = static_cast<long>(row.get<long long>(1));
            summary.due = static_cast<long>(row.get<long long>(2));
            summary.oldest_check_age_seconds = row.get<double>(3);
        });
    return summary;
}

long PlatformsStore::purge_news(std::chrono::seconds keep) {
    return db_.delete_older_than(
        "DELETE FROM offer_changes WHERE at < now() - make_interval(secs => :keep)", keep);
}

}  // namespace cv::platforms
