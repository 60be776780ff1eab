#pragma once
// Users and sessions in PostgreSQL. Uniqueness is the database's job: a unique violation
// surfaces as the contract's 409 (Failure::conflict), whatever the race.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "accounts/validation.hpp"
#include "db/database.hpp"

namespace cv::accounts {

struct User {
    std::string id;
    std::string username;
    std::string email;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> phone_number;
};

struct Credentials {
    std::string id;
    std::string username;
    std::string password_hash;
};

struct SessionPolicy {
    std::chrono::seconds absolute_lifetime{7 * 24 * 3600};
    std::chrono::seconds idle_lifetime{24 * 3600};
    int max_live_sessions = 20;  // a new one ends the least recently used
    // Between two password changes of one account (each costs an Argon2id hash).
    std::chrono::seconds password_change_interval{60};
};

struct OpenedSession {
    std::string token;
};

class AccountStore {
  public:
    AccountStore(db::Database& database, db::ReadRouter lagging_reads, SessionPolicy policy)
        : db_(database), lagging_reads_(lagging_reads), policy_(policy) {}

    // Creates the user and its first session in one transaction; a taken username or
    // e-mail throws Failure(conflict).
    std::pair<User, OpenedSession> register_user(const AccountFields& fields,
                                                 const std::string& password_hash);
    std::optional<Credentials> find_credentials(const std::string& username);
    std::optional<std::string> password_hash_of(const std::string& user_id);
    void replace_password_hash(const std::string& user_id, const std::string& password_hash);

    // Opens a session; the client's previous one, if given, ends in the same transaction,
    // so a failure never leaves the client with neither. Past max_live_sessions, the user's
    // least recently used sessions end.
    OpenedSession open_session(const std::string& user_id,
                               const std::optional<std::string>& replaced_token);
    // The user id of a live session; extends its idle lifetime.
    std::optional<std::string> session_user(const std::string& token);
    // The user of a live session, in one round trip; extends its idle lifetime.
    std::optional<User> session_owner(const std::string& token);
    void close_session(const std::string& token);
    enum class Presence { unknown_user, disconnected, connected };
    // Whether the user exists and has a live session, in one round trip.
    Presence presence(const std::string& user_id);

    // Whether the account may change its password now (Failure::rate_limited otherwise is
    // the caller's to throw, before it spends a hash on it).
    bool password_change_allowed(const std::string& user_id);

    // Applies the given fields; a new password hash ends every other session of the user. A
    // password change sooner than password_change_interval after the last one throws
    // Failure(rate_limited) and changes nothing.
    // A taken username or e-mail throws Failure(conflict). Returns nullopt when the user no
    // longer exists.
    std::optional<User> update_user(const std::string& user_id, const AccountFields& fields,
                                    const std::optional<std::string>& password_hash,
                                    const std::string& current_token);

    // Ends every session of the user named so; nullopt when there is none.
    std::optional<long> revoke_sessions(const std::string& username);

    // The user, every session and everything else of theirs (watchlist…), in one transaction.
    void delete_user(const std::string& user_id);

    // What the account holds (the data export): {"profile": {…}, "sessions": [{created_at,
    // last_seen_at, expires_at}]} — never a password hash or a token's.
    std::string export_json(const std::string& user_id);

    // Deletes expired sessions; returns how many.
    long purge_expired_sessions();

    const SessionPolicy& policy() const { return policy_; }

  private:
    db::Database& db_;
    db::ReadRouter lagging_reads_;  // presence only: sessions are always checked on the primary
    SessionPolicy policy_;
};

}  // namespace cv::accounts
