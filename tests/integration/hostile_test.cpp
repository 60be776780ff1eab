// Hostile input over HTTP, kept as data in tests/integration/hostile/: every answer is a
// 4xx, or exactly the status the corpus documents for that line; no worker dies; refused
// requests change nothing.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

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

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

// The statuses a corpus line documents where the answer is not a 4xx, by route ("POST /@me");
// the route "" is the line's own request (requests.txt).
using Documented = std::map<std::string, long>;

// A corpus line: what to send, and its marker, a last tab-separated field such as
// "=> 200" or "=> 200 on POST /@me, POST /logout".
struct CorpusLine {
    std::string text;
    Documented documented;
};

Documented parse_marker(const std::string& marker, const std::string& file) {
    std::istringstream in(marker.substr(3));
    long status = 0;
    std::string on;
    if (!(in >> status) || status < 100 || status > 599)
        throw std::invalid_argument(file + ": no status in the marker \"" + marker + "\"");
    Documented documented;
    if (!(in >> on)) {
        documented[""] = status;
        return documented;
    }
    std::string routes;
    std::getline(in, routes);
    if (on != "on" || routes.empty())
        throw std::invalid_argument(file + ": a marker reads \"=> STATUS on ROUTE, ROUTE\": \"" +
                                    marker + "\"");
    for (auto route : split(routes, ',')) {
        route.erase(0, route.find_first_not_of(' '));
        route.erase(route.find_last_not_of(' ') + 1);
        documented[route] = status;
    }
    return documented;
}

std::vector<CorpusLine> data_lines(const std::string& file) {
    std::ifstream in(kData + file);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << kData + file);
    std::vector<CorpusLine> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("# ", 0) == 0 || line.empty()) continue;
        CorpusLine parsed;
        auto tab = line.rfind('\t');
        std::string last = tab == std::string::npos ? line : line.substr(tab + 1);
        if (last.rfind("=> ", 0) == 0) {
            parsed.documented = parse_marker(last, file);
            line = tab == std::string::npos ? "" : line.substr(0, tab);
        }
        parsed.text = unescape(line);
        lines.push_back(std::move(parsed));
    }
    return lines;
}

