#include "db/database.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>

#include "core/log.hpp"

namespace cv::db {
namespace {

PGconn* raw_connection(soci::session& session) {
    // libsoci_postgresql exports no RTTI for its backend; the name check stands in for it.
    if (session.get_backend_name() != "postgresql") return nullptr;
    return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

bool connection_class(const std::string& state) {
    // 08xxx: connection exceptions; 57P01-57P03: server shutting down or starting.
    return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
}

}  // namespace

std::string sqlstate(const soci::soci_error& error) {
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        return pg->sqlstate();
    }
    return {};
}

std::string with_defaults(const std::string& conninfo, std::chrono::milliseconds request_timeout) {
    bool uri = conninfo.rfind("postgres://", 0) == 0 || conninfo.rfind("postgresql://", 0) == 0;
    std::string result = conninfo;
    auto add = [&](const std::string& key, const std::string& value) {
        if (conninfo.find(key + "=") != std::string::npos) return;
        if (uri) {
            result += (result.find('?') == std::string::npos ? "?" : "&") + key + "=" + value;
        } else {
            result += " " + key + "=" + value;
        }
    };
    add("connect_timeout", "2");
    add("application_name", "cineverse-api");
    // TCP only (libpq ignores them on a unix socket): a peer gone silent is noticed within
    // about 20 s idle, or as soon as unacknowledged data has waited the request timeout.
    add("keepalives", "1");
    add("keepalives_idle", "10");
    add("keepalives_interval", "3");
    add("keepalives_count", "3");
    add("tcp_user_timeout", std::to_string(request_timeout.count()));
    return result;
}

class PreparedRow {
  public:
    PreparedRow(soci::session& sql, const std::string& text, const Parameters& parameters,
                soci::details::statement_type type)
        : values_(parameters.size()), statement_(sql) {
        for (std::size_t i = 0; i < parameters.size(); ++i)
            statement_.exchange(soci::use(values_[i], parameters[i].first));
        statement_.exchange(soci::into(row_));
        statement_.alloc();
        statement_.prepare(text, type);
        statement_.define_and_bind();
    }

    bool run(const Parameters& parameters, const Database::RowUse& use) {
        for (std::size_t i = 0; i < parameters.size(); ++i) values_[i] = parameters[i].second;
        if (!statement_.execute(true)) return false;
        use(row_);
        return true;
    }

    std::size_t run_all(const Parameters& parameters, const Database::RowUse& use) {
        for (std::size_t i = 0; i < parameters.size(); ++i) values_[i] = parameters[i].second;
        std::size_t rows = 0;
        // libpq has the whole result once executed: each fetch copies a row out of it.
        for (bool more = statement_.execute(true); more; more = statement_.fetch()) {
            use(row_);
            ++rows;
        }
        return rows;
    }

  private:
    std::vector<std::string> values_;  // sized once: SOCI holds references into it
    soci::row row_;
    soci::statement statement_;
};

Database::Database(const std::string& conninfo, bool prepare_statements,
                   std::chrono::milliseconds request_timeout)
    : conninfo_(with_defaults(conninfo, request_timeout)),
      prepare_statements_(prepare_statements),
      request_timeout_(request_timeout) {}

bool Database::timed_out(const soci::soci_error& e) {
    // 57014: canceled by statement_timeout; 55P03: lock_timeout.
    auto state = sqlstate(e);
    return state == "57014" || state == "55P03";
}

void Database::apply_role_timeouts() {
    long long statement = request_timeout_.count();
    // A transaction idle longer than the master's terminate timeout belongs to a worker that
    // is stuck (or gone): its locks are released.
    long long idle = statement + 5000;
    write([&](soci::session& sql) {
        // Under the migrations' lock: two processes altering one role at once would fail
        // ("tuple concurrently updated").
        soci::transaction tx(sql);
        sql << "SELECT pg_advisory_xact_lock(" << kMigrationLock << ")";
        execute_script(
            sql, "ALTER ROLE CURRENT_USER SET statement_timeout = " + std::to_string(statement) +
                     "; ALTER ROLE CURRENT_USER SET lock_timeout = " + std::to_string(statement) +
                     "; ALTER ROLE CURRENT_USER SET idle_in_transaction_session_timeout = " +
                     std::to_string(idle));
        tx.commit();
    });
}

Transaction::Transaction(Database& database, soci::session& sql) : sql_(sql), database_(database) {
    const auto& deadline = database.deadline();
    std::string left_ms;
    if (deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline -
                                                                          Database::Clock::now());
        if (left.count() <= 0) throw TimedOut();
        left_ms = std::to_string(left.count());
    }
    sql_.begin();
    try {
        if (!left_ms.empty()) {
            sql_ << "SELECT set_config('statement_timeout', :t, true), "
                    "set_config('lock_timeout', :t, true)",
                soci::use(left_ms, "t");
        }
    } catch (...) {
        sql_.rollback();
        throw;
    }
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        sql_.rollback();
    } catch (...) {  // a lost connection has nothing left to roll back
    }
}

