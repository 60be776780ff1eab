// The account routes of contract.md, each status and exact message, over HTTPS.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/json.hpp"
#include "http_client.hpp"
#include "requests.hpp"
#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

// A unique username per call, so tests never collide.
std::string unique_name(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

std::string login_body(const std::string& username, const std::string& password) {
    Json::Value body(Json::objectValue);
    body["username"] = username;
    body["password"] = password;
    return cv::json::write(body);
}

// Registers a user with a fresh client and returns its id.
std::string register_user(HttpClient& client, const std::string& username,
                          const std::string& password = "correct horse") {
    auto r = client.post_json("/register", registration(username, password));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    return r.json()["id"].asString();
}

std::string count_users() {
    return stack().sql("SELECT count(*) FROM users");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accounts)

BOOST_AUTO_TEST_CASE(a_hash_of_another_cost_is_redone_at_the_next_login) {
    // The Argon2id cost can change (docs/configuration.md): a stored hash of the old cost
    // still verifies, and the login that verifies it stores one of the configured cost.
    HttpClient client;
    const std::string name = unique_name("rehash");
    std::string id = register_user(client, name);
    auto stored = [&] {
        return stack().sql("SELECT password_hash FROM users WHERE id = '" + id + "'");
    };
    BOOST_TEST(stored().find("m=8192,t=1,") != std::string::npos);  // the suite's cost
    ScopedPool pool{{"CINEVERSE_ARGON2_OPSLIMIT", "2"}, {"CINEVERSE_ARGON2_MEMLIMIT", "4m"}};
    HttpClient again;
    BOOST_TEST(again.post_json("/login", login_body(name, "correct horse")).status == 200);
    BOOST_TEST(stored().find("m=4096,t=2,") != std::string::npos, stored());
    HttpClient after;
    BOOST_TEST(after.post_json("/login", login_body(name, "correct horse")).status == 200);
}

BOOST_AUTO_TEST_CASE(register_opens_a_session_with_the_contract_cookie) {
    HttpClient client;
    std::string name = unique_name("reg");
    auto r = client.post_json("/register", registration(name));
    BOOST_TEST(r.status == 200);
    auto body = r.json();
    BOOST_TEST(body["username"].asString() == name);
    BOOST_TEST(body["email"].asString() == name + "@example.org");
    BOOST_TEST(body["first_name"].asString() == "Ada");
    BOOST_TEST(body["last_name"].asString() == "Lovelace");
    BOOST_TEST(body["phone_number"].asString() == "+33 1 23 45 67 89");
    BOOST_TEST(body["isconnected"].asBool() == true);
    BOOST_TEST(body["id"].asString().size() == 36u);
    BOOST_TEST(!body.isMember("password"));
    BOOST_TEST(r.body.find("correct horse") == std::string::npos);
    auto cookie = r.header("set-cookie");
    BOOST_TEST(cookie.rfind("__Host-session=", 0) == 0u);
    for (const char* flag : {"HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age=604800"}) {
        BOOST_TEST(cookie.find(flag) != std::string::npos, flag << " in " << cookie);
    }
    // The token is 256 bits in base64url; the database holds only its hash.
    std::string token = client.cookie("__Host-session");
    BOOST_TEST(token.size() == 43u);
    BOOST_TEST(stack().sql("SELECT count(*) FROM sessions WHERE token_hash = convert_to('" + token +
                           "', 'UTF8')") == "0");
    BOOST_TEST(stack().sql("SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to('" +
                           token + "', 'UTF8'))") == "1");
    auto hash = stack().sql("SELECT password_hash FROM users WHERE username = '" + name + "'");
    BOOST_TEST(hash.rfind("$argon2id$", 0) == 0u);

    auto me = client.get("/@me");
    BOOST_TEST(me.status == 200);
    BOOST_TEST(me.json()["id"].asString() == body["id"].asString());
    BOOST_TEST(me.json()["email"].asString() == name + "@example.org");
    BOOST_TEST(client.request("POST", "/@me", "{}", {"Content-Type: application/json"}).status ==
               200);
}

BOOST_AUTO_TEST_CASE(register_conflicts_are_409_case_insensitively) {
    HttpClient client;
    std::string name = unique_name("dup");
    register_user(client, name);
    HttpClient other;
    auto same = other.post_json("/register", registration(name));
    BOOST_TEST(same.status == 409);
    BOOST_TEST(same.body == R"({"error":"user already exists"})");
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto shouted = other.post_json("/register", registration(upper));
    BOOST_TEST(shouted.status == 409);
    // Same e-mail under another username.
    Json::Value body = *cv::json::parse(registration(unique_name("other")));
    body["email"] = name + "@EXAMPLE.org";
    BOOST_TEST(other.post_json("/register", cv::json::write(body)).status == 409);
}

BOOST_AUTO_TEST_CASE(register_rejects_each_invalid_field_and_writes_nothing) {
    HttpClient client;
    std::string before = count_users();
    struct Case {
        const char* field;
        Json::Value value;
    };
    const Case cases[] = {
        {"username", "ab"},
        {"username", std::string(51, 'a')},
        {"username", "has space"},
        {"username", 42},
        {"password", "short"},
        {"password", std::string(1025, 'p')},
        {"email", "no-at-sign"},
        {"email", "a b@c.de"},
        {"email", "a@nodot"},
        {"first_name", ""},
        {"first_name", std::string(51, 'e')},
        {"first_name", "tab\tinside"},
        {"last_name", Json::Value(Json::arrayValue)},
        {"phone_number", "12345"},
        {"phone_number", "12345678901234567890123"},
        {"phone_number", "abcdefgh"},
        {"phone_number", 612345678},
    };
    for (const auto& c : cases) {
        Json::Value body = *cv::json::parse(registration(unique_name("bad")));
        body[c.field] = c.value;
        auto r = client.post_json("/register", cv::json::write(body));
        BOOST_TEST(r.status == 400, c.field << ": " << r.body);
        BOOST_TEST(r.json()["error"].asString().find(c.field) != std::string::npos, r.body);
    }
    for (const char* missing : {"username", "password", "email", "first_name", "last_name"}) {
        Json::Value body = *cv::json::parse(registration(unique_name("miss")));
        body.removeMember(missing);
        auto r = client.post_json("/register", cv::json::write(body));
        BOOST_TEST(r.status == 400);
        BOOST_TEST(r.json()["error"].asString() == std::string(missing) + " is required");
    }
    for (const char* malformed :
         {"{", "[]", "\"text\"", "{\"username\": \"a\", \"username\": \"b\"}",
          "{\"a\":\"\xff\"}"}) {
        BOOST_TEST(client.post_json("/register", malformed).status == 400, malformed);
    }
    BOOST_TEST(count_users() == before);
}

BOOST_AUTO_TEST_CASE(register_accepts_aliases_boundaries_unicode_and_sql_shaped_input) {
    HttpClient client;
    Json::Value body(Json::objectValue);
    std::string name = unique_name("x.-_");
    body["username"] = name;
    body["password"] = "12345678";
    body["email"] = name + "@exämple.org";
    body["firstName"] = "Zoë'; DROP TABLE users; --";
    body["lastName"] = std::string("李") + std::string(49, 'x');
    body["phone_number"] = Json::Value();
    auto r = client.post_json("/register", cv::json::write(body));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    auto info = client.get("/api/userinfo").json();
    BOOST_TEST(info["first_name"].asString() == "Zoë'; DROP TABLE users; --");
    BOOST_TEST(info["last_name"].asString() == body["lastName"].asString());
    BOOST_TEST(info["email"].asString() == name + "@exämple.org");
    BOOST_TEST(info["phone_number"].isNull());
}

BOOST_AUTO_TEST_CASE(login_statuses_and_messages) {
    HttpClient client;
    std::string name = unique_name("log");
    std::string id = register_user(client, name, "first password");
    HttpClient other;
    auto unknown = other.post_json("/login", login_body(unique_name("ghost"), "whatever1"));
    BOOST_TEST(unknown.status == 401);
    BOOST_TEST(unknown.body == R"({"error":"Incorrect Login"})");
    auto wrong = other.post_json("/login", login_body(name, "wrong password"));
    BOOST_TEST(wrong.status == 401);
    BOOST_TEST(wrong.body == R"({"error":"Incorrect Password"})");
    BOOST_TEST(other.post_json("/login", R"({"username": 1, "password": "x"})").status == 400);
    auto ok = other.post_json("/login", login_body(name, "first password"));
    BOOST_TEST(ok.status == 200);
    BOOST_TEST(ok.body ==
               "{\"id\":\"" + id + "\",\"isconnected\":true,\"username\":\"" + name + "\"}");
    BOOST_TEST(other.get("/@me").status == 200);
    // Two clients, two sessions.
    BOOST_TEST(other.cookie("__Host-session") != client.cookie("__Host-session"));
    BOOST_TEST(!other.cookie("__Host-session").empty());
}

BOOST_AUTO_TEST_CASE(a_new_login_replaces_the_clients_previous_session) {
    HttpClient client;
    std::string name = unique_name("relog");
    register_user(client, name);
    std::string first = client.cookie("__Host-session");
    BOOST_TEST(client.post_json("/login", login_body(name, "correct horse")).status == 200);
    std::string second = client.cookie("__Host-session");
    BOOST_TEST(second != first);
    BOOST_TEST(client.get("/@me").status == 200);
    HttpClient replay;
    BOOST_TEST(replay.request("GET", "/@me", "", {"Cookie: __Host-session=" + first}).status ==
               401);
}

BOOST_AUTO_TEST_CASE(logout_ends_the_session_and_is_idempotent) {
    HttpClient client;
    std::string id = register_user(client, unique_name("out"));
    std::string token = client.cookie("__Host-session");
    auto r = client.post_json("/logout", "{}");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == R"({"isconnected":false})");
    BOOST_TEST(r.header("set-cookie").find("Max-Age=0") != std::string::npos);
    BOOST_TEST(client.get("/@me").status == 401);
    BOOST_TEST(client.get("/@me").body == R"({"error":"Unauthorized"})");
    auto connected = client.get("/api/users/connected?user_id=" + id);
    BOOST_TEST(connected.status == 401);
    BOOST_TEST(connected.body == R"({"error":"disconnected"})");
    BOOST_TEST(client.post_json("/logout", "{}").status == 200);
    // Replaying the old cookie after logout gets nothing.
    HttpClient replay;
    BOOST_TEST(replay.request("GET", "/@me", "", {"Cookie: __Host-session=" + token}).status ==
               401);
}

