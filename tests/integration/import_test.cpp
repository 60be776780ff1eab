// Importing a Letterboxd export (contract, The diary) over the real stack: the demo's ZIP
// uploaded through nginx and matched by the jobs lane into the diary and the watchlist, the
// unknown film reported and resolved by hand, nothing added by a second import, each lone CSV,
// what is refused and writes nothing, one import at a time, a job that survives its worker's
// death and TMDB's outage, and one's own export imported into a fresh account.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>
#include <tuple>

#include "core/json.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

std::string unique_name(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

std::string register_user(HttpClient& client, const std::string& prefix) {
    auto r = client.post_json("/register", registration(unique_name(prefix)));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    return r.json()["id"].asString();
}

std::string source_file(const std::string& path) {
    return read_file(std::string(CV_SOURCE_DIR) + "/" + path);
}

HttpResult upload(HttpClient& client, const std::string& body, const std::string& type,
                  const std::string& query = "") {
    return client.request("POST", "/api/import/letterboxd" + query, body,
                          {"Content-Type: " + type});
}

// Uploads and returns the import's id (202 required).
std::string start_import(HttpClient& client, const std::string& body, const std::string& type,
                         const std::string& query = "") {
    auto started = upload(client, body, type, query);
    BOOST_REQUIRE_MESSAGE(started.status == 202, started.status << " " << started.body);
    std::string id = started.json()["job_id"].asString();
    BOOST_REQUIRE_EQUAL(id.size(), 36u);
    return id;
}

// The import's status once it is done (or failed).
Json::Value finished(HttpClient& client, const std::string& id,
                     std::chrono::milliseconds patience = 60s) {
    Json::Value status;
    bool ended = wait_until(
        [&] {
            auto r = client.get("/api/import/" + id);
            if (r.status != 200) return false;
            status = r.json();
            return status["state"].asString() == "done" || status["state"].asString() == "failed";
        },
        patience);
    BOOST_REQUIRE_MESSAGE(ended, "the import did not end: " << status);
    return status;
}

std::string count_of(const std::string& table, const std::string& user) {
    return stack().sql("SELECT count(*) FROM " + table + " WHERE user_id = '" + user + "'");
}

// A viewing as the comparisons below see it.
using Viewing = std::tuple<long, std::string, double, bool, std::string>;
std::multiset<Viewing> journal_of(HttpClient& client) {
    std::multiset<Viewing> viewings;
    auto journal = client.get("/api/diary").json();
    for (const auto& entry : journal) {
        viewings.insert({entry["id"].asInt64(), entry["watched_on"].asString(),
                         entry["rating"].isNull() ? 0.0 : entry["rating"].asDouble(),
                         entry["rewatch"].asBool(),
                         entry["review"].isNull() ? "" : entry["review"].asString()});
    }
    return viewings;
}

std::set<long> watchlist_of(HttpClient& client) {
    std::set<long> ids;
    for (const auto& item : client.get("/api/watchlist").json()) ids.insert(item["id"].asInt64());
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(imports)

BOOST_AUTO_TEST_CASE(the_demo_export_fills_the_diary_and_the_watchlist_once) {
    HttpClient client;
    std::string user = register_user(client, "importer");
    const std::string zip = source_file("demo/letterboxd-export.zip");
    std::string id = start_import(client, zip, "application/zip");
    // One job, queued with the import.
    BOOST_TEST(stack().sql("SELECT count(*) FROM jobs WHERE kind = 'diary.import' AND "
                           "unique_key = 'diary.import:" +
                           id + "'") == "1");
    auto status = finished(client, id);
    BOOST_TEST(status["state"].asString() == "done", status);
    BOOST_TEST(status["total"].asInt() == 30);  // 23 viewings and 7 films to watch
    BOOST_TEST(status["done"].asInt() == 30);
    BOOST_TEST(status["matched"].asInt() == 29);
    BOOST_REQUIRE(status["unmatched"].size() == 1u);
    BOOST_TEST(status["unmatched"][0]["name"].asString() == "The Phantom Carriage");
    BOOST_TEST(status["unmatched"][0]["year"].asInt() == 1921);

    auto journal = client.get("/api/diary").json();
    BOOST_REQUIRE_EQUAL(journal.size(), 22u);
    std::map<std::string, Json::Value> by_day;  // title|date → entry
    for (const auto& entry : journal)
        by_day[entry["title"].asString() + "|" + entry["watched_on"].asString()] = entry;
    // A viewing and its rewatch, each with its rating in halves; the review over two lines.
    const auto& first = by_day["Nosferatu|2024-01-06"];
    BOOST_TEST(first["rating"].asDouble() == 4.0);
    BOOST_TEST(!first["rewatch"].asBool());
    const auto& again = by_day["Nosferatu|2024-10-31"];
    BOOST_TEST(again["rating"].asDouble() == 4.5);
    BOOST_TEST(again["rewatch"].asBool());
    BOOST_TEST(again["review"].asString().find("L'ombre d'Orlok") != std::string::npos);
    BOOST_TEST(again["review"].asString().find('\n') != std::string::npos);
    BOOST_TEST(!again["public"].asBool());  // imported reviews stay private
    // Accents, a line that appears twice (one viewing), the escaped title, a film watched only
    // (dated the day it was logged), one never rated.
    BOOST_TEST(by_day["Häxan|2024-04-13"]["rating"].asDouble() == 3.5);
    BOOST_TEST(by_day["Napoléon|2024-05-04"]["id"].asInt() == 900100);
    BOOST_TEST(by_day["Salomé|2025-01-11"]["rating"].asDouble() == 3.0);
    BOOST_TEST(by_day["Metropolis|2024-02-10"]["rating"].asDouble() == 5.0);
    BOOST_TEST(by_day["Metropolis|2024-02-10"]["review"].asString().rfind("Une ville", 0) == 0u);
    BOOST_TEST(by_day.count("Le \"Chat\" & la <Souris>|2025-05-17") == 1u);
    BOOST_TEST(by_day["Charade|2023-05-02"]["rating"].asDouble() == 4.0);
    BOOST_TEST(by_day["Man with a Movie Camera|2025-08-09"]["rating"].isNull());
    BOOST_TEST(count_of("diary_entries", user) == "22");
    BOOST_TEST(stack().sql("SELECT count(*) FROM diary_entries WHERE user_id = '" + user +
                           "' AND title = 'Metropolis'") == "1");
    auto listed = watchlist_of(client);
    BOOST_TEST(listed.size() == 7u);
    BOOST_TEST(listed.count(900102) == 1u);  // Cabiria
    BOOST_TEST(listed.count(900090) == 1u);  // Faust

    // The same file again adds nothing.
    auto diary_before = journal_of(client);
    std::string again_id = start_import(client, zip, "application/zip");
    BOOST_TEST(again_id != id);
    auto second = finished(client, again_id);
    BOOST_TEST(second["matched"].asInt() == 29);
    BOOST_TEST(count_of("diary_entries", user) == "22");
    BOOST_TEST(count_of("watchlist_items", user) == "7");
    BOOST_TEST((journal_of(client) == diary_before));

    // The unmatched row resolved by hand, to a film picked from search: its viewing written.
    int position = status["unmatched"][0]["position"].asInt();
    Json::Value pick(Json::objectValue);
    pick["position"] = position;
    pick["media_type"] = "movie";
    pick["id"] = 900054;
    std::string resolve = "/api/import/" + id + "/resolve";
    HttpClient other;
    register_user(other, "nosy");
    BOOST_TEST(other.post_json(resolve, cv::json::write(pick)).status == 404);
    auto resolved = client.post_json(resolve, cv::json::write(pick));
    BOOST_REQUIRE_MESSAGE(resolved.status == 200, resolved.body);
    BOOST_TEST(resolved.json()["matched"].asInt() == 30);
    BOOST_TEST(resolved.json()["unmatched"].size() == 0u);
    auto rain = client.get("/api/diary/movie/900054").json();
    BOOST_REQUIRE(rain.size() == 1u);
    BOOST_TEST(rain[0]["watched_on"].asString() == "2025-04-05");
    BOOST_TEST(rain[0]["rating"].asDouble() == 4.5);
    BOOST_TEST(client.post_json(resolve, cv::json::write(pick)).status == 409);  // done already
    pick["position"] = 999;
    BOOST_TEST(client.post_json(resolve, cv::json::write(pick)).status == 404);
    pick["position"] = "first";
    BOOST_TEST(client.post_json(resolve, cv::json::write(pick)).status == 400);

    // The data export carries the imports and their rows.
    auto everything = client.get("/api/export").json();
    BOOST_REQUIRE(everything["imports"].size() == 2u);
    BOOST_TEST(everything["imports"][0]["state"].asString() == "done");
    BOOST_TEST(everything["imports"][0]["rows"].size() == 30u);

    // One's CSV export, imported into a fresh account, gives the same diary and watchlist.
    auto diary_csv = client.get("/api/export/letterboxd.csv");
    BOOST_REQUIRE_EQUAL(diary_csv.status, 200);
    auto watchlist_csv = client.get("/api/export/letterboxd.csv?list=watchlist");
    HttpClient fresh;
    std::string newcomer = register_user(fresh, "newcomer");
    auto copied = finished(fresh, start_import(fresh, diary_csv.body, "text/csv"));
    BOOST_TEST(copied["matched"].asInt() == 23, copied);
    auto listed_copy =
        finished(fresh, start_import(fresh, watchlist_csv.body, "text/csv", "?file=watchlist.csv"));
    BOOST_TEST(listed_copy["matched"].asInt() == 7, listed_copy);
    BOOST_TEST((journal_of(fresh) == journal_of(client)));
    BOOST_TEST((watchlist_of(fresh) == watchlist_of(client)));
}

BOOST_AUTO_TEST_CASE(each_csv_of_the_export_is_imported_alone) {
    // file, the upload's hint, rows, whether The Phantom Carriage is among them
    const std::tuple<const char*, const char*, int, bool> files[] = {
        {"watched.csv", "", 22, true},
        {"ratings.csv", "", 20, true},
        {"diary.csv", "", 20, true},
        {"reviews.csv", "", 5, true},
        {"watchlist.csv", "?file=watchlist.csv", 7, false},
    };
    for (const auto& [name, hint, rows, unknown] : files) {
        HttpClient client;
        std::string user = register_user(client, "lone");
        auto status = finished(
            client, start_import(client, source_file(std::string("demo/letterboxd/") + name),
                                 "text/csv; charset=utf-8", hint));
        BOOST_TEST(status["state"].asString() == "done", name);
        BOOST_TEST(status["total"].asInt() == rows, name);
        BOOST_TEST(status["unmatched"].size() == (unknown ? 1u : 0u), name);
        BOOST_TEST(status["matched"].asInt() == rows - (unknown ? 1 : 0), name);
        bool watchlist = std::string(name) == "watchlist.csv";
        BOOST_TEST(count_of(watchlist ? "watchlist_items" : "diary_entries", user) ==
                       std::to_string(rows - (unknown ? 1 : 0)),
                   name);
    }
}

BOOST_AUTO_TEST_CASE(what_is_not_an_export_is_refused_and_nothing_is_stored) {
    HttpClient client;
    std::string user = register_user(client, "refused");
    const std::string zip = source_file("demo/letterboxd-export.zip");
    auto broken = upload(client, zip.substr(0, zip.size() / 2), "application/zip");
    BOOST_TEST(broken.status == 400);
    BOOST_TEST(broken.json()["error"].asString() == "Not a Letterboxd export");
    BOOST_TEST(upload(client, "PK\x03\x04 not really", "application/zip").status == 400);
    BOOST_TEST(upload(client, "a,b\n1,2\n", "text/csv").status == 400);
    BOOST_TEST(upload(client, zip, "text/csv").status == 400);  // a ZIP is no CSV
    BOOST_TEST(
        upload(client, source_file("demo/letterboxd/diary.csv"), "text/csv", "?file=notes.csv")
            .status == 400);
    // Over 10 MiB: nginx answers, in JSON, before a byte reaches the workers.
    auto huge = upload(client, std::string(10 * 1024 * 1024 + 1, 'a'), "text/csv");
    BOOST_TEST(huge.status == 413);
    BOOST_TEST(huge.json()["error"].isString(), huge.body);
    // Another type, another site, nobody.
    auto typed = upload(client, source_file("demo/letterboxd/diary.csv"), "application/json");
    BOOST_TEST(typed.status == 415);
    BOOST_TEST(upload(client, "x", "text/plain").status == 415);
    auto foreign =
        client.request("POST", "/api/import/letterboxd", zip,
                       {"Content-Type: application/zip", "Origin: https://evil.example"});
    BOOST_TEST(foreign.status == 403);
    BOOST_TEST(foreign.json()["error"].asString() == "Forbidden origin");
    HttpClient anonymous;
    auto nobody = upload(anonymous, zip, "application/zip");
    BOOST_TEST(nobody.status == 401);
    BOOST_TEST(nobody.json()["error"].asString() == "User not authenticated");
    BOOST_TEST(count_of("imports", user) == "0");
    BOOST_TEST(count_of("diary_entries", user) == "0");
    // An id that is not one, or not one of mine: not found.
    BOOST_TEST(client.get("/api/import/undefined").status == 404);
    BOOST_TEST(client.get("/api/import/00000000-0000-4000-8000-000000000000").status == 404);
    BOOST_TEST(anonymous.get("/api/import/00000000-0000-4000-8000-000000000000").status == 401);
}

BOOST_AUTO_TEST_CASE(one_import_runs_at_a_time_and_only_its_owner_sees_it) {
    std::string id;
    HttpClient client;
    {
        ScopedPool no_jobs{{"CINEVERSE_JOBS_WORKERS", "0"}};  // it stays queued meanwhile
        register_user(client, "eager");
        const std::string zip = source_file("demo/letterboxd-export.zip");
        id = start_import(client, zip, "application/zip");
        auto queued = client.get("/api/import/" + id).json();
        BOOST_TEST(queued["state"].asString() == "queued");
        BOOST_TEST(queued["done"].asInt() == 0);
        BOOST_TEST(queued["total"].asInt() == 30);
        auto second = upload(client, zip, "application/zip");
        BOOST_TEST(second.status == 409);
        BOOST_TEST(second.json()["error"].asString() == "An import is already running");
        HttpClient other;
        register_user(other, "stranger");
        BOOST_TEST(other.get("/api/import/" + id).status == 404);
    }
    // The jobs lane back, the queued import runs.
    BOOST_TEST(finished(client, id)["state"].asString() == "done");
}

BOOST_AUTO_TEST_CASE(a_killed_workers_import_resumes_and_writes_each_row_once) {
    // Two hundred viewings of a hundred films, slow enough to kill the worker halfway.
    auto search = cv::json::parse(source_file("demo/tmdb/search.json"));
    BOOST_REQUIRE(search.has_value());
    std::vector<std::pair<std::string, std::string>> films;
    for (const auto& item : (*search)["results"]) {
        if (item["media_type"].asString() == "movie" && films.size() < 100)
            films.emplace_back(item["title"].asString(),
                               item["release_date"].asString().substr(0, 4));
    }
    std::string csv = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n";
    for (int i = 0; i < 200; ++i) {
        const auto& [title, year] = films[static_cast<std::size_t>(i) % films.size()];
        std::string quoted = "\"";
        for (char c : title) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += "\"";
        char date[16];
        std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + i / 100, 1 + (i / 28) % 12,
                      1 + i % 28);
        csv += std::string(date) + "," + quoted + "," + year + ",https://boxd.it/x" +
               std::to_string(i) + ",4,,," + date + "\n";
    }
    ScopedPool pool{{"CINEVERSE_IMPORT_RATE", "15"}};
    BOOST_REQUIRE(wait_until([] { return stack().worker_pids("jobs").size() == 1; }, kPatience));
    HttpClient client;
    std::string user = register_user(client, "survivor");
    LogWatch log;
    std::string id = start_import(client, csv, "text/csv");
    BOOST_REQUIRE(wait_until(
        [&] { return client.get("/api/import/" + id).json()["done"].asInt() >= 15; }, kPatience));
    auto killed = stack().worker_pids("jobs");
    BOOST_REQUIRE(killed.size() == 1u);
    kill(killed.front(), SIGKILL);
    BOOST_REQUIRE(
        log.wait_for({"event=worker_died", "worker=" + std::to_string(killed.front()) + " "}));
    BOOST_TEST(client.get("/api/import/" + id).json()["done"].asInt() < 200);
    // Its lease runs out, another worker takes the job, and the import goes on.
    BOOST_REQUIRE(log.wait_for({"event=jobs_rescued"}));
    auto status = finished(client, id, 120s);
    BOOST_TEST(status["state"].asString() == "done");
    BOOST_TEST(status["total"].asInt() == 200);
    BOOST_TEST(status["matched"].asInt() == 200, status["unmatched"]);
    BOOST_TEST(count_of("diary_entries", user) == "200");
    BOOST_TEST(stack().sql("SELECT attempts FROM jobs WHERE unique_key = 'diary.import:" + id +
                           "'") == "2");
}

BOOST_AUTO_TEST_CASE(rows_wait_for_tmdb_rather_than_go_unmatched) {
    HttpClient client;
    std::string user = register_user(client, "patient");
    LogWatch log;
    std::string id;
    {
        ScopedTmdbMode failing{R"({"mode": "error500", "path": "/3/search"})"};
        id = start_import(client,
                          "Date,Name,Year,Letterboxd URI,Rating\n"
                          "2024-05-01,The Sky Ship,1918,https://boxd.it/k1,4.5\n",
                          "text/csv");
        // The attempt gives up after a few lookups and is retried after a backoff. (A film no
        // other test of the suite imports: its search is kept by nobody yet.)
        BOOST_REQUIRE(log.wait_for({"event=job_failed", "kind=diary.import"}, 1, 40s));
        auto waiting = client.get("/api/import/" + id).json();
        BOOST_TEST(waiting["state"].asString() == "running");
        BOOST_TEST(waiting["done"].asInt() == 0);
        BOOST_TEST(waiting["unmatched"].size() == 0u);
    }
    auto status = finished(client, id);
    BOOST_TEST(status["matched"].asInt() == 1, status);
    auto ship = client.get("/api/diary/movie/900109").json();
    BOOST_REQUIRE(ship.size() == 1u);
    BOOST_TEST(ship[0]["rating"].asDouble() == 4.5);
}

BOOST_AUTO_TEST_SUITE_END()