void Transaction::limit_lock_wait(std::chrono::milliseconds limit) {
    const auto& deadline = database_.deadline();
    if (deadline) {
        limit = std::min(limit, std::chrono::duration_cast<std::chrono::milliseconds>(
                                    *deadline - Database::Clock::now()));
    }
    std::string ms = std::to_string(std::max<long long>(limit.count(), 1));
    sql_ << "SELECT set_config('lock_timeout', :t, true)", soci::use(ms, "t");
}

void Transaction::commit() {
    sql_.commit();
    done_ = true;
}

Database::~Database() {
    drop_session();
}

void Database::drop_session() {
    prepared_.clear();
    session_.reset();
}

bool Database::fetch_row(soci::session& sql, const std::string& text, const Parameters& parameters,
                         const RowUse& use) {
    if (!prepare_statements_) {
        PreparedRow once(sql, text, parameters, soci::details::st_one_time_query);
        return once.run(parameters, use);
    }
    return prepared(sql, text, parameters).run(parameters, use);
}

std::size_t Database::fetch_rows(soci::session& sql, const std::string& text,
                                 const Parameters& parameters, const RowUse& use) {
    if (!prepare_statements_) {
        PreparedRow once(sql, text, parameters, soci::details::st_one_time_query);
        return once.run_all(parameters, use);
    }
    return prepared(sql, text, parameters).run_all(parameters, use);
}

PreparedRow& Database::prepared(soci::session& sql, const std::string& text,
                                const Parameters& parameters) {
    auto& entry = prepared_[text];
    if (!entry) {
        entry = std::make_unique<PreparedRow>(sql, text, parameters,
                                              soci::details::st_repeatable_query);
    }
    return *entry;
}

long Database::delete_older_than(const std::string& delete_statement, std::chrono::seconds keep) {
    long long seconds = keep.count();
    return write([&](soci::session& sql) {
        Transaction tx(*this, sql);
        long long deleted = 0;
        sql << "WITH deleted AS (" << delete_statement
            << " RETURNING 1) SELECT count(*) FROM deleted",
            soci::use(seconds, "keep"), soci::into(deleted);
        tx.commit();
        return static_cast<long>(deleted);
    });
}

bool Database::healthy_idle_connection() {
    PGconn* conn = raw_connection(*session_);
    if (!conn || PQstatus(conn) != CONNECTION_OK) return false;
    // An idle connection has nothing to read (we never LISTEN). Readable means the server
    // spoke unasked: "terminating connection" before a shutdown, or EOF. Reconnect now
    // rather than fail the request's first statement.
    pollfd fd{PQsocket(conn), POLLIN, 0};
    return poll(&fd, 1, 0) == 0;
}

soci::session& Database::session() {
    if (session_ && !healthy_idle_connection()) {
        cv::log::warn("database_reconnect", {{"reason", "connection lost"}});
        drop_session();
    }
    if (!session_) {
        try {
            session_ = std::make_unique<soci::session>(soci::postgresql, conninfo_);
        } catch (const soci::soci_error& e) {
            // libpq's message names host and port, never the password.
            std::string reason = e.get_error_message();
            if (auto nl = reason.find('\n'); nl != std::string::npos) reason.resize(nl);
            cv::log::error("database_unreachable", {{"reason", reason}});
            last_unreachable_ = std::chrono::steady_clock::now();
            throw Unavailable("database unreachable");
        }
    }
    return *session_;
}

bool Database::lost(const soci::soci_error& e) {
    bool gone = connection_class(sqlstate(e));
    if (!gone && session_) {
        PGconn* conn = raw_connection(*session_);
        gone = !conn || PQstatus(conn) != CONNECTION_OK;
    }
    if (gone) {
        cv::log::warn("database_connection_lost", {{"sqlstate", sqlstate(e)}});
        drop_session();
    }
    return gone;
}

bool Database::ping() {
    try {
        read([](soci::session& s) {
            int one = 0;
            s << "SELECT 1", soci::into(one);
            return one;
        });
        return true;
    } catch (const Unavailable&) {
        return false;
    } catch (const soci::soci_error&) {
        drop_session();
        return false;
    }
}

void execute_script(soci::session& session, const std::string& sql) {
    PGconn* conn = raw_connection(session);
    if (!conn) throw std::runtime_error("not a PostgreSQL session");
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn, sql.c_str()), PQclear);
    auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
        throw soci::postgresql_soci_error(PQerrorMessage(conn), state ? state : "XX000");
    }
}

}  // namespace cv::db