BOOST_AUTO_TEST_CASE(session_says_who_is_signed_in_and_is_never_an_error) {
    // The web client's signed-in check (contract, GET /api/session): a visitor gets null,
    // never a 401 its browser would log.
    auto is_null = [](const HttpResult& r) {
        BOOST_TEST(r.status == 200, r.status << " " << r.body);
        BOOST_TEST(r.body == R"({"user":null})", r.body);
        BOOST_TEST(r.header("cache-control") == "no-store");
    };
    HttpClient anonymous;
    is_null(anonymous.get("/api/session"));

    HttpClient member;
    const std::string name = unique_name("session");
    std::string id = register_user(member, name);
    std::string token = member.cookie("__Host-session");
    auto signed_in = member.get("/api/session");
    BOOST_TEST(signed_in.status == 200);
    BOOST_TEST(signed_in.header("cache-control") == "no-store");
    auto user = signed_in.json()["user"];
    BOOST_TEST(user["id"].asString() == id);
    BOOST_TEST(user["username"].asString() == name);
    BOOST_TEST(user["email"].asString() == name + "@example.org");
    BOOST_TEST(user.getMemberNames().size() == 3u);

    // An unknown, a garbage or an ambiguous cookie: null, and a dead cookie is cleared.
    for (const std::string& cookie :
         {"__Host-session=" + std::string(43, 'A'), std::string("__Host-session=%00%ff"),
          "__Host-session=" + token + "; __Host-session=" + token}) {
        HttpClient stranger;
        auto r = stranger.request("GET", "/api/session", "", {"Cookie: " + cookie});
        is_null(r);
        BOOST_TEST(r.header("set-cookie").find("Max-Age=0") != std::string::npos, cookie);
    }

    // Expired: past its lifetime, then brought back and logged out.
    stack().sql("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = '" +
                id + "'");
    HttpClient expired;
    is_null(expired.request("GET", "/api/session", "", {"Cookie: __Host-session=" + token}));
    HttpClient again;
    BOOST_TEST(again.post_json("/login", login_body(name, "correct horse")).status == 200);
    BOOST_TEST(!again.get("/api/session").json()["user"].isNull());
    BOOST_TEST(again.post_json("/logout", "{}").status == 200);
    is_null(again.get("/api/session"));
}

