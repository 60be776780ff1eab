#include "jobs/queue.hpp"

#include "core/failure.hpp"
#include "core/json.hpp"

namespace cv::jobs {
namespace {

constexpr const char* kStates[] = {"queued", "running", "retrying", "done", "dead"};

std::string iso(const char* column) {
    return std::string("to_char(") + column +
           " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

const std::string& row_columns() {
    static const std::string columns = "id, kind, state, attempts, max_attempts, " + iso("run_at") +
                                       ", " + iso("created_at") + ", " + iso("started_at") + ", " +
                                       iso("finished_at") +
                                       ", last_error, locked_by, COALESCE(progress::text, 'null')";
    return columns;
}

std::optional<std::string> optional_text(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) != soci::i_ok) return std::nullopt;
    return row.get<std::string>(column);
}

Json::Value parsed(const std::string& text) {
    auto value = json::parse(text);
    return value ? *value : Json::Value();
}

JobRow read_job_row(const soci::row& row) {
    JobRow job;
    job.id = row.get<long long>(0);
    job.kind = row.get<std::string>(1);
    job.state = state_named(row.get<std::string>(2)).value_or(State::queued);
    job.attempts = row.get<int>(3);
    job.max_attempts = row.get<int>(4);
    job.run_at = row.get<std::string>(5);
    job.created_at = row.get<std::string>(6);
    job.started_at = optional_text(row, 7);
    job.finished_at = optional_text(row, 8);
    job.last_error = optional_text(row, 9);
    job.locked_by = optional_text(row, 10);
    job.progress = parsed(row.get<std::string>(11));
    return job;
}

// Wakes idle workers once the enqueuing transaction commits.
void notify(soci::session& sql, const std::string& kind) {
    std::string channel = kNotifyChannel;
    sql << "SELECT pg_notify(:c, :k)", soci::use(channel, "c"), soci::use(kind, "k");
}

std::string array_literal(const std::vector<std::string>& words) {
    std::string literal = "{";
    for (const auto& word : words) {
        if (literal.size() > 1) literal += ',';
        literal += '"' + word + '"';  // kinds are the application's own names: no quotes inside
    }
    return literal + "}";
}

}  // namespace

const char* name_of(State state) {
    return kStates[static_cast<int>(state)];
}

std::optional<State> state_named(const std::string& name) {
    for (int i = 0; i < 5; ++i) {
        if (name == kStates[i]) return static_cast<State>(i);
    }
    return std::nullopt;
}

namespace {

// One try at queuing `job` in the open transaction: the new job, the live one of its key, or
// nullopt when that one finished between the insert and the look-up.
std::optional<Enqueued> try_enqueue(soci::session& sql, const NewJob& job) {
    std::string payload = json::write(job.payload);
    soci::indicator key_ind = job.unique_key ? soci::i_ok : soci::i_null;
    std::string key = job.unique_key.value_or("");
    int max_attempts = job.max_attempts;
    long long id = 0;
    sql << "INSERT INTO jobs (kind, unique_key, payload, max_attempts) "
           "VALUES (:k, :u, CAST(:p AS jsonb), :m) "
           "ON CONFLICT (unique_key) WHERE state IN ('queued', 'running', 'retrying') "
           "DO NOTHING RETURNING id",
        soci::use(job.kind, "k"), soci::use(key, key_ind, "u"), soci::use(payload, "p"),
        soci::use(max_attempts, "m"), soci::into(id);
    if (sql.got_data()) {
        notify(sql, job.kind);
        return Enqueued{id, true};
    }
    sql << "SELECT id FROM jobs WHERE unique_key = :u "
           "AND state IN ('queued', 'running', 'retrying')",
        soci::use(key, "u"), soci::into(id);
    if (sql.got_data()) return Enqueued{id, false};
    return std::nullopt;
}

}  // namespace

Enqueued enqueue_within(soci::session& sql, const NewJob& job) {
    if (auto enqueued = try_enqueue(sql, job)) return *enqueued;
    throw std::runtime_error("job " + job.kind + " could be neither queued nor found");
}

Enqueued JobQueue::enqueue(const NewJob& job) {
    return db_.write([&](soci::session& sql) {
        // The live job of the same key may finish between the insert and the look-up: the
        // insert is then tried again.
        for (int round = 0; round < 3; ++round) {
            db::Transaction tx(db_, sql);
            auto enqueued = try_enqueue(sql, job);
            tx.commit();
            if (enqueued) return *enqueued;
        }
        throw std::runtime_error("job " + job.kind + " could be neither queued nor found");
    });
}

