// The commands the systemd units run besides `serve`: `cineverse-api reload` (ExecReload=),
// which signals the master and returns only once the new workers accept, or fails when the
// master refuses the configuration; and `migrate` with two roles, the schema's owner applying
// the migrations and the service's own role left with rows to read and write. The system
// suite (tests/system) runs both under a real systemd; these run them on the test stack.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string>

#include "core/json.hpp"
#include "fastcgi_client.hpp"
#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;

namespace {

// Workers of the pool's newest generation that accept, from the status page (main lane).
unsigned accepting_in_newest_generation() {
    std::string answer = fastcgi_request(stack().dir() + "/run/api.sock", "GET", "/status?full");
    auto page = cv::json::parse(answer.substr(answer.find("\r\n\r\n") + 4));
    if (!page) return 0;
    unsigned newest = 0, accepting = 0;
    for (const auto& worker : (*page)["workers"])
        newest = std::max(newest, worker["generation"].asUInt());
    for (const auto& worker : (*page)["workers"]) {
        if (worker["generation"].asUInt() == newest && worker["state"].asString() != "starting")
            ++accepting;
    }
    return accepting;
}

// psql as the test cluster's superuser, on `database`; the output, or a failed test.
std::string sql_in(const std::string& database, const std::string& query,
                   const std::string& role = "cineverse", int* exit_code = nullptr) {
    auto r = run({stack().pg_bin("psql"), "-X", "-q", "-h", stack().dir() + "/run/pg", "-U", role,
                  "-d", database, "-v", "ON_ERROR_STOP=1", "-tA", "-c", query});
    if (exit_code)
        *exit_code = r.exit_code;
    else
        BOOST_TEST(r.exit_code == 0, query << ": " << r.output);
    return r.output;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(service_commands)

BOOST_AUTO_TEST_CASE(reload_returns_once_the_new_workers_accept_and_fails_when_refused) {
    std::string file = stack().dir() + "/reload-command.env";
    std::ofstream(file) << "CINEVERSE_WORKERS=2\n";
    ScopedPool pool{{"CINEVERSE_CONFIG_FILE", file}};
    const unsigned side_lanes =
        Stack::kHashingWorkers + Stack::kCatalogueWorkers + Stack::kJobsWorkers;
    BOOST_TEST(
        wait_until([&] { return accepting_in_newest_generation() == 2 + side_lanes; }, kPatience));
    const std::string master = std::to_string(pool.master_pid());

    std::ofstream(file) << "CINEVERSE_WORKERS=3\n";
    auto done = run({CV_API_BINARY, "reload", master});
    BOOST_TEST(done.exit_code == 0, done.output);
    // Nothing to wait for: the command returned once the new generation was accepting.
    BOOST_TEST(accepting_in_newest_generation() >= 3 + side_lanes);

    // $MAINPID, as systemd gives it to ExecReload=.
    auto from_systemd = run({CV_API_BINARY, "reload"}, {{"MAINPID", master}});
    BOOST_TEST(from_systemd.exit_code == 0, from_systemd.output);

    std::ofstream(file) << "CINEVERSE_WORKERS=many\n";
    auto refused = run({CV_API_BINARY, "reload", master});
    BOOST_TEST(refused.exit_code == 1, refused.output);
    BOOST_TEST(refused.output.find("event=reload_failed") != std::string::npos, refused.output);
    HttpClient client;
    BOOST_TEST(client.get("/healthz").status == 200);

    BOOST_TEST(run({CV_API_BINARY, "reload"}).exit_code == 2);  // no pid at all
    auto gone = run({CV_API_BINARY, "reload", "999999999"});
    BOOST_TEST(gone.exit_code == 1, gone.output);
}

BOOST_AUTO_TEST_CASE(the_owner_migrates_and_the_service_role_only_reads_and_writes_rows) {
    stack().sql("DROP DATABASE IF EXISTS roles_check");
    stack().sql("DROP ROLE IF EXISTS roles_owner");
    stack().sql("DROP ROLE IF EXISTS roles_service");
    stack().sql("CREATE ROLE roles_owner LOGIN");
    stack().sql("CREATE ROLE roles_service LOGIN");
    stack().sql("CREATE DATABASE roles_check OWNER roles_owner");
    // What docs/deployment.md has the operator run, before the first migration.
    sql_in("roles_check",
           "ALTER DEFAULT PRIVILEGES FOR ROLE roles_owner GRANT SELECT, INSERT, UPDATE, DELETE ON "
           "TABLES TO roles_service");
    auto env = stack().pool_environment();
    const std::string base = "postgresql:///roles_check?host=" + stack().dir() + "/run/pg&user=";
    env["CINEVERSE_DATABASE_URL"] = base + "roles_service";
    env["CINEVERSE_MIGRATION_DATABASE_URL"] = base + "roles_owner";
    auto migrated = run({CV_API_BINARY, "migrate"}, env);
    BOOST_TEST(migrated.exit_code == 0, migrated.output);

    BOOST_TEST(sql_in("roles_check",
                      "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname "
                      "= 'public'") == "roles_owner\n");
    // The service's role set its own timeouts (only a role itself may).
    BOOST_TEST(
        sql_in("postgres", "SELECT rolconfig::text FROM pg_roles WHERE rolname = 'roles_service'")
            .find("statement_timeout") != std::string::npos);
    int code = 0;
    for (const char* allowed :
         {"SELECT count(*) FROM users", "UPDATE users SET first_name = first_name WHERE false",
          "DELETE FROM sessions WHERE false"}) {
        auto out = sql_in("roles_check", allowed, "roles_service", &code);
        BOOST_TEST(code == 0, allowed << ": " << out);
    }
    for (const char* forbidden : {"DROP TABLE sessions", "ALTER TABLE users ADD COLUMN sneaky int",
                                  "CREATE TABLE sneaky (x int)", "TRUNCATE users"}) {
        auto out = sql_in("roles_check", forbidden, "roles_service", &code);
        BOOST_TEST(code != 0, forbidden << " was allowed: " << out);
    }
    // A second run, as at every start, applies nothing and says nothing PostgreSQL would
    // print as a NOTICE ("already exists, skipping") into the journal.
    auto again = run({CV_API_BINARY, "migrate"}, env);
    BOOST_TEST(again.exit_code == 0, again.output);
    BOOST_TEST(again.output.find("NOTICE") == std::string::npos, again.output);
    BOOST_TEST(again.output.find("applied=0") != std::string::npos, again.output);
    stack().sql("DROP DATABASE roles_check");
    stack().sql("DROP OWNED BY roles_service");
    stack().sql("DROP ROLE roles_owner");
    stack().sql("DROP ROLE roles_service");
}

BOOST_AUTO_TEST_SUITE_END()