BOOST_AUTO_TEST_CASE(userinfo_is_own_data_only) {
    HttpClient alice, bob;
    std::string alice_id = register_user(alice, unique_name("alice"));
    std::string bob_id = register_user(bob, unique_name("bob"));
    auto own = alice.get("/api/userinfo");
    BOOST_TEST(own.status == 200);
    BOOST_TEST(own.json()["id"].asString() == alice_id);
    BOOST_TEST(own.json()["isconnected"].asBool());
    BOOST_TEST(alice.get("/api/userinfo?user_id=" + alice_id).status == 200);
    auto foreign = alice.get("/api/userinfo?user_id=" + bob_id);
    BOOST_TEST(foreign.status == 403);
    BOOST_TEST(foreign.body == R"({"error":"Forbidden"})");
    BOOST_TEST(alice.get("/api/userinfo?user_id=undefined").status == 403);
    HttpClient anonymous;
    auto none = anonymous.get("/api/userinfo?user_id=" + bob_id);
    BOOST_TEST(none.status == 401);
    BOOST_TEST(none.body == R"({"error":"User not authenticated"})");
}

BOOST_AUTO_TEST_CASE(users_connected_statuses) {
    HttpClient client;
    std::string id = register_user(client, unique_name("conn"));
    HttpClient anonymous;
    auto yes = anonymous.get("/api/users/connected?user_id=" + id);
    BOOST_TEST(yes.status == 200);
    BOOST_TEST(yes.body == R"({"isconnected":true})");
    BOOST_TEST(client.get("/api/users/connected").body == R"({"isconnected":true})");
    for (const char* bad :
         {"undefined", "00000000-0000-0000-0000-000000000000", "1", "%27%20OR%201=1"}) {
        auto r = anonymous.get(std::string("/api/users/connected?user_id=") + bad);
        BOOST_TEST(r.status == 401);
        BOOST_TEST(r.body == R"({"error":"Unknown user"})");
    }
    auto no_session = anonymous.get("/api/users/connected");
    BOOST_TEST(no_session.status == 401);
    BOOST_TEST(no_session.body == R"({"error":"disconnected"})");
}

