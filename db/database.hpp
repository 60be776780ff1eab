#pragma once
// One PostgreSQL connection per worker, opened lazily and reopened after a loss. A lost or
// unreachable database is reported as db::Unavailable (the handlers answer 503), never as a
// hang or a crash; a statement that runs out of the request's time as db::TimedOut (503 too),
// its transaction rolled back.
#include <soci/soci.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/failure.hpp"
#include "core/timings.hpp"

namespace cv::db {

// PostgreSQL cannot be reached: the contract's 503, with a hint to retry shortly.
class Unavailable : public Failure {
  public:
    explicit Unavailable(const std::string& why)
        : Failure(FailureKind::unavailable, "Database unavailable", {{"Retry-After", "2"}}),
          why_(why) {}
    const std::string& why() const { return why_; }

  private:
    std::string why_;  // for the log: "database unreachable", "connection lost"
};

// The request ran out of time in the database (statement_timeout, lock_timeout): whatever it
// was doing is rolled back, and the client is told so.
class TimedOut : public Failure {
  public:
    TimedOut() : Failure(FailureKind::timed_out, "Request timed out") {}
};

// An arbitrary constant naming "cineverse schema migrations" among advisory locks: the
// migrations and the role's settings are applied under it, one process at a time.
constexpr long long kMigrationLock = 0x63696e65766d6967;

// SQLSTATE of a PostgreSQL error, or "" when the error did not come from the server.
std::string sqlstate(const soci::soci_error& error);
inline bool is_unique_violation(const soci::soci_error& error) {
    return sqlstate(error) == "23505";
}

// Adds connect_timeout, application_name, TCP keepalives and tcp_user_timeout (so a
// database across a network that stops answering fails the request instead of holding it)
// unless the operator set them.
std::string with_defaults(const std::string& conninfo,
                          std::chrono::milliseconds request_timeout = std::chrono::seconds(10));

// Named text parameters of a query, in a fixed order per query text (PostgreSQL infers their
// types from the SQL, or the SQL casts them).
using Parameters = std::vector<std::pair<std::string, std::string>>;

// A statement prepared once on one connection and run again with new parameter values: its
// bound variables live here, since SOCI binds them by reference.
class PreparedRow;

class Database {
  public:
    // `prepare_statements`: keep the hot queries prepared on the connection (PostgreSQL
    // parses and plans them once). Off behind a pooler in transaction mode, which may run
    // each transaction on another server connection (CINEVERSE_DATABASE_PREPARED=off).
    explicit Database(const std::string& conninfo, bool prepare_statements = true,
                      std::chrono::milliseconds request_timeout = std::chrono::seconds(10));
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    using Clock = std::chrono::steady_clock;

    // The moment the current request must be answered by; a transaction gets what is left of
    // it as its statement and lock timeouts. None between requests (housekeeping).
    void set_deadline(std::optional<Clock::time_point> deadline) { deadline_ = deadline; }
    const std::optional<Clock::time_point>& deadline() const { return deadline_; }

    // Where the time spent in the database is counted (the slow log), if anywhere.
    void set_timings(Timings* timings) { timings_ = timings; }

    // Idempotent work: retried once on a fresh connection when the old one turns out dead.
    template <typename Work>
    auto read(Work&& work) -> std::invoke_result_t<Work&, soci::session&> {
        Timed timed(timings_, Timings::Part::database);
        try {
            return work(session());
        } catch (const soci::soci_error& e) {
            if (timed_out(e)) throw TimedOut();
            if (!lost(e)) throw;
        }
        try {
            return work(session());  // a second loss becomes Unavailable inside
        } catch (const soci::soci_error& e) {
            if (timed_out(e)) throw TimedOut();
            throw;
        }
    }

    // Writes are not retried: the first attempt might have been applied. The work opens a
    // db::Transaction, which rolls back unless committed.
    template <typename Work>
    auto write(Work&& work) -> std::invoke_result_t<Work&, soci::session&> {
        Timed timed(timings_, Timings::Part::database);
        try {
            return work(session());
        } catch (const soci::soci_error& e) {
            if (timed_out(e)) throw TimedOut();
            if (lost(e)) throw Unavailable("database connection lost");
            throw;
        }
    }