struct Tally {
    int sent = 0;
    std::vector<std::string> bad;
    // `documented`: the status this request must get when it is not a 4xx (0: a 4xx).
    void check(const HttpResult& r, const std::string& what, long documented = 0) {
        ++sent;
        bool expected =
            documented != 0 ? r.status == documented : r.status >= 400 && r.status < 500;
        if (!expected) {
            bad.push_back(std::to_string(r.status) + " (expected " +
                          (documented != 0 ? std::to_string(documented) : std::string("a 4xx")) +
                          ") for " + what);
        }
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
    LogWatch log;

    Tally tally;
    HttpClient anonymous;
    const std::vector<std::pair<std::string, std::string>> body_routes = {
        {"POST", "/register"}, {"POST", "/login"},   {"POST", "/@me"},
        {"POST", "/logout"},   {"PATCH", "/modify"}, {"DELETE", "/api/account"}};
    auto bodies = data_lines("bodies.txt");
    // The routes that ignore their body answer as usual when it is under the size limit.
    const Documented body_ignored = {{"POST /@me", 200}, {"POST /logout", 200}};
    bodies.push_back({std::string(100000, '[') + std::string(100000, ']'), {}});  // over the limit
    bodies.push_back({"{\"a\":" + std::string(60000, '[') + "}", body_ignored});  // deep nesting
    bodies.push_back(
        {"{\"username\": \"" + std::string(60000, 'u') + "\", \"password\": \"12345678\"}",
         body_ignored});
    bodies.push_back({std::string(70 * 1024, ' '), {}});  // over the body limit
    for (const auto& body : bodies) {
        for (const auto& [route, status] : body.documented) {
            bool known = std::any_of(body_routes.begin(), body_routes.end(), [&](const auto& r) {
                return r.first + " " + r.second == route;
            });
            BOOST_TEST(known, "bodies.txt documents an unknown route \"" << route << "\"");
        }
        for (const auto& [method, path] : body_routes) {
            // Logout is idempotent and would end the victim's session: anonymous for it.
            HttpClient& client = path == "/logout" ? anonymous : victim;
            std::string route = method + " " + path;
            auto documented = body.documented.find(route);
            tally.check(client.request(method, path, body.text, {"Content-Type: application/json"}),
                        route + " " + body.text.substr(0, 60),
                        documented == body.documented.end() ? 0 : documented->second);
        }
    }
    for (const auto& line : data_lines("requests.txt")) {
        auto fields = split(line.text, '\t');
        BOOST_REQUIRE_MESSAGE(fields.size() >= 2, "requests.txt: " << line.text);
        std::vector<std::string> headers =
            fields.size() > 2 ? split(fields[2], '|') : std::vector<std::string>{};
        std::string body = fields.size() > 3 ? fields[3] : "";
        auto documented = line.documented.find("");
        BOOST_TEST((line.documented.empty() || documented != line.documented.end()),
                   "requests.txt: a marker here is \"=> STATUS\" alone: " << line.text);
        HttpClient client;
        tally.check(client.request(fields[0], fields[1], body, headers), line.text,
                    documented == line.documented.end() ? 0 : documented->second);
    }
    // Header floods and cookie floods. nginx takes 200 headers of 40 bytes in its buffers.
    std::vector<std::string> many_headers;
    for (int i = 0; i < 200; ++i)
        many_headers.push_back("X-Flood-" + std::to_string(i) + ": " + std::string(40, 'h'));
    tally.check(anonymous.request("GET", "/healthz", "", many_headers), "200 headers", 200);
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

    // Raw bytes that are not UTF-8 in every query parameter of every route that reads one
    // (the route table's list), each alone and beside a valid value.
    auto listing = run({CV_API_BINARY, "routes", "--json"});
    auto table = cv::json::parse(listing.output);
    BOOST_REQUIRE(table.has_value());
    int parameters = 0;
    for (const auto& row : (*table)["routes"]) {
        if (row["method"].asString() != "GET" || row["query"].empty()) continue;
        // A path's typed parameters take a value of their type.
        std::string path = row["path"].asString();
        for (auto open = path.find('{'); open != std::string::npos; open = path.find('{')) {
            auto close = path.find('}', open);
            std::string parameter = path.substr(open, close + 1 - open);
            path.replace(open, close + 1 - open,
                         parameter.find("movie|tv") != std::string::npos ? "movie" : "900000");
        }
        for (const auto& parameter : row["query"]) {
            ++parameters;
            for (const char* bytes : {"%ff%fe", "%ed%b0%80", "%c0%af", "a%80b", "%f4%90%80%80"}) {
                std::string url = path + "?" + parameter.asString() + "=" + bytes;
                auto r = victim.get(url);
                ++tally.sent;
                if (r.status >= 500) tally.bad.push_back(std::to_string(r.status) + " for " + url);
            }
        }
    }
    BOOST_TEST(parameters >= 44);

    BOOST_TEST(tally.sent >= 200);
    for (const auto& problem : tally.bad) BOOST_ERROR(problem);
    auto workers_after = stack().worker_pids();
    BOOST_TEST((std::set<pid_t>(workers_before.begin(), workers_before.end()) ==
                std::set<pid_t>(workers_after.begin(), workers_after.end())));
    BOOST_TEST(log.count({"event=worker_died"}) == 0u);
    BOOST_TEST(read_file(stack().api_log()).find("event=handler_exception") == std::string::npos);
    BOOST_TEST(stack().sql("SELECT count(*) FROM users") == users_before);
    BOOST_TEST(stack().sql("SELECT count(*) FROM sessions") == sessions_before);
    BOOST_TEST(victim.get("/api/userinfo").body == profile_before);
}

BOOST_AUTO_TEST_SUITE_END()