BOOST_AUTO_TEST_CASE(modify_each_field_is_visible_at_once) {
    HttpClient client;
    std::string name = unique_name("mod");
    std::string id = register_user(client, name);
    std::string new_name = unique_name("renamed");
    const std::pair<const char*, std::string> changes[] = {
        {"first_name", "Grace"},
        {"last_name", "Hopper"},
        {"phone_number", "(555) 010-9999"},
        {"email", new_name + "@example.net"},
        {"username", new_name},
    };
    for (const auto& [field, value] : changes) {
        Json::Value body(Json::objectValue);
        body[field] = value;
        if (std::string(field) == "email") body["current_password"] = "correct horse";
        auto r = client.patch_json("/modify", cv::json::write(body));
        BOOST_TEST(r.status == 200, field << ": " << r.body);
        BOOST_TEST(r.json()["id"].asString() == id);
        BOOST_TEST(r.json()["isconnected"].asBool());
        BOOST_TEST(client.get("/api/userinfo").json()[field].asString() == value);
    }
    BOOST_TEST(client.patch_json("/modify", R"({"phone_number": null})").status == 200);
    BOOST_TEST(client.get("/api/userinfo").json()["phone_number"].isNull());
    BOOST_TEST(client.patch_json("/modify", R"({"firstName": "Alias"})").status == 200);
    BOOST_TEST(client.get("/api/userinfo").json()["first_name"].asString() == "Alias");
}