long JobQueue::rescue_expired() {
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        long long rescued = 0;
        sql << "WITH rescued AS (UPDATE jobs SET "
               "state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'retrying' END, "
               "run_at = now(), locked_by = NULL, lease_until = NULL, "
               "finished_at = CASE WHEN attempts >= max_attempts THEN now() END, "
               "last_error = 'its worker stopped renewing the lease (killed, or its host lost)' "
               "WHERE state = 'running' AND lease_until < now() RETURNING kind) "
               "SELECT count(*) FROM rescued",
            soci::into(rescued);
        tx.commit();
        return static_cast<long>(rescued);
    });
}

std::optional<Job> JobQueue::claim(const std::vector<std::string>& kinds, const std::string& worker,
                                   std::chrono::seconds lease) {
    std::string kind_list = array_literal(kinds);
    long long lease_seconds = lease.count();
    return db_.write([&](soci::session& sql) -> std::optional<Job> {
        db::Transaction tx(db_, sql);
        soci::row row;
        sql << "UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, locked_by = :w, "
               "lease_until = now() + make_interval(secs => :l), started_at = now() "
               "FROM (SELECT id FROM jobs WHERE state IN ('queued', 'retrying') "
               "AND run_at <= now() AND kind = ANY(CAST(:k AS text[])) "
               "ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) next "
               "WHERE j.id = next.id "
               "RETURNING j.id, j.kind, j.payload::text, j.attempts, j.max_attempts, "
               "COALESCE(j.progress::text, 'null')",
            soci::use(worker, "w"), soci::use(lease_seconds, "l"), soci::use(kind_list, "k"),
            soci::into(row);
        if (!sql.got_data()) {
            tx.commit();
            return std::nullopt;
        }
        Job job;
        job.id = row.get<long long>(0);
        job.kind = row.get<std::string>(1);
        job.payload = parsed(row.get<std::string>(2));
        job.attempt = row.get<int>(3);
        job.max_attempts = row.get<int>(4);
        job.progress = parsed(row.get<std::string>(5));
        tx.commit();
        return job;
    });
}

bool JobQueue::heartbeat(long long id, const std::string& worker, std::chrono::seconds lease,
                         const Json::Value& progress) {
    std::string saved = json::write(progress);
    long long lease_seconds = lease.count();
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        soci::statement renewal =
            (sql.prepare << "UPDATE jobs SET lease_until = now() + make_interval(secs => :l), "
                            "progress = CAST(:p AS jsonb) "
                            "WHERE id = :i AND locked_by = :w AND state = 'running'",
             soci::use(lease_seconds, "l"), soci::use(saved, "p"), soci::use(id, "i"),
             soci::use(worker, "w"));
        renewal.execute(true);
        bool ours = renewal.get_affected_rows() > 0;
        tx.commit();
        return ours;
    });
}

bool JobQueue::complete(long long id, const std::string& worker, const Json::Value& progress) {
    std::string saved = json::write(progress);
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        soci::statement done =
            (sql.prepare << "UPDATE jobs SET state = 'done', finished_at = now(), "
                            "locked_by = NULL, lease_until = NULL, last_error = NULL, "
                            "progress = CAST(:p AS jsonb) "
                            "WHERE id = :i AND locked_by = :w AND state = 'running'",
             soci::use(saved, "p"), soci::use(id, "i"), soci::use(worker, "w"));
        done.execute(true);
        bool ours = done.get_affected_rows() > 0;
        tx.commit();
        return ours;
    });
}

std::optional<State> JobQueue::fail(long long id, const std::string& worker,
                                    const std::string& error, const Json::Value& progress,
                                    const Backoff& backoff) {
    std::string saved = json::write(progress);
    return db_.write([&](soci::session& sql) -> std::optional<State> {
        db::Transaction tx(db_, sql);
        int attempts = 0;
        sql << "SELECT attempts FROM jobs WHERE id = :i AND locked_by = :w AND state = 'running' "
               "FOR UPDATE",
            soci::use(id, "i"), soci::use(worker, "w"), soci::into(attempts);
        if (!sql.got_data()) return std::nullopt;
        long long wait = backoff.after(attempts).count();
        std::string state;
        sql << "UPDATE jobs SET "
               "state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'retrying' END, "
               "run_at = now() + make_interval(secs => :b), last_error = :e, "
               "progress = CAST(:p AS jsonb), locked_by = NULL, lease_until = NULL, "
               "finished_at = CASE WHEN attempts >= max_attempts THEN now() END "
               "WHERE id = :i RETURNING state",
            soci::use(wait, "b"), soci::use(error, "e"), soci::use(saved, "p"), soci::use(id, "i"),
            soci::into(state);
        tx.commit();
        return state_named(state);
    });
}

