// Hostile input over HTTP, kept as data in tests/integration/hostile/: every answer is a
// 4xx (or a documented 200), never a 5xx; no worker dies; refused requests change nothing.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "core/json.hpp"
#include "http_client.hpp"
#include "stack.hpp"

using namespace cv::it;

namespace {

const std::string kData = std::string(CV_SOURCE_DIR) + "/tests/integration/hostile/";

// "\xNN" becomes the byte; JSON's own escapes (\u0000) are left for the server to parse.
std::string unescape(const std::string& line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 3 < line.size() && line[i + 1] == 'x' &&
            std::isxdigit(static_cast<unsigned char>(line[i + 2])) &&
            std::isxdigit(static_cast<unsigned char>(line[i + 3]))) {
            out += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
            i += 3;
        } else {
            out += line[i];
        }
    }
    return out;
}

std::vector<std::string> data_lines(const std::string& file) {
    std::ifstream in(kData + file);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("# ", 0) == 0 || line.empty()) continue;
        lines.push_back(unescape(line));
    }
    return lines;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

size_t count_in_log(const std::string& needle) {
    std::string text = read_file(stack().api_log());
    size_t count = 0;
    for (size_t at = 0; (at = text.find(needle, at)) != std::string::npos; at += needle.size())
        ++count;
    return count;
}

struct Tally {
    int sent = 0;
    std::vector<std::string> bad;
    void check(const HttpResult& r, const std::string& what) {
        ++sent;
        if (r.status < 200 || r.status >= 500)
            bad.push_back(std::to_string(r.status) + " for " + what);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(the_corpus_gets_only_4xx_and_changes_nothing) {
    HttpClient victim;
    std::string name = "hostile_victim_" + std::to_string(getpid());
    auto registered = victim.post_json(
        "/register", "{\"username\": \"" + name +
                         "\", \"password\": \"victim password\", \"email\": \"" + name +
                         "@example.org\", \"first_name\": \"V\", \"last_name\": \"W\"}");
    BOOST_REQUIRE_EQUAL(registered.status, 200);
    std::string profile_before = victim.get("/api/userinfo").body;
    std::string users_before = stack().sql("SELECT count(*) FROM users");
    std::string sessions_before = stack().sql("SELECT count(*) FROM sessions");
    auto workers_before = stack().worker_pids();
    size_t deaths_before = count_in_log("event=worker_died");

    Tally tally;
    HttpClient anonymous;
    const std::vector<std::pair<std::string, std::string>> body_routes = {{"POST", "/register"},
                                                                          {"POST", "/login"},
                                                                          {"POST", "/@me"},
                                                                          {"POST", "/logout"},
                                                                          {"PATCH", "/modify"}};
    auto bodies = data_lines("bodies.txt");
    bodies.push_back(std::string(100000, '[') +
                     std::string(100000, ']'));  // deep nesting (413 or 400)
    bodies.push_back("{\"a\":" + std::string(60000, '[') + "}");
    bodies.push_back("{\"username\": \"" + std::string(60000, 'u') +
                     "\", \"password\": \"12345678\"}");
    bodies.push_back(std::string(70 * 1024, ' '));  // over the body limit
    for (const auto& body : bodies) {
        for (const auto& [method, path] : body_routes) {
            // Logout is idempotent and would end the victim's session: anonymous for it.
            HttpClient& client = path == "/logout" ? anonymous : victim;
            tally.check(client.request(method, path, body, {"Content-Type: application/json"}),
                        method + " " + path + " " + body.substr(0, 60));
        }
    }
    for (const auto& line : data_lines("requests.txt")) {
        auto fields = split(line, '\t');
        std::vector<std::string> headers =
            fields.size() > 2 ? split(fields[2], '|') : std::vector<std::string>{};
        std::string body = fields.size() > 3 ? fields[3] : "";
        HttpClient client;
        tally.check(client.request(fields[0], fields[1], body, headers), line);
    }
    // Header floods and cookie floods.
    std::vector<std::string> many_headers;
    for (int i = 0; i < 200; ++i)
        many_headers.push_back("X-Flood-" + std::to_string(i) + ": " + std::string(40, 'h'));
    tally.check(anonymous.request("GET", "/healthz", "", many_headers), "200 headers");
    // Over nginx's header buffers: HTTP/2 drops the connection, HTTP/1.1 gets a 400.
    HttpClient http1;
    http1.use_http1();
    tally.check(http1.request("GET", "/@me", "", {"Cookie: " + std::string(16000, 'c')}),
                "huge cookie");
    std::string cookies = "Cookie: ";
    for (int i = 0; i < 500; ++i) cookies += "c" + std::to_string(i) + "=v; ";
    tally.check(anonymous.request("GET", "/@me", "", {cookies}), "500 cookies");
    tally.check(anonymous.request("GET", "/api/users/connected?user_id=" + std::string(6000, 'a')),
                "long query");

    BOOST_TEST(tally.sent >= 200);
    for (const auto& problem : tally.bad) BOOST_ERROR(problem);
    auto workers_after = stack().worker_pids();
    BOOST_TEST((std::set<pid_t>(workers_before.begin(), workers_before.end()) ==
                std::set<pid_t>(workers_after.begin(), workers_after.end())));
    BOOST_TEST(count_in_log("event=worker_died") == deaths_before);
    BOOST_TEST(count_in_log("event=handler_exception") == 0u);
    BOOST_TEST(stack().sql("SELECT count(*) FROM users") == users_before);
    BOOST_TEST(stack().sql("SELECT count(*) FROM sessions") == sessions_before);
    BOOST_TEST(victim.get("/api/userinfo").body == profile_before);
}

BOOST_AUTO_TEST_SUITE_END()
