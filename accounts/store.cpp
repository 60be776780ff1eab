#include "accounts/store.hpp"

#include "accounts/tokens.hpp"
#include "core/failure.hpp"

namespace cv::accounts {
namespace {

constexpr const char* kUserColumns =
    "id::text, username, email, first_name, last_name, phone_number";

User read_user(const soci::row& row) {
    User user;
    user.id = row.get<std::string>(0);
    user.username = row.get<std::string>(1);
    user.email = row.get<std::string>(2);
    user.first_name = row.get<std::string>(3);
    user.last_name = row.get<std::string>(4);
    if (row.get_indicator(5) == soci::i_ok) user.phone_number = row.get<std::string>(5);
    return user;
}

// Translates the unique indexes' violation into the contract's 409.
template <typename Work>
auto conflict_aware(Work&& work) {
    try {
        return work();
    } catch (const soci::soci_error& e) {
        if (db::is_unique_violation(e)) throw Failure::conflict("user already exists");
        throw;
    }
}

void insert_session(soci::session& sql, const std::string& token_hash, const std::string& user_id,
                    long long lifetime_seconds) {
    sql << "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (decode(:h, 'hex'), "
           "CAST(:u AS uuid), now() + make_interval(secs => :s))",
        soci::use(token_hash), soci::use(user_id), soci::use(lifetime_seconds);
}

}  // namespace

std::pair<User, OpenedSession> AccountStore::register_user(const AccountFields& fields,
                                                           const std::string& password_hash) {
    OpenedSession session{new_session_token()};
    std::string token_hash = hash_token(session.token);
    long long lifetime = policy_.absolute_lifetime.count();
    User user = db_.write([&](soci::session& sql) {
        return conflict_aware([&] {
            db::Transaction tx(db_, sql);
            soci::indicator phone_ind = fields.phone_number ? soci::i_ok : soci::i_null;
            std::string phone = fields.phone_number.value_or("");
            soci::row row;
            sql << "INSERT INTO users (username, email, password_hash, first_name, last_name, "
                   "phone_number) "
                   "VALUES (:u, :e, :p, :f, :l, :ph) RETURNING "
                << kUserColumns,
                soci::use(*fields.username), soci::use(*fields.email), soci::use(password_hash),
                soci::use(*fields.first_name), soci::use(*fields.last_name),
                soci::use(phone, phone_ind), soci::into(row);
            User created = read_user(row);
            insert_session(sql, token_hash, created.id, lifetime);
            tx.commit();
            return created;
        });
    });
    return {user, session};
}

std::optional<Credentials> AccountStore::find_credentials(const std::string& username) {
    return db_.read([&](soci::session& sql) -> std::optional<Credentials> {
        Credentials found;
        sql << "SELECT id::text, username, password_hash FROM users WHERE lower(username) = "
               "lower(:u)",
            soci::use(username), soci::into(found.id), soci::into(found.username),
            soci::into(found.password_hash);
        if (!sql.got_data()) return std::nullopt;
        return found;
    });
}

std::optional<std::string> AccountStore::password_hash_of(const std::string& user_id) {
    return db_.read([&](soci::session& sql) -> std::optional<std::string> {
        std::string hash;
        sql << "SELECT password_hash FROM users WHERE id = CAST(:id AS uuid)", soci::use(user_id),
            soci::into(hash);
        if (!sql.got_data()) return std::nullopt;
        return hash;
    });
}

void AccountStore::replace_password_hash(const std::string& user_id,
                                         const std::string& password_hash) {
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        sql << "UPDATE users SET password_hash = :p WHERE id = CAST(:id AS uuid)",
            soci::use(password_hash), soci::use(user_id);
        tx.commit();
    });
}

OpenedSession AccountStore::open_session(const std::string& user_id,
                                         const std::optional<std::string>& replaced_token) {
    OpenedSession session{new_session_token()};
    std::string token_hash = hash_token(session.token);
    std::string replaced_hash = replaced_token ? hash_token(*replaced_token) : std::string();
    long long lifetime = policy_.absolute_lifetime.count();
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        // One login at a time per user, so that the count of live sessions below holds.
        sql << "SELECT 1 FROM users WHERE id = CAST(:u AS uuid) FOR UPDATE", soci::use(user_id);
        insert_session(sql, token_hash, user_id, lifetime);
        if (replaced_token) {
            sql << "DELETE FROM sessions WHERE token_hash = decode(:h, 'hex')",
                soci::use(replaced_hash);
        }
        // Dead sessions go, and past the cap the least recently used live ones.
        long long idle = policy_.idle_lifetime.count();
        int keep = policy_.max_live_sessions;
        sql << "DELETE FROM sessions WHERE user_id = CAST(:u AS uuid) AND "
               "(expires_at <= now() OR last_seen_at <= now() - make_interval(secs => :idle) "
               "OR token_hash IN (SELECT token_hash FROM sessions WHERE user_id = CAST(:u AS uuid) "
               "ORDER BY last_seen_at DESC, created_at DESC OFFSET :keep))",
            soci::use(user_id, "u"), soci::use(idle, "idle"), soci::use(keep, "keep");
        tx.commit();
    });
    return session;
}