    // A query of one row or none, retried like read(). `use` gets the row while it is valid;
    // returns whether there was one.
    using RowUse = std::function<void(const soci::row&)>;
    bool read_row(const std::string& text, const Parameters& parameters, const RowUse& use) {
        return read([&](soci::session& sql) { return fetch_row(sql, text, parameters, use); });
    }
    // A query of any number of rows, kept prepared like read_row's and retried like read():
    // `use` gets each row in turn (on a retry, the rows again from the first). Returns how
    // many there were.
    std::size_t read_rows(const std::string& text, const Parameters& parameters,
                          const RowUse& use) {
        return read([&](soci::session& sql) { return fetch_rows(sql, text, parameters, use); });
    }

    // Housekeeping: `delete_statement` removes what is older than `keep` (it compares its own
    // column with `now() - make_interval(secs => :keep)`), in a transaction of its own and as
    // a one-time statement (PgBouncer's transaction pooling may run the next one on another
    // server connection). Returns how many rows went.
    long delete_older_than(const std::string& delete_statement, std::chrono::seconds keep);

    bool ping();
    soci::session& session();  // connected, or throws Unavailable
    // A connection attempt failed in the last few seconds (callers with a fallback skip it).
    bool recently_unreachable() const {
        return std::chrono::steady_clock::now() - last_unreachable_ < std::chrono::seconds(5);
    }

    // The settings every connection of this role starts with (ALTER ROLE … SET): the request
    // timeout bounds any statement, even one outside a transaction, and a transaction left
    // idle (a stuck worker holding row locks) is ended. Role-level, so it also holds through
    // PgBouncer in transaction mode, which refuses startup options. Applied at migrate time.
    void apply_role_timeouts();

  private:
    friend class Transaction;
    static bool timed_out(const soci::soci_error& e);
    bool lost(const soci::soci_error& e);  // drops the session when the connection is gone
    bool healthy_idle_connection();
    void drop_session();  // its prepared statements first: they belong to it
    bool fetch_row(soci::session& sql, const std::string& text, const Parameters& parameters,
                   const RowUse& use);
    std::size_t fetch_rows(soci::session& sql, const std::string& text,
                           const Parameters& parameters, const RowUse& use);
    PreparedRow& prepared(soci::session& sql, const std::string& text,
                          const Parameters& parameters);

    std::string conninfo_;
    bool prepare_statements_;
    std::chrono::milliseconds request_timeout_;
    std::optional<Clock::time_point> deadline_;
    Timings* timings_ = nullptr;
    std::unique_ptr<soci::session> session_;
    std::map<std::string, std::unique_ptr<PreparedRow>> prepared_;  // by query text
    std::chrono::steady_clock::time_point last_unreachable_{};
};

// BEGIN … COMMIT with the request's remaining time as SET LOCAL statement_timeout and
// lock_timeout (per transaction, so it holds through PgBouncer in transaction mode). A
// transaction that would start with no time left is refused: no write begins after its
// client was due an answer. Rolled back unless committed.
class Transaction {
  public:
    Transaction(Database& database, soci::session& sql);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Waits on locks at most this long (and never past the deadline).
    void limit_lock_wait(std::chrono::milliseconds limit);
    void commit();

  private:
    soci::session& sql_;
    Database& database_;
    bool done_ = false;
};

// Reads that tolerate a little lag go to a replica when there is one, and fall back to the
// primary while the replica is unreachable.
class ReadRouter {
  public:
    ReadRouter(Database& primary, Database* replica) : primary_(primary), replica_(replica) {}
    template <typename Work>
    auto read(Work&& work) -> std::invoke_result_t<Work&, soci::session&> {
        return route([&](Database& db) { return db.read(work); });
    }
    bool read_row(const std::string& text, const Parameters& parameters,
                  const Database::RowUse& use) {
        return route([&](Database& db) { return db.read_row(text, parameters, use); });
    }

  private:
    template <typename Call>
    auto route(Call&& call) -> std::invoke_result_t<Call&, Database&> {
        if (replica_ && !replica_->recently_unreachable()) {
            try {
                return call(*replica_);
            } catch (const Unavailable&) {
            }
        }
        return call(primary_);
    }

    Database& primary_;
    Database* replica_;
};

// Runs `sql` (several statements allowed) outside SOCI's prepared-statement path.
void execute_script(soci::session& session, const std::string& sql);

}  // namespace cv::db