bool JobQueue::release(long long id, const std::string& worker, const Json::Value& progress) {
    std::string saved = json::write(progress);
    return db_.write([&](soci::session& sql) {
        db::Transaction tx(db_, sql);
        std::string kind;
        sql << "UPDATE jobs SET state = 'queued', attempts = attempts - 1, run_at = now(), "
               "locked_by = NULL, lease_until = NULL, progress = CAST(:p AS jsonb) "
               "WHERE id = :i AND locked_by = :w AND state = 'running' RETURNING kind",
            soci::use(saved, "p"), soci::use(id, "i"), soci::use(worker, "w"), soci::into(kind);
        bool ours = sql.got_data();
        if (ours) notify(sql, kind);
        tx.commit();
        return ours;
    });
}

bool JobQueue::retry(long long id) {
    return db_.write([&](soci::session& sql) {
        try {
            db::Transaction tx(db_, sql);
            std::string kind;
            sql << "UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), "
                   "finished_at = NULL WHERE id = :i AND state = 'dead' RETURNING kind",
                soci::use(id, "i"), soci::into(kind);
            bool found = sql.got_data();
            if (found) notify(sql, kind);
            tx.commit();
            return found;
        } catch (const soci::soci_error& e) {
            if (db::is_unique_violation(e))
                throw Failure::conflict("a job of the same unique key is already live");
            throw;
        }
    });
}

std::vector<JobRow> JobQueue::list(std::optional<State> state, int limit) {
    std::vector<JobRow> rows;
    std::string wanted = state ? name_of(*state) : "";
    std::string most = std::to_string(limit);
    db_.read_rows("SELECT " + row_columns() +
                      " FROM jobs WHERE (:s = '' OR state = :s) ORDER BY id DESC "
                      "LIMIT CAST(:n AS integer)",
                  {{"s", wanted}, {"n", most}},
                  [&](const soci::row& row) { rows.push_back(read_job_row(row)); });
    return rows;
}

std::vector<KindSummary> JobQueue::summary() {
    std::vector<KindSummary> kinds;
    auto kind_named = [&](const std::string& name) -> KindSummary& {
        for (auto& kind : kinds) {
            if (kind.kind == name) return kind;
        }
        kinds.push_back(KindSummary{});
        kinds.back().kind = name;
        return kinds.back();
    };
    db_.read_rows(
        "SELECT kind, state, count(*), COALESCE(extract(epoch FROM now() - min(run_at) "
        "FILTER (WHERE state IN ('queued', 'retrying') AND run_at <= now())), 0)::float8 "
        "FROM jobs GROUP BY kind, state ORDER BY kind",
        {}, [&](const soci::row& row) {
            KindSummary& kind = kind_named(row.get<std::string>(0));
            long count = static_cast<long>(row.get<long long>(2));
            auto state = state_named(row.get<std::string>(1)).value_or(State::queued);
            (state == State::queued     ? kind.queued
             : state == State::running  ? kind.running
             : state == State::retrying ? kind.retrying
             : state == State::done     ? kind.done
                                        : kind.dead) = count;
            kind.waiting_seconds = std::max(kind.waiting_seconds, row.get<double>(3));
        });
    db_.read_rows(
        "SELECT DISTINCT ON (kind) " + row_columns() + " FROM jobs ORDER BY kind, id DESC", {},
        [&](const soci::row& row) {
            auto job = read_job_row(row);
            kind_named(job.kind).latest = job;
        });
    db_.read_rows("SELECT DISTINCT ON (kind) " + row_columns() +
                      " FROM jobs WHERE state IN ('done', 'dead') "
                      "ORDER BY kind, finished_at DESC, id DESC",
                  {}, [&](const soci::row& row) {
                      auto job = read_job_row(row);
                      kind_named(job.kind).last_finished = job;
                  });
    return kinds;
}

long JobQueue::purge_finished(std::chrono::seconds keep) {
    return db_.delete_older_than(
        "DELETE FROM jobs WHERE state IN ('done', 'dead') AND "
        "finished_at < now() - make_interval(secs => :keep)",
        keep);
}

}  // namespace cv::jobs