std::optional<std::string> AccountStore::session_user(const std::string& token) {
    auto owner = session_owner(token);
    if (!owner) return std::nullopt;
    return owner->id;
}

std::optional<User> AccountStore::session_owner(const std::string& token) {
    if (!is_well_formed_token(token)) return std::nullopt;
    std::string token_hash = hash_token(token);
    long long idle = policy_.idle_lifetime.count();
    std::optional<User> owner;
    int stale = 0;
    // Every authenticated request runs this: prepared once per connection.
    db_.read_row(
        "SELECT u.id::text, u.username, u.email, u.first_name, u.last_name, u.phone_number, "
        "(s.last_seen_at < now() - interval '60 seconds')::int "
        "FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = decode(:h, 'hex') AND s.expires_at > now() "
        "AND s.last_seen_at > now() - make_interval(secs => CAST(:idle AS double precision))",
        {{"h", token_hash}, {"idle", std::to_string(idle)}}, [&](const soci::row& row) {
            owner = read_user(row);
            stale = row.get<int>(6);
        });
    // The idle clock moves at most once a minute, so a busy session is not a write per request.
    if (owner && stale != 0) {
        db_.write([&](soci::session& sql) {
            db::Transaction tx(db_, sql);
            sql << "UPDATE sessions SET last_seen_at = now() WHERE token_hash = decode(:h, 'hex')",
                soci::use(token_hash);
            tx.commit();
        });
    }
    return owner;
}

void AccountStore::close_session(const std::string& token) {
    if (!is_well_formed_token(token)) return;
    std::string token_hash = hash_token(token);
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        sql << "DELETE FROM sessions WHERE token_hash = decode(:h, 'hex')", soci::use(token_hash);
        tx.commit();
    });
}

AccountStore::Presence AccountStore::presence(const std::string& user_id) {
    if (!is_uuid(user_id)) return Presence::unknown_user;
    long long idle = policy_.idle_lifetime.count();
    int known = 0;
    int live = 0;
    lagging_reads_.read_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE id = CAST(:u AS uuid))::int, "
        "EXISTS (SELECT 1 FROM sessions WHERE user_id = CAST(:u AS uuid) "
        "AND expires_at > now() AND last_seen_at > now() - make_interval(secs => "
        "CAST(:idle AS double precision)))::int",
        {{"u", user_id}, {"idle", std::to_string(idle)}}, [&](const soci::row& row) {
            known = row.get<int>(0);
            live = row.get<int>(1);
        });
    if (known == 0) return Presence::unknown_user;
    return live != 0 ? Presence::connected : Presence::disconnected;
}

bool AccountStore::password_change_allowed(const std::string& user_id) {
    long long interval = policy_.password_change_interval.count();
    int allowed = 1;
    db_.read([&](soci::session& sql) {
        sql << "SELECT COALESCE(password_changed_at <= now() - make_interval(secs => :i), "
               "true)::int FROM users WHERE id = CAST(:u AS uuid)",
            soci::use(interval), soci::use(user_id), soci::into(allowed);
    });
    return allowed != 0;
}

