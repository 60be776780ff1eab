#include "db/migrations.hpp"

#include "core/log.hpp"

namespace cv::db {

std::vector<std::string> migrate(Database& database, const std::vector<Migration>& migrations) {
    std::vector<std::string> applied;
    soci::session& sql = database.session();
    {
        // Created once, and only when missing: CREATE TABLE IF NOT EXISTS on an existing table
        // makes PostgreSQL send a NOTICE ("already exists, skipping"), which libpq prints on
        // stderr, that is in the journal at every start.
        soci::transaction tx(sql);
        sql << "SELECT pg_advisory_xact_lock(" << kMigrationLock << ")";
        int exists = 0;
        sql << "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
               " ON n.oid = c.relnamespace WHERE c.relname = 'schema_migrations'"
               " AND n.nspname = current_schema()",
            soci::into(exists);
        if (exists == 0) {
            execute_script(sql,
                           "CREATE TABLE schema_migrations ("
                           " version text PRIMARY KEY,"
                           " applied_at timestamptz NOT NULL DEFAULT now())");
        }
        tx.commit();
    }
    for (const auto& migration : migrations) {
        soci::transaction tx(sql);
        sql << "SELECT pg_advisory_xact_lock(" << kMigrationLock << ")";
        int done = 0;
        sql << "SELECT count(*) FROM schema_migrations WHERE version = :v",
            soci::use(migration.name), soci::into(done);
        if (done == 0) {
            execute_script(sql, migration.sql);
            sql << "INSERT INTO schema_migrations (version) VALUES (:v)", soci::use(migration.name);
            applied.push_back(migration.name);
            cv::log::info("migration_applied", {{"version", migration.name}});
        }
        tx.commit();
    }
    return applied;
}

}  // namespace cv::db