BOOST_AUTO_TEST_CASE(modify_errors_change_nothing) {
    HttpClient taken_owner, client;
    std::string taken = unique_name("taken");
    register_user(taken_owner, taken);
    std::string name = unique_name("keeper");
    register_user(client, name);
    auto before = client.get("/api/userinfo").body;
    auto conflict = client.patch_json(
        "/modify", "{\"username\": \"" + taken + "\", \"first_name\": \"Changed\"}");
    BOOST_TEST(conflict.status == 409);
    BOOST_TEST(conflict.body == R"({"error":"user already exists"})");
    BOOST_TEST(
        client
            .patch_json("/modify", "{\"email\": \"" + taken +
                                       "@example.org\", \"current_password\": \"correct horse\"}")
            .status == 409);
    auto invalid = client.patch_json("/modify", R"({"first_name": "Valid", "email": "broken"})");
    BOOST_TEST(invalid.status == 400);
    BOOST_TEST(invalid.json()["error"].asString().find("email") != std::string::npos);
    BOOST_TEST(client.get("/api/userinfo").body == before);
    HttpClient anonymous;
    auto unauth = anonymous.patch_json("/modify", R"({"first_name": "X"})");
    BOOST_TEST(unauth.status == 401);
    BOOST_TEST(unauth.body == R"({"error":"User not authenticated"})");
}

BOOST_AUTO_TEST_CASE(a_stolen_cookie_alone_cannot_change_the_password_or_the_email) {
    // What a thief holding only the session cookie can try: each refused, nothing changed.
    HttpClient owner;
    std::string name = unique_name("stolen");
    register_user(owner, name, "owner password");
    HttpClient thief;
    std::string cookie = "Cookie: __Host-session=" + owner.cookie("__Host-session");
    auto patch = [&](const std::string& body) {
        return thief.request("PATCH", "/modify", body, {"Content-Type: application/json", cookie});
    };
    auto before = owner.get("/api/userinfo").body;
    for (const std::string& body :
         {std::string(R"({"password": "thief password"})"),
          std::string(R"({"email": "thief@example.org"})"),
          std::string(R"({"email": "thief@example.org", "first_name": "T"})"),
          std::string(R"({"password": "thief password", "current_password": null})")}) {
        auto r = patch(body);
        BOOST_TEST(r.status == 400, body);
        BOOST_TEST(r.json()["error"].asString() == (body.find("null") != std::string::npos
                                                        ? "current_password must be a string"
                                                        : "current_password is required"),
                   body);
    }
    auto wrong = patch(R"({"password": "thief password", "current_password": "a guess"})");
    BOOST_TEST(wrong.status == 401);
    BOOST_TEST(wrong.body == R"({"error":"Incorrect Password"})");
    auto wrong_email = patch(R"({"email": "thief@example.org", "current_password": "a guess"})");
    BOOST_TEST(wrong_email.status == 401);
    BOOST_TEST(owner.get("/api/userinfo").body == before);
    BOOST_TEST(owner.get("/@me").status == 200);  // the owner's session still stands
    BOOST_TEST(owner.post_json("/logout", "{}").status == 200);
    HttpClient again;
    BOOST_TEST(again.post_json("/login", login_body(name, "owner password")).status == 200);
    // Other fields need no password: a nickname is not a takeover.
    BOOST_TEST(again.patch_json("/modify", R"({"first_name": "Changed"})").status == 200);
}