std::optional<User> AccountStore::update_user(const std::string& user_id,
                                              const AccountFields& fields,
                                              const std::optional<std::string>& password_hash,
                                              const std::string& current_token) {
    std::string current_hash = hash_token(current_token);
    return db_.write([&](soci::session& sql) {
        return conflict_aware([&]() -> std::optional<User> {
            db::Transaction tx(db_, sql);
            // One statement for any subset of fields: a NULL parameter keeps the column.
            auto bind = [](const std::optional<std::string>& v,
                           soci::indicator& ind) -> std::string {
                ind = v ? soci::i_ok : soci::i_null;
                return v.value_or("");
            };
            soci::indicator ui, ei, fi, li, pi, hi;
            std::string u = bind(fields.username, ui), e = bind(fields.email, ei),
                        f = bind(fields.first_name, fi), l = bind(fields.last_name, li),
                        p = bind(fields.phone_number, pi), h = bind(password_hash, hi);
            int set_phone = fields.phone_given ? 1 : 0;
            long long interval = policy_.password_change_interval.count();
            // The row is locked first: a concurrent password change waits, then sees this one.
            int too_soon = 0;
            sql << "SELECT COALESCE(CAST(:h AS text) IS NOT NULL AND password_changed_at > "
                   "now() - make_interval(secs => :i), false)::int FROM users WHERE id = "
                   "CAST(:id AS uuid) FOR UPDATE",
                soci::use(h, hi, "h"), soci::use(interval, "i"), soci::use(user_id, "id"),
                soci::into(too_soon);
            if (!sql.got_data()) return std::nullopt;
            if (too_soon != 0) throw Failure::too_many_requests(policy_.password_change_interval);
            soci::row row;
            sql << "UPDATE users SET username = COALESCE(:u, username), email = COALESCE(:e, "
                   "email), "
                   "first_name = COALESCE(:f, first_name), last_name = COALESCE(:l, last_name), "
                   "phone_number = CASE WHEN :sp = 1 THEN :p ELSE phone_number END, "
                   "password_hash = COALESCE(:h, password_hash), "
                   "password_changed_at = CASE WHEN CAST(:h AS text) IS NULL THEN "
                   "password_changed_at "
                   "ELSE now() END, updated_at = now() "
                   "WHERE id = CAST(:id AS uuid) RETURNING "
                << kUserColumns,
                soci::use(u, ui, "u"), soci::use(e, ei, "e"), soci::use(f, fi, "f"),
                soci::use(l, li, "l"), soci::use(set_phone, "sp"), soci::use(p, pi, "p"),
                soci::use(h, hi, "h"), soci::use(user_id, "id"), soci::into(row);
            if (!sql.got_data()) return std::nullopt;
            User updated = read_user(row);
            if (password_hash) {
                sql << "DELETE FROM sessions WHERE user_id = CAST(:u AS uuid) AND token_hash <> "
                       "decode(:h, 'hex')",
                    soci::use(user_id), soci::use(current_hash);
            }
            tx.commit();
            return updated;
        });
    });
}

std::optional<long> AccountStore::revoke_sessions(const std::string& username) {
    return db_.write([&](soci::session& sql) -> std::optional<long> {
        db::Transaction tx(db_, sql);
        std::string id;
        sql << "SELECT id::text FROM users WHERE lower(username) = lower(:u)", soci::use(username),
            soci::into(id);
        if (!sql.got_data()) return std::nullopt;
        long long ended = 0;
        sql << "WITH ended AS (DELETE FROM sessions WHERE user_id = CAST(:id AS uuid) RETURNING 1) "
               "SELECT count(*) FROM ended",
            soci::use(id), soci::into(ended);
        tx.commit();
        return static_cast<long>(ended);
    });
}

void AccountStore::delete_user(const std::string& user_id) {
    db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        // Sessions and watchlist items go with it (ON DELETE CASCADE).
        sql << "DELETE FROM users WHERE id = CAST(:u AS uuid)", soci::use(user_id);
        tx.commit();
    });
}

std::string AccountStore::export_json(const std::string& user_id) {
    std::string document = "{}";
    db_.read_row(
        "SELECT json_build_object("
        "'profile', json_build_object('id', u.id, 'username', u.username, 'email', u.email, "
        "'first_name', u.first_name, 'last_name', u.last_name, 'phone_number', u.phone_number, "
        "'created_at', to_char(u.created_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')), "
        "'sessions', COALESCE((SELECT json_agg(json_build_object("
        "'created_at', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "'last_seen_at', to_char(s.last_seen_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "'expires_at', to_char(s.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) "
        "ORDER BY s.created_at) FROM sessions s WHERE s.user_id = u.id), '[]'))::text "
        "FROM users u WHERE u.id = CAST(:u AS uuid)",
        {{"u", user_id}}, [&](const soci::row& row) { document = row.get<std::string>(0); });
    return document;
}

long AccountStore::purge_expired_sessions() {
    return db_.delete_older_than(
        "DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at "
        "<= now() - make_interval(secs => :keep)",
        policy_.idle_lifetime);
}

}  // namespace cv::accounts
