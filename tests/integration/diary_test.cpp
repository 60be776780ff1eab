// The diary (contract, The diary) over the real stack: entries only their owner sees and
// changes, the rating rules, a title's average and public reviews, what is private, the
// limits on reviews, the journal's figures, and an account that leaves nothing behind.
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <set>
#include <thread>

#include "core/json.hpp"
#include "diary/letterboxd.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;

namespace {

std::string unique_name(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

std::string register_user(HttpClient& client, const std::string& name) {
    auto r = client.post_json("/register", registration(name));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    return r.json()["id"].asString();
}

HttpResult post_entry(HttpClient& client, const Json::Value& body) {
    return client.post_json("/api/diary", cv::json::write(body));
}

// The same, past nginx's per-address limit: for tests where many members write at once
// from this one address, about what the workers make of it.
HttpResult post_entry_direct(HttpClient& client, const Json::Value& body) {
    return client.post_json("/__direct/api/diary", cv::json::write(body));
}

Json::Value entry(const std::string& media_type, long id, const char* watched_on) {
    Json::Value body(Json::objectValue);
    body["media_type"] = media_type;
    body["id"] = static_cast<Json::Int64>(id);
    body["watched_on"] = watched_on;
    return body;
}

// A title's first page of reviews once it shows what `shown` looks for: each worker may answer
// it from its memory for a moment after a change (CINEVERSE_REVIEWS_REMEMBERED, 2 s), so a
// change must show within that, not at once. The last page read, for the checks.
template <typename Shown>
Json::Value reviews_showing(const std::string& path, Shown shown) {
    Json::Value page;
    bool showed = wait_until(
        [&] {
            page = HttpClient().get(path).json();
            return shown(page);
        },
        std::chrono::seconds(5));
    BOOST_TEST(showed, path << " still shows " << cv::json::write(page));
    return page;
}

// A film nobody else's test writes about (the demo has 141).
long fresh_film() {
    static std::atomic<long> next{900070};
    return ++next;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(diary)

BOOST_AUTO_TEST_CASE(an_entry_is_created_edited_and_deleted_by_its_owner_only) {
    HttpClient owner, other, anonymous;
    register_user(owner, unique_name("diarist"));
    register_user(other, unique_name("intruder"));
    auto body = entry("movie", 900006, "2026-11-02");
    body["rating"] = 3.5;
    body["review"] = "Une nuit à la Cinémathèque.";
    body["rewatch"] = true;
    auto created = post_entry(owner, body);
    BOOST_REQUIRE_MESSAGE(created.status == 200, created.body);
    auto made = created.json();
    std::string id = made["entry_id"].asString();
    BOOST_TEST(id.size() == 36u);
    BOOST_TEST(made["title"].asString() == "Nosferatu");  // from the page, never the client
    BOOST_TEST(made["rating"].asDouble() == 3.5);
    BOOST_TEST(made["watched_on"].asString() == "2026-11-02");
    BOOST_TEST(made["rewatch"].asBool());
    BOOST_TEST(!made["public"].asBool());  // private unless said otherwise
    BOOST_TEST(created.header("cache-control") == "no-store");
    // A second viewing of the same film is another entry.
    BOOST_REQUIRE_EQUAL(post_entry(owner, entry("movie", 900006, "2026-11-20")).status, 200);
    auto mine = owner.get("/api/diary/movie/900006").json();
    BOOST_TEST(mine.size() == 2u);
    BOOST_TEST(mine[0]["watched_on"].asString() == "2026-11-20");  // newest viewing first
    // Only the owner sees and changes it.
    BOOST_TEST(other.get("/api/diary/movie/900006").json().size() == 0u);
    auto stolen = other.patch_json("/api/diary/" + id, R"({"rating": 1})");
    BOOST_TEST(stolen.status == 404);
    BOOST_TEST(other.request("DELETE", "/api/diary/" + id).status == 404);
    BOOST_TEST(anonymous.patch_json("/api/diary/" + id, R"({"rating": 1})").status == 401);
    BOOST_TEST(anonymous.get("/api/diary").status == 401);
    BOOST_TEST(owner.patch_json("/api/diary/not-an-id", R"({"rating": 1})").status == 404);
    auto edited = owner.patch_json("/api/diary/" + id, R"({"rating": 5, "review": null})");
    BOOST_REQUIRE_EQUAL(edited.status, 200);
    BOOST_TEST(edited.json()["rating"].asInt() == 5);
    BOOST_TEST(edited.json()["review"].isNull());
    BOOST_TEST(edited.json()["watched_on"].asString() == "2026-11-02");  // left as it was
    auto removed = owner.request("DELETE", "/api/diary/" + id);
    BOOST_TEST(removed.status == 200);
    BOOST_TEST(removed.body == R"({"removed":true})");
    BOOST_TEST(owner.request("DELETE", "/api/diary/" + id).status == 404);
    BOOST_TEST(owner.get("/api/diary/movie/900006").json().size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_entries_are_refused_and_write_nothing) {
    HttpClient client;
    std::string user = register_user(client, unique_name("strict"));
    const std::pair<std::string, std::string> refused[] = {
        {R"({"media_type": "movie", "id": 900006, "rating": 4.25})",
         "rating must be 0.5 to 5 in halves, or null"},
        {R"({"media_type": "movie", "id": 900006, "rating": 0})",
         "rating must be 0.5 to 5 in halves, or null"},
        {R"({"media_type": "movie", "id": 900006, "rating": 6})",
         "rating must be 0.5 to 5 in halves, or null"},
        {R"({"media_type": "book", "id": 900006})", "media_type must be movie or tv"},
        {R"({"media_type": "movie", "id": "900006"})", "id must be a positive integer"},
        {R"({"media_type": "movie", "id": 900006, "watched_on": "2999-01-01"})",
         "watched_on must be a date YYYY-MM-DD, not in the future"},
        {R"({"media_type": "movie", "id": 900006, "public": "yes"})",
         "public must be true or false"},
        {"{\"media_type\": \"movie\", \"id\": 900006, \"review\": \"" + std::string(5001, 'a') +
             "\"}",
         "review must be at most 5000 characters of text"},
    };
    for (const auto& [body, message] : refused) {
        auto r = client.post_json("/api/diary", body);
        BOOST_TEST(r.status == 400, body.substr(0, 80));
        BOOST_TEST(r.json()["error"].asString() == message, body.substr(0, 80));
    }
    auto unknown = post_entry(client, entry("movie", 899999998, "2026-11-01"));
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(client.request("POST", "/api/diary", "{}").status == 415);  // not declared JSON
    BOOST_TEST(stack().sql("SELECT count(*) FROM diary_entries WHERE user_id = '" + user + "'") ==
               "0");
}

BOOST_AUTO_TEST_CASE(a_titles_average_counts_each_members_latest_public_rating) {
    long film = fresh_film();
    // Eight members rate the film at once, each twice (the later viewing counts), one of
    // them privately (not counted).
    std::vector<std::unique_ptr<HttpClient>> members;
    for (int i = 0; i < 8; ++i) {
        members.push_back(std::make_unique<HttpClient>());
        register_user(*members.back(), unique_name("rater"));
    }
    std::vector<std::jthread> raters;
    std::atomic<int> failed{0};
    for (int i = 0; i < 8; ++i) {
        raters.emplace_back([&, i] {
            auto first = entry("movie", film, "2026-10-01");
            first["rating"] = 1;
            first["public"] = true;
            auto later = entry("movie", film, "2026-11-01");
            later["rating"] = i < 4 ? 4 : 3;  // four 4s and four 3s
            later["public"] = i != 7;         // the last one keeps it to themselves
            if (post_entry_direct(*members[i], first).status != 200) ++failed;
            if (post_entry_direct(*members[i], later).status != 200) ++failed;
        });
    }
    for (auto& rater : raters) rater.join();
    BOOST_TEST(failed == 0);
    HttpClient visitor;
    auto reviews = visitor.get("/__direct/api/reviews/movie/" + std::to_string(film)).json();
    BOOST_TEST(reviews["ratings"].asInt() == 8);  // seven public latest, and one public first
    // The private member's first viewing is public (1 star); their later one is not: 4×4 + 3×3
    // + 1 over 8.
    BOOST_TEST(reviews["average"].asDouble() == 3.25);
    BOOST_TEST(reviews["reviews"].size() == 0u);  // ratings, no review
}

BOOST_AUTO_TEST_CASE(public_reviews_are_shown_to_everyone_as_text_and_private_ones_never) {
    long film = fresh_film();
    HttpClient author, shy;
    std::string author_name = unique_name("critic");
    register_user(author, author_name);
    register_user(shy, unique_name("shy"));
    auto loud = entry("movie", film, "2026-11-03");
    loud["rating"] = 4;
    loud["public"] = true;
    loud["review"] = "<script>alert('x')</script> & <b>gras</b> \"guillemets\"";
    BOOST_REQUIRE_EQUAL(post_entry(author, loud).status, 200);
    auto quiet = entry("movie", film, "2026-11-04");
    quiet["rating"] = 1;
    quiet["review"] = "Ma critique à moi seul.";  // private by default
    BOOST_REQUIRE_EQUAL(post_entry(shy, quiet).status, 200);
    HttpClient visitor;
    auto page = visitor.get("/api/reviews/movie/" + std::to_string(film));
    BOOST_REQUIRE_EQUAL(page.status, 200);
    BOOST_TEST(page.header("cache-control").rfind("public, max-age=", 0) == 0u);
    auto reviews = page.json();
    BOOST_REQUIRE(reviews["reviews"].size() == 1u);
    const auto& review = reviews["reviews"][0];
    BOOST_TEST(review["author"].asString() == author_name);
    BOOST_TEST(review["review"].asString() == loud["review"].asString());  // the same text
    BOOST_TEST(review["rating"].asInt() == 4);
    BOOST_TEST(review["watched_on"].asString() == "2026-11-03");
    BOOST_TEST(!review["at"].asString().empty());
    BOOST_TEST(page.body.find("seul") == std::string::npos);
    BOOST_TEST(reviews["ratings"].asInt() == 1);
    // A title nobody wrote about: no reviews yet; one TMDB does not know: 404, as its page.
    auto none = visitor.get("/api/reviews/tv/950002").json();
    BOOST_TEST(none["ratings"].asInt() >= 0);
    BOOST_TEST(visitor.get("/api/reviews/movie/899999997").status == 404);
    BOOST_TEST(visitor.get("/api/reviews/movie/900006?page=0").status == 400);
}

BOOST_AUTO_TEST_CASE(reviews_come_by_pages_and_follow_their_authors_changes) {
    long film = fresh_film();
    std::string reviews = "/__direct/api/reviews/movie/" + std::to_string(film);
    HttpClient visitor;
    // Seven members write 25 reviews (an account may write five at once): a full first page
    // of 20 and a second of 5, the newest first across both.
    std::vector<std::unique_ptr<HttpClient>> members;
    for (int i = 0; i < 7; ++i) {
        members.push_back(std::make_unique<HttpClient>());
        register_user(*members.back(), unique_name("pager"));
    }
    for (int n = 0; n < 25; ++n) {
        auto body = entry("movie", film, "2026-11-01");
        body["public"] = true;
        body["review"] = "Critique " + std::to_string(n);
        BOOST_REQUIRE_EQUAL(post_entry_direct(*members[n % 7], body).status, 200);
    }
    auto first = visitor.get(reviews).json();
    auto second = visitor.get(reviews + "?page=2").json();
    BOOST_REQUIRE(first["reviews"].size() == 20u);
    BOOST_REQUIRE(second["reviews"].size() == 5u);
    BOOST_TEST(first["reviews"][0]["review"].asString() == "Critique 24");
    BOOST_TEST(second["reviews"][4]["review"].asString() == "Critique 0");
    BOOST_TEST(visitor.get(reviews + "?page=3").json()["reviews"].size() == 0u);

    // The newest review's author (member 3 wrote reviews 3, 10, 17 and 24) renames
    // themselves: both pages name them as they are now.
    std::string renamed = unique_name("renamed");
    auto modified = members[3]->request("PATCH", "/modify", R"({"username": ")" + renamed + "\"}",
                                        {"Content-Type: application/json"});
    BOOST_REQUIRE_EQUAL(modified.status, 200);
    reviews_showing(reviews, [&](const Json::Value& page) {
        return page["reviews"][0]["author"].asString() == renamed;
    });
    BOOST_TEST(visitor.get(reviews + "?page=2").json()["reviews"][1]["author"].asString() ==
               renamed);

    // The newest review edited, then deleted: the page shows the edit, then the next one.
    auto mine = members[3]->get("/api/diary/movie/" + std::to_string(film)).json();
    std::string newest;
    for (const auto& item : mine)
        if (item["review"].asString() == "Critique 24") newest = item["entry_id"].asString();
    BOOST_REQUIRE(!newest.empty());
    auto edited =
        members[3]->request("PATCH", "/api/diary/" + newest, R"({"review": "Critique revue"})",
                            {"Content-Type: application/json"});
    BOOST_REQUIRE_EQUAL(edited.status, 200);
    reviews_showing(reviews, [](const Json::Value& page) {
        return page["reviews"][0]["review"].asString() == "Critique revue";
    });
    BOOST_REQUIRE_EQUAL(members[3]->request("DELETE", "/api/diary/" + newest).status, 200);
    reviews_showing(reviews, [](const Json::Value& page) {
        return page["reviews"][0]["review"].asString() == "Critique 23";
    });
    BOOST_TEST(visitor.get(reviews + "?page=2").json()["reviews"].size() == 4u);

    // Every title's first page, as kept, is the page built from its entries now; and every
    // title with an entry has one.
    BOOST_TEST(stack().sql("SELECT count(*) FROM review_documents WHERE first_page <> "
                           "review_document(media_type, tmdb_id, 0)") == "0");
    BOOST_TEST(stack().sql("SELECT count(*) FROM (SELECT DISTINCT media_type, tmdb_id FROM "
                           "diary_entries) d WHERE NOT EXISTS (SELECT 1 FROM review_documents r "
                           "WHERE r.media_type = d.media_type AND r.tmdb_id = d.tmdb_id)") == "0");
}

BOOST_AUTO_TEST_CASE(an_operator_removes_a_review_and_the_log_says_whose) {
    long film = fresh_film();
    HttpClient author;
    std::string name = unique_name("rude");
    register_user(author, name);
    auto body = entry("movie", film, "2026-11-06");
    body["rating"] = 1;
    body["public"] = true;
    body["review"] = "Des propos à retirer.";
    auto created = post_entry(author, body);
    BOOST_REQUIRE_EQUAL(created.status, 200);
    std::string id = created.json()["entry_id"].asString();
    HttpClient visitor;
    std::string reviews = "/__direct/api/reviews/movie/" + std::to_string(film);
    BOOST_REQUIRE(visitor.get(reviews).json()["reviews"].size() == 1u);
    auto removed = run({CV_API_BINARY, "reviews", "remove", id}, stack().pool_environment());
    BOOST_TEST(removed.exit_code == 0, removed.output);
    BOOST_TEST(removed.output.find("event=review_removed") != std::string::npos, removed.output);
    BOOST_TEST(removed.output.find("author=" + name) != std::string::npos, removed.output);
    auto after =
        reviews_showing(reviews, [](const Json::Value& page) { return page["reviews"].empty(); });
    BOOST_TEST(after["ratings"].asInt() == 1);  // the viewing and its rating stay
    // Again, or a malformed id: nothing to remove.
    BOOST_TEST(
        run({CV_API_BINARY, "reviews", "remove", id}, stack().pool_environment()).exit_code == 3);
    BOOST_TEST(
        run({CV_API_BINARY, "reviews", "remove", "42"}, stack().pool_environment()).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(reviews_are_limited_per_account) {
    ScopedPool pool{{"CINEVERSE_REVIEWS_PER_WINDOW", "3"}, {"CINEVERSE_REVIEWS_WINDOW", "1h"}};
    HttpClient client;
    std::string user = register_user(client, unique_name("prolific"));
    std::vector<long> statuses;
    for (int i = 0; i < 5; ++i) {
        auto body = entry("movie", 900010 + i, "2026-11-05");
        body["review"] = "Critique " + std::to_string(i);
        auto r = post_entry(client, body);
        statuses.push_back(r.status);
        if (r.status == 429) {
            BOOST_TEST(r.json()["error"].asString() == "Too many requests");
            BOOST_TEST(r.header("retry-after") == "3600");
        }
    }
    BOOST_TEST((statuses == std::vector<long>{200, 200, 200, 429, 429}));
    // A viewing without a review is not limited, and the refused ones wrote nothing.
    BOOST_TEST(post_entry(client, entry("movie", 900020, "2026-11-05")).status == 200);
    BOOST_TEST(stack().sql("SELECT count(*) FROM diary_entries WHERE user_id = '" + user + "'") ==
               "4");
}

BOOST_AUTO_TEST_CASE(the_journal_pages_filters_and_figures) {
    HttpClient client;
    register_user(client, unique_name("journal"));
    const std::tuple<long, const char*, double> viewings[] = {
        {900006, "2025-12-31", 4}, {900005, "2026-01-10", 5}, {900007, "2026-01-20", 3.5},
        {900008, "2026-03-02", 0}, {950001, "2026-03-05", 2}, {900006, "2026-11-01", 4.5},
    };
    for (const auto& [id, date, rating] : viewings) {
        auto body = entry(id >= 950000 ? "tv" : "movie", id, date);
        if (rating > 0) body["rating"] = rating;
        BOOST_REQUIRE_EQUAL(post_entry(client, body).status, 200);
    }
    auto all = client.get("/api/diary").json();
    BOOST_REQUIRE(all.size() == 6u);
    BOOST_TEST(all[0]["watched_on"].asString() == "2026-11-01");
    BOOST_TEST(all[5]["watched_on"].asString() == "2025-12-31");
    BOOST_TEST(client.get("/api/diary?year=2026").json().size() == 5u);
    BOOST_TEST(client.get("/api/diary?rating=4").json().size() == 1u);
    BOOST_TEST(client.get("/api/diary?page=2").json().size() == 0u);
    BOOST_TEST(client.get("/api/diary?year=abc").status == 400);
    BOOST_TEST(client.get("/api/diary?rating=4.2").status == 400);
    auto figures = client.get("/api/diary/summary?year=2026").json();
    BOOST_TEST(figures["viewings"].asInt() == 5);
    BOOST_TEST(figures["films"].asInt() == 4);
    BOOST_TEST(figures["series"].asInt() == 1);
    BOOST_TEST(figures["average_rating"].asDouble() == 3.75);  // 5, 3.5, 2, 4.5
    BOOST_TEST(figures["by_month"].size() == 3u);
    BOOST_TEST(figures["by_month"][0]["month"].asString() == "2026-01");
    BOOST_TEST(figures["by_month"][0]["viewings"].asInt() == 2);
    BOOST_TEST(figures["genres"].size() > 0u);
    BOOST_TEST(figures["years"].size() == 2u);
    auto seen = client.get("/api/diary/seen").json();
    std::set<int> films;
    for (const auto& id : seen["movie"]) films.insert(id.asInt());
    BOOST_TEST((films == std::set<int>{900005, 900006, 900007, 900008}));
    BOOST_TEST(seen["tv"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(ones_data_goes_out_whole_and_as_letterboxd_reads_it) {
    HttpClient client;
    std::string name = unique_name("portable");
    std::string user = register_user(client, name);
    auto body = entry("movie", 900005, "2026-10-10");
    body["rating"] = 4.5;
    body["rewatch"] = true;
    body["review"] = "Chaplin, \"le\" vagabond,\nen deux lignes.";
    BOOST_REQUIRE_EQUAL(post_entry(client, body).status, 200);
    BOOST_REQUIRE_EQUAL(post_entry(client, entry("tv", 950001, "2026-10-11")).status, 200);
    BOOST_REQUIRE_EQUAL(client.request("PUT", "/api/watchlist/movie/900007").status, 200);
    auto csv = client.get("/api/export/letterboxd.csv");
    BOOST_REQUIRE_EQUAL(csv.status, 200);
    BOOST_TEST(csv.header("content-type").rfind("text/csv", 0) == 0u);
    BOOST_TEST(csv.header("cache-control") == "no-store");
    BOOST_TEST(csv.header("content-disposition").find("attachment") != std::string::npos);
    auto records = cv::diary::parse_csv(csv.body);
    BOOST_REQUIRE(records.has_value());
    BOOST_REQUIRE(records->size() == 2u);  // the header and the film (Letterboxd lists films)
    BOOST_TEST(((*records)[0] == std::vector<std::string>{"tmdbID", "Title", "Year", "WatchedDate",
                                                          "Rating", "Rewatch", "Review"}));
    BOOST_TEST(
        ((*records)[1] == std::vector<std::string>{"900005", "The Kid", "1921", "2026-10-10", "4.5",
                                                   "true", body["review"].asString()}));
    auto listed =
        cv::diary::parse_csv(client.get("/api/export/letterboxd.csv?list=watchlist").body);
    BOOST_REQUIRE(listed.has_value());
    BOOST_TEST(listed->size() == 2u);
    BOOST_TEST((*listed)[1][0] == "900007");
    BOOST_TEST(client.get("/api/export/letterboxd.csv?list=likes").status == 400);
    // Everything, as one document: never a password or a token's hash.
    auto everything = client.get("/api/export");
    BOOST_REQUIRE_EQUAL(everything.status, 200);
    auto document = everything.json();
    BOOST_TEST(document["profile"]["username"].asString() == name);
    BOOST_TEST(document["profile"]["id"].asString() == user);
    BOOST_TEST(document["sessions"].size() == 1u);
    BOOST_TEST(document["watchlist"].size() == 1u);
    BOOST_TEST(document["diary"].size() == 2u);
    BOOST_TEST(document["imports"].isArray());
    BOOST_TEST(everything.body.find("argon2") == std::string::npos);
    BOOST_TEST(everything.body.find("password") == std::string::npos);
    BOOST_TEST(everything.body.find(client.cookie("__Host-session")) == std::string::npos);
    HttpClient anonymous;
    BOOST_TEST(anonymous.get("/api/export").status == 401);
    BOOST_TEST(anonymous.get("/api/export/letterboxd.csv").status == 401);
}

BOOST_AUTO_TEST_CASE(a_deleted_account_leaves_no_row_in_any_table) {
    HttpClient client;
    std::string user = register_user(client, unique_name("leaver"));
    auto body = entry("movie", 900006, "2026-11-01");
    body["review"] = "Avant de partir.";
    body["public"] = true;
    BOOST_REQUIRE_EQUAL(post_entry(client, body).status, 200);
    BOOST_REQUIRE_EQUAL(client.request("PUT", "/api/watchlist/movie/900005").status, 200);
    auto on_page = [](const Json::Value& page) {
        return cv::json::write(page).find("Avant de partir") != std::string::npos;
    };
    const std::string reviews = "/__direct/api/reviews/movie/900006";
    reviews_showing(reviews, on_page);
    auto gone = client.request("DELETE", "/api/account", R"({"password": "correct horse"})",
                               {"Content-Type: application/json"});
    BOOST_REQUIRE_EQUAL(gone.status, 200);
    // Every table with a column naming a user holds nothing of theirs.
    auto tables = stack().sql(
        "SELECT string_agg(format('SELECT count(*) FROM %I WHERE %I::text = ''%s''', table_name, "
        "column_name, '" +
        user +
        "'), ' UNION ALL ') FROM information_schema.columns WHERE table_schema = 'public' AND "
        "column_name IN ('user_id', 'id') AND table_name <> 'schema_migrations'");
    BOOST_REQUIRE(!tables.empty());
    auto counts = stack().sql("SELECT sum(count) FROM (" + tables + ") c");
    BOOST_TEST(counts == "0");
    BOOST_TEST(
        stack().sql("SELECT count(*) FROM diary_entries WHERE review = 'Avant de partir.'") == "0");
    // Nor on the film's page of reviews.
    reviews_showing(reviews, [&](const Json::Value& page) { return !on_page(page); });
}

BOOST_AUTO_TEST_SUITE_END()