BOOST_AUTO_TEST_CASE(password_change_ends_other_sessions_only) {
    HttpClient first, second;
    std::string name = unique_name("pw");
    register_user(first, name, "old password");
    BOOST_TEST(second.post_json("/login", login_body(name, "old password")).status == 200);
    std::string second_token = second.cookie("__Host-session");
    BOOST_TEST(first
                   .patch_json("/modify", R"({"password": "new password",
                                             "current_password": "old password"})")
                   .status == 200);
    BOOST_TEST(first.get("/@me").status == 200);
    BOOST_TEST(second.get("/@me").status == 401);
    HttpClient replay;
    BOOST_TEST(
        replay.request("GET", "/@me", "", {"Cookie: __Host-session=" + second_token}).status ==
        401);
    HttpClient third;
    BOOST_TEST(third.post_json("/login", login_body(name, "old password")).body ==
               R"({"error":"Incorrect Password"})");
    BOOST_TEST(third.post_json("/login", login_body(name, "new password")).status == 200);
}

BOOST_AUTO_TEST_CASE(forty_parallel_registrations_one_winner) {
    std::string name = unique_name("race");
    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 40; ++i) {
        threads.emplace_back([&, i] {
            HttpClient client;
            Json::Value body = *cv::json::parse(registration(name));
            body["email"] =
                name + std::to_string(i) + "@example.org";  // username is the contested field
            auto r = client.post_json("/register", cv::json::write(body));
            (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(ok.load() == 1);
    BOOST_TEST(conflict.load() == 39);
    BOOST_TEST(other.load() == 0);
    BOOST_TEST(stack().sql("SELECT count(*) FROM users WHERE lower(username) = lower('" + name +
                           "')") == "1");
}

BOOST_AUTO_TEST_CASE(cross_site_rules) {
    HttpClient client;
    std::string before = count_users();
    auto form = client.request("POST", "/register", registration(unique_name("form")),
                               {"Content-Type: application/x-www-form-urlencoded"});
    BOOST_TEST(form.status == 415);
    auto none = client.request("POST", "/login", login_body("a", "b"), {"Content-Type:"});
    BOOST_TEST(none.status == 415);
    auto foreign =
        client.request("POST", "/register", registration(unique_name("evil")),
                       {"Content-Type: application/json", "Origin: https://evil.example"});
    BOOST_TEST(foreign.status == 403);
    BOOST_TEST(foreign.body == R"({"error":"Forbidden origin"})");
    BOOST_TEST(count_users() == before);
    auto same = client.request(
        "POST", "/register", registration(unique_name("same")),
        {"Content-Type: application/json; charset=utf-8", "Origin: " + stack().base_url()});
    BOOST_TEST(same.status == 200, same.body);
}

BOOST_AUTO_TEST_CASE(garbage_session_cookies_are_just_unauthenticated) {
    const std::vector<std::string> cookies = {
        "__Host-session=garbage", "__Host-session=", "__Host-session=" + std::string(4000, 'A'),
        "__Host-session=%00%ff"};
    for (const auto& cookie : cookies) {
        HttpClient client;
        auto r = client.request("GET", "/@me", "", {"Cookie: " + cookie});
        BOOST_TEST(r.status == 401, cookie);
    }
    // Two of them cannot be told apart: refused as ambiguous (bounds_test.cpp).
    HttpClient client;
    auto r = client.request("GET", "/@me", "", {"Cookie: a=b; __Host-session=x; __Host-session=y"});
    BOOST_TEST(r.status == 400);
}

BOOST_AUTO_TEST_CASE(expired_sessions_are_refused) {
    HttpClient past_lifetime, idle_too_long;
    std::string first = register_user(past_lifetime, unique_name("expired"));
    std::string second = register_user(idle_too_long, unique_name("idle"));
    BOOST_TEST(past_lifetime.get("/@me").status == 200);
    BOOST_TEST(idle_too_long.get("/@me").status == 200);
    stack().sql("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = '" +
                first + "'");
    stack().sql("UPDATE sessions SET last_seen_at = now() - interval '25 hours' WHERE user_id = '" +
                second + "'");
    for (auto* client : {&past_lifetime, &idle_too_long}) {
        BOOST_TEST(client->get("/@me").status == 401);
        BOOST_TEST(client->get("/api/userinfo").status == 401);
    }
    BOOST_TEST(past_lifetime.get("/api/users/connected?user_id=" + first).body ==
               R"({"error":"disconnected"})");
}

BOOST_AUTO_TEST_CASE(workers_purge_dead_sessions_with_no_request_at_all) {
    // The test pool purges every second (CINEVERSE_PURGE_INTERVAL): two dead sessions
    // of a user who never comes back, one past its lifetime and one idle too long, go while
    // nobody sends a request; the user's live session stays.
    HttpClient client;
    std::string id = register_user(client, unique_name("purged"));
    // (Counted as they are inserted: a purge may come at any moment after.)
    BOOST_TEST(stack().sql("WITH dead AS (INSERT INTO sessions (token_hash, user_id, expires_at, "
                           "last_seen_at) VALUES "
                           "(decode(md5('past " +
                           id + "'), 'hex'), '" + id +
                           "', now() - interval '1 minute', now()),"
                           "(decode(md5('idle " +
                           id + "'), 'hex'), '" + id +
                           "', now() + interval '1 day', "
                           "now() - interval '25 hours') RETURNING 1) SELECT count(*) FROM dead") ==
               "2");
    auto sessions = [&] {
        return stack().sql("SELECT count(*) FROM sessions WHERE user_id = '" + id + "'");
    };
    BOOST_TEST(wait_until([&] { return sessions() == "1"; }, 20s));
    BOOST_TEST(client.get("/@me").status == 200);
    BOOST_TEST(read_file(stack().api_log()).find("event=sessions_purged") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(login_is_rate_limited_per_address_with_json_429) {
    // 127.0.0.2 is not on the allowlist (loopback 127.0.0.1 is).
    HttpClient client;
    client.set_source_address("127.0.0.2");
    int limited = 0;
    std::string body;
    for (int i = 0; i < 30; ++i) {
        auto r = client.post_json("/login", login_body("nobody_here", "whatever1"));
        if (r.status == 429) {
            ++limited;
            body = r.body;
        }
    }
    BOOST_TEST(limited > 0);
    BOOST_TEST(body.find(R"("error": "Too many requests")") != std::string::npos, body);
    // Loopback itself is exempt.
    HttpClient local;
    for (int i = 0; i < 30; ++i)
        BOOST_TEST(local.post_json("/login", login_body("nobody_here", "x")).status == 401);
}

BOOST_AUTO_TEST_CASE(secrets_never_reach_the_logs) {
    LogWatch api_log;
    LogWatch access_log(stack().dir() + "/log/nginx-access.log");
    HttpClient client;
    std::string password = "Sup3r-Secret-Passw0rd";
    register_user(client, unique_name("secret"), password);
    std::string token = client.cookie("__Host-session");
    client.patch_json("/modify", R"({"password": "Another-Secret-99",
                                     "current_password": "Sup3r-Secret-Passw0rd"})");
    // Both logs hold the password change before they are searched.
    BOOST_TEST(api_log.wait_for({"event=request", "path=/modify"}));
    BOOST_TEST(access_log.wait_for({"\"PATCH /modify\""}));
    for (const auto& log : {stack().api_log(), stack().dir() + "/log/nginx-access.log"}) {
        std::string text = read_file(log);
        BOOST_TEST(!text.empty(), log);
        BOOST_TEST(text.find(password) == std::string::npos, log);
        BOOST_TEST(text.find("Another-Secret-99") == std::string::npos, log);
        BOOST_TEST(text.find(token) == std::string::npos, log);
        BOOST_TEST(text.find("test-api-key-not-a-secret") == std::string::npos, log);
    }
}

BOOST_AUTO_TEST_SUITE_END()
