#include "stack.hpp"

#include "core/json.hpp"
#include "core/text.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json/json.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace cv::it {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// The lanes the binary declares (`cineverse-api routes --json`, as scripts/lib.sh reads them):
// the stack puts each on its socket file in run/ and tells nginx where.
struct DeclaredLane {
    std::string name;
    std::string listen_variable;
    std::string socket;
};

const std::vector<DeclaredLane>& declared_lanes() {
    static const std::vector<DeclaredLane> lanes = [] {
        auto listing = run({CV_API_BINARY, "routes", "--json"});
        auto document = cv::json::parse(listing.output);
        if (listing.exit_code != 0 || !document)
            throw std::runtime_error("cineverse-api routes --json: " + listing.output);
        std::vector<DeclaredLane> found;
        for (const auto& lane : (*document)["lanes"]) {
            if (!lane["listens"].asBool()) continue;  // the jobs lane has no socket
            found.push_back({lane["name"].asString(), lane["listen_variable"].asString(),
                             lane["socket"].asString()});
        }
        return found;
    }();
    return lanes;
}

}  // namespace

int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

namespace {

std::vector<std::string> merged_environment(const std::map<std::string, std::string>& env) {
    std::map<std::string, std::string> all;
    for (char** e = environ; *e; ++e) {
        std::string pair = *e;
        auto eq = pair.find('=');
        if (eq != std::string::npos) all[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    for (const auto& [k, v] : env) all[k] = v;
    std::vector<std::string> out;
    for (const auto& [k, v] : all) out.push_back(k + "=" + v);
    return out;
}

// fork + exec with stdout/stderr to `log_fd`.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            int log_fd) {
    auto envs = merged_environment(env);
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : envs) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(log_fd, 1);
        dup2(log_fd, 2);
        execvpe(args[0], args.data(), envp.data());
        _exit(127);
    }
    return pid;
}

}  // namespace

pid_t spawn_logged(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& env, const std::string& log_path) {
    int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    pid_t pid = spawn(argv, env, fd);
    close(fd);
    return pid;
}

int reap(pid_t pid, std::chrono::milliseconds patience) {
    auto deadline = std::chrono::steady_clock::now() + patience;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return status;
        }
        std::this_thread::sleep_for(20ms);
    }
    return status;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<pid_t> logged_pids(const std::string& log, std::initializer_list<std::string> needles) {
    std::vector<pid_t> pids;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        bool wanted = std::all_of(needles.begin(), needles.end(), [&](const std::string& needle) {
            return line.find(needle) != std::string::npos;
        });
        auto at = line.find(" pid=");
        if (!wanted || at == std::string::npos) continue;
        at += 5;
        pids.push_back(std::stoi(line.substr(at, line.find(' ', at) - at)));
    }
    return pids;
}

namespace {

// Plain HTTP to the fake TMDB's control API.
std::string fake_call(int port, const std::string& method, const std::string& path,
                      const std::string& body = "") {
    CURL* curl = curl_easy_init();
    std::string out;
    std::string url = "http://127.0.0.1:" + std::to_string(port) + path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(
        curl, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* u) {
            static_cast<std::string*>(u)->append(d, s * n);
            return s * n;
        });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    }
    CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) throw std::runtime_error("fake TMDB control call failed: " + url);
    return out;
}

}  // namespace

RunResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    pid_t pid = spawn(argv, env, fds[1]);
    close(fds[1]);
    RunResult result;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        result.output.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

Stack::Stack() : source_dir_(CV_SOURCE_DIR) {
    char pattern[] = "/tmp/cineverse-it-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp");
    dir_ = pattern;
    fs::create_directories(dir_ + "/log");
    fs::create_directories(dir_ + "/run/pg");
    fs::permissions(dir_ + "/run/pg", fs::perms::owner_all);
    https_port_ = free_port();
    http_port_ = free_port();
    demo_port_ = free_port();

    fs::create_directories(dir_ + "/tls");
    auto cert =
        run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
             "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout",
             dir_ + "/tls/localhost.key", "-out", dir_ + "/tls/localhost.crt"});
    if (cert.exit_code != 0) throw std::runtime_error("openssl: " + cert.output);

    auto init = run({pg_bin("initdb"), "-D", dir_ + "/pg", "--auth=trust", "--username=cineverse",
                     "--encoding=UTF8", "--locale=C.UTF-8"});
    if (init.exit_code != 0) throw std::runtime_error("initdb: " + init.output);
    start_postgres();
    auto created =
        run({pg_bin("createdb"), "-h", dir_ + "/run/pg", "-U", "cineverse", "cineverse"});
    if (created.exit_code != 0) throw std::runtime_error("createdb: " + created.output);

    start_fake_tmdb();
    start_pool();
    start_nginx();
}

Stack::~Stack() {
    if (nginx_pid_ > 0) {
        kill(nginx_pid_, SIGQUIT);
        reap(nginx_pid_, 10s);
    }
    if (pool_pid_ > 0) stop_pool(SIGTERM, 20s);
    if (tmdb_pid_ > 0) {
        kill(tmdb_pid_, SIGTERM);
        reap(tmdb_pid_, 5s);
    }
    stop_postgres();
    // The logs outlive the run, next to the test binary, for whoever has to read a failure.
    std::string kept = std::string(CV_BINARY_DIR) + "/integration-logs";
    std::error_code ignored;
    fs::remove_all(kept, ignored);
    fs::copy(dir_ + "/log", kept, fs::copy_options::recursive, ignored);
    fs::remove_all(dir_, ignored);
}

std::string Stack::pg_bin(const std::string& tool) const {
    std::string best;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql")) {
        std::string candidate = entry.path().string() + "/bin/" + tool;
        if (fs::exists(candidate) && candidate > best) best = candidate;
    }
    if (best.empty()) throw std::runtime_error("PostgreSQL server binaries not found");
    return best;
}

void Stack::start_postgres() {
    auto started =
        run({pg_bin("pg_ctl"), "-D", dir_ + "/pg", "-w", "-t", "30", "-l",
             dir_ + "/log/postgresql.log", "-o",
             "-c listen_addresses='' -c unix_socket_directories='" + dir_ +
                 "/run/pg' -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                 "-c max_connections=200",
             "start"});
    if (started.exit_code != 0) throw std::runtime_error("pg_ctl start: " + started.output);
}

void Stack::stop_postgres() {
    run({pg_bin("pg_ctl"), "-D", dir_ + "/pg", "-m", "fast", "-w", "stop"});
}

std::string Stack::sql(const std::string& query) const {
    auto result = run({pg_bin("psql"), "-X", "-q", "-h", dir_ + "/run/pg", "-U", "cineverse", "-d",
                       "cineverse", "-v", "ON_ERROR_STOP=1", "-tA", "-c", query});
    if (result.exit_code != 0) throw std::runtime_error("psql: " + result.output);
    return std::string(cv::text::trim(result.output));
}

namespace {

// The fake TMDB on the demo's fixtures, its release dates counted from the day of `today`, on
// a free port it writes to `dir`/run/`name`.port; its pid and that port.
std::pair<pid_t, int> spawn_fake_tmdb(const std::string& dir, const std::string& source_dir,
                                      const std::string& name, std::time_t today) {
    std::string port_file = dir + "/run/" + name + ".port";
    pid_t pid = spawn_logged(
        {"python3", source_dir + "/tests/fake_tmdb/fake_tmdb.py", "--port", "0", "--fixtures",
         source_dir + "/demo/tmdb", "--port-file", port_file, "--today", utc_day(today)},
        {}, dir + "/log/" + name + ".log");
    if (!wait_until([&] { return fs::exists(port_file) && !read_file(port_file).empty(); }, 10s)) {
        kill(pid, SIGTERM);
        reap(pid, 5s);
        throw std::runtime_error("the fake TMDB " + name + " did not start");
    }
    return {pid, std::stoi(read_file(port_file))};
}

}  // namespace

void Stack::start_fake_tmdb() {
    std::tie(tmdb_pid_, tmdb_port_) = spawn_fake_tmdb(dir_, source_dir_, "fake-tmdb", started_at_);
}

OwnFakeTmdb::OwnFakeTmdb(const std::string& name) {
    auto [pid, port] = spawn_fake_tmdb(stack().dir(), CV_SOURCE_DIR, name, stack().started_at());
    process_ = OwnedProcess(pid);
    port_ = port;
}

std::string fake_tmdb_base_url(int port) {
    return "http://127.0.0.1:" + std::to_string(port) + "/3";
}

std::string utc_day(std::time_t at) {
    std::tm parts{};
    gmtime_r(&at, &parts);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

std::map<std::string, std::string> Stack::pool_environment() const {
    std::map<std::string, std::string> env = {
        {"CINEVERSE_DATABASE_URL",
         "postgresql:///cineverse?host=" + dir_ + "/run/pg&user=cineverse"},
        {"CINEVERSE_WORKERS", "4"},
        {"CINEVERSE_HASHING_WORKERS", std::to_string(kHashingWorkers)},
        {"CINEVERSE_CATALOGUE_WORKERS", std::to_string(kCatalogueWorkers)},
        // Background jobs: short leases, polls and backoffs, so that a test sees a killed
        // worker's job taken again, or a retry, within seconds; the offers job at a quick
        // pace, every title due at every run.
        {"CINEVERSE_JOBS_WORKERS", std::to_string(kJobsWorkers)},
        {"CINEVERSE_JOBS_LEASE", "4s"},
        {"CINEVERSE_JOBS_POLL", "500ms"},
        {"CINEVERSE_JOBS_BACKOFF", "1s"},
        {"CINEVERSE_JOBS_BACKOFF_MAX", "4s"},
        {"CINEVERSE_OFFERS_RATE", "200"},
        {"CINEVERSE_IMPORT_RATE", "200"},
        {"CINEVERSE_OFFERS_REFRESH_AFTER", "0s"},
        {"CINEVERSE_PUBLIC_ORIGINS", "https://localhost:" + std::to_string(https_port_)},
        // Cheap Argon2 keeps the suite fast; the production cost is tested in the unit tests.
        {"CINEVERSE_ARGON2_OPSLIMIT", "1"},
        {"CINEVERSE_ARGON2_MEMLIMIT", "8m"},
        {"TMDB_BASE_URL", tmdb_base_url()},
        // The fake serves the demo catalogue, whose images nginx serves on the site.
        {"CINEVERSE_IMAGE_BASE_URL", "/demo-images/"},
        {"CINEVERSE_WEB_ROOT", source_dir_ + "/web/dist"},
        {"TMDB_API_KEY", "test-api-key-not-a-secret"},
        {"CINEVERSE_TMDB_TIMEOUT", "1500ms"},
        {"CINEVERSE_TMDB_CONNECT_TIMEOUT", "500ms"},
        {"CINEVERSE_TMDB_FAILURE_BACKOFF", "1s"},
        // Far above what the suite asks for: the budget has a test of its own.
        {"CINEVERSE_TMDB_BUDGET", "1000"},
        {"CINEVERSE_CACHE_TTL_LIST", "3s"},
        {"CINEVERSE_DRAIN_TIMEOUT", "20s"},
        // Dead sessions are purged by every worker each second, so a test sees it happen.
        {"CINEVERSE_PURGE_INTERVAL", "1s"},
        {"ASAN_OPTIONS", "detect_leaks=0"},
    };
    for (const auto& lane : declared_lanes())
        env[lane.listen_variable] = "unix:" + dir_ + "/run/" + lane.socket;
    for (const auto& [k, v] : pool_overrides_) env[k] = v;
    return env;
}

void Stack::start_pool(const std::map<std::string, std::string>& overrides) {
    pool_overrides_ = overrides;
    std::string socket;
    for (const auto& lane : declared_lanes()) {
        fs::remove(dir_ + "/run/" + lane.socket);
        if (lane.name == "main") socket = dir_ + "/run/" + lane.socket;
    }
    pool_pid_ = spawn_logged({CV_API_BINARY, "serve"}, pool_environment(), api_log());
    if (!wait_until([&] { return fs::exists(socket); }, 20s)) {
        throw std::runtime_error("the pool did not start:\n" + read_file(api_log()));
    }
    // Workers are forked right after the socket exists; give them a moment to appear.
    wait_until([&] { return !worker_pids().empty(); }, 5s);
}

int Stack::stop_pool(int signo, std::chrono::seconds patience) {
    if (pool_pid_ <= 0) return -1;
    kill(pool_pid_, signo);
    int status = reap(pool_pid_, patience);
    pool_pid_ = -1;
    return status;
}

std::vector<pid_t> Stack::worker_pids() const {
    std::vector<pid_t> pids;
    if (pool_pid_ <= 0) return pids;
    std::ifstream in("/proc/" + std::to_string(pool_pid_) + "/task/" + std::to_string(pool_pid_) +
                     "/children");
    pid_t pid;
    while (in >> pid) pids.push_back(pid);
    return pids;
}

std::vector<pid_t> Stack::worker_pids(const std::string& lane) const {
    std::vector<pid_t> pids;
    for (pid_t pid : worker_pids()) {
        if (read_file("/proc/" + std::to_string(pid) + "/comm") == "cv-" + lane + "\n")
            pids.push_back(pid);
    }
    return pids;
}

void Stack::start_nginx() {
    std::string extra = source_dir_ + "/tests/integration/direct-locations.conf";
    std::map<std::string, std::string> env = {{"CINEVERSE_API", CV_API_BINARY},
                                              {"STATE", dir_},
                                              {"HTTPS_PORT", std::to_string(https_port_)},
                                              {"HTTP_PORT", std::to_string(http_port_)},
                                              {"DEMO_PORT", std::to_string(demo_port_)},
                                              {"EXTRA_CONF", extra}};
    for (const auto& lane : declared_lanes()) {
        std::string variable = "FASTCGI";
        if (lane.name != "main") {
            variable = lane.name + "_FASTCGI";
            std::transform(variable.begin(), variable.end(), variable.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        }
        env[variable] = "unix:" + dir_ + "/run/" + lane.socket;
    }
    auto rendered = run({source_dir_ + "/scripts/render-nginx"}, env);
    if (rendered.exit_code != 0) throw std::runtime_error("render-nginx: " + rendered.output);
    nginx_pid_ = spawn_logged(
        {"nginx", "-e", dir_ + "/log/nginx-error.log", "-p", dir_ + "/nginx", "-c", nginx_conf()},
        {}, dir_ + "/log/nginx.log");
    bool up = wait_until(
        [&] {
            auto result = run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert",
                               certificate(), "--resolve",
                               "localhost:" + std::to_string(https_port_) + ":127.0.0.1",
                               base_url() + "/healthz"});
            return result.output == "200";
        },
        20s);
    if (!up)
        throw std::runtime_error("nginx did not come up:\n" +
                                 read_file(dir_ + "/log/nginx-error.log"));
}

void Stack::tmdb_mode(const std::string& mode_json) const {
    fake_call(tmdb_port_, "POST", "/__control/mode", mode_json);
}
void Stack::tmdb_reset() const {
    fake_call(tmdb_port_, "POST", "/__control/reset", "{}");
}
void Stack::tmdb_offers_phase(int phase) const {
    fake_call(tmdb_port_, "POST", "/__control/offers",
              "{\"phase\": " + std::to_string(phase) + "}");
}

long Stack::tmdb_count(const std::string& path) const {
    auto parsed = Json::Value();
    std::string text = fake_call(tmdb_port_, "GET", "/__control/counts");
    Json::CharReaderBuilder builder;
    std::istringstream in(text);
    std::string errors;
    Json::parseFromStream(builder, in, &parsed, &errors);
    return parsed.isMember(path) ? parsed[path].asInt64() : 0;
}

std::string Stack::tmdb_today() const {
    auto seen = cv::json::parse(fake_call(tmdb_port_, "GET", "/__control/today"));
    return seen && (*seen)["today"].isString() ? (*seen)["today"].asString() : "";
}

std::string Stack::tmdb_last_query(const std::string& path) const {
    auto seen = cv::json::parse(fake_call(tmdb_port_, "GET", "/__control/last?path=" + path));
    return seen && (*seen)["query"].isString() ? (*seen)["query"].asString() : "";
}

namespace {
struct GlobalStack {
    GlobalStack() { instance = std::make_unique<Stack>(); }
    ~GlobalStack() { instance.reset(); }
    static inline std::unique_ptr<Stack> instance;
};
}  // namespace

Stack& stack() {
    if (!GlobalStack::instance) throw std::runtime_error("the stack is not started");
    return *GlobalStack::instance;
}

BOOST_TEST_GLOBAL_FIXTURE(GlobalStack);

namespace {

std::size_t size_of(const std::string& path) {
    std::error_code missing;
    auto size = fs::file_size(path, missing);
    return missing ? 0 : static_cast<std::size_t>(size);
}

bool has_every(const std::string& line, const std::vector<std::string>& needles) {
    return std::all_of(needles.begin(), needles.end(), [&](const std::string& needle) {
        return line.find(needle) != std::string::npos;
    });
}

std::vector<std::string> matching_lines(const std::string& text,
                                        const std::vector<std::string>& needles) {
    std::vector<std::string> found;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (has_every(line, needles)) found.push_back(line);
    }
    return found;
}

// A fixture's destructor must not throw (it may run while an assertion's exception unwinds
// the test): what goes wrong restoring the stack is reported as a failure instead.
template <typename Restore>
void restore_or_report(const char* what, Restore restore) noexcept {
    try {
        restore();
    } catch (const std::exception& e) {
        BOOST_ERROR(what << ": " << e.what());
    } catch (...) {
        BOOST_ERROR(what);
    }
}

void restart_default_pool() {
    stack().stop_pool();
    stack().start_pool();
}

}  // namespace

LogWatch::LogWatch(std::string path) : path_(std::move(path)), start_(size_of(path_)) {}

std::string LogWatch::text() const {
    std::string all = read_file(path_);
    if (all.size() <= start_) return "";
    // A line still being written is left for the next look.
    auto end = all.rfind('\n');
    if (end == std::string::npos || end < start_) return "";
    return all.substr(start_, end + 1 - start_);
}

std::vector<std::string> LogWatch::lines(std::initializer_list<std::string> needles) const {
    return matching_lines(text(), needles);
}

std::size_t LogWatch::count(std::initializer_list<std::string> needles) const {
    return lines(needles).size();
}

std::vector<pid_t> LogWatch::pids(std::initializer_list<std::string> needles) const {
    return logged_pids(text(), needles);
}

bool LogWatch::wait_for(std::initializer_list<std::string> needles, std::size_t count,
                        std::chrono::milliseconds patience) const {
    std::vector<std::string> wanted(needles);
    return wait_until([&] { return matching_lines(text(), wanted).size() >= count; }, patience);
}

long metric(const std::string& metrics, const std::string& series) {
    std::string line_start = series + " ";
    std::size_t at = 0;
    if (metrics.rfind(line_start, 0) != 0) {
        at = metrics.find("\n" + line_start);
        if (at == std::string::npos) return -1;
        ++at;
    }
    return std::stol(metrics.substr(at + line_start.size()));
}

int unix_connections_waiting(const std::string& path) {
    // /proc/net/unix: Num RefCount Protocol Flags Type St Inode Path. The kernel queues a
    // connection on the listening socket as a socket of its own with the listener's path;
    // it gets an inode only once a process accepts it.
    std::istringstream table(read_file("/proc/net/unix"));
    std::string line;
    std::getline(table, line);  // the header
    int waiting = 0;
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string num, refs, protocol, flags, type, state, inode, name;
        if (!(fields >> num >> refs >> protocol >> flags >> type >> state >> inode >> name))
            continue;
        if (name == path && inode == "0") ++waiting;
    }
    return waiting;
}

int tcp_connections_unread(int port) {
    // /proc/net/tcp: sl local_address rem_address st tx_queue:rx_queue …, addresses and
    // queues in hex. A connection still in the accept queue is ESTABLISHED (01) too.
    std::istringstream table(read_file("/proc/net/tcp"));
    std::string line;
    std::getline(table, line);  // the header
    int unread = 0;
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state, queues;
        if (!(fields >> slot >> local >> remote >> state >> queues)) continue;
        auto colon = local.find(':');
        if (colon == std::string::npos || std::stoi(local.substr(colon + 1), nullptr, 16) != port)
            continue;
        long received = std::stol(queues.substr(queues.find(':') + 1), nullptr, 16);
        if (state == "01" && received > 0) ++unread;
    }
    return unread;
}

Frozen::Frozen(std::vector<pid_t> pids) : pids_(std::move(pids)) {
    for (pid_t pid : pids_) kill(pid, SIGSTOP);
}

void Frozen::thaw() {
    for (pid_t pid : pids_) kill(pid, SIGCONT);
    pids_.clear();
}

OwnedProcess& OwnedProcess::operator=(OwnedProcess&& other) noexcept {
    if (this != &other) {
        stop();
        pid_ = std::exchange(other.pid_, -1);
        stop_signal_ = other.stop_signal_;
        patience_ = other.patience_;
    }
    return *this;
}

int OwnedProcess::stop(int signo) {
    if (pid_ <= 0) return -1;
    kill(pid_, signo);
    int status = reap(pid_, patience_);
    pid_ = -1;
    return status;
}

int OwnedProcess::wait(std::chrono::milliseconds patience) {
    if (pid_ <= 0) return -1;
    int status = reap(pid_, patience);
    pid_ = -1;
    return status;
}

ScopeGuard::~ScopeGuard() {
    restore_or_report("cleanup failed", cleanup_);
}

ScopedPool::ScopedPool(std::initializer_list<std::pair<const std::string, std::string>> overrides)
    : overrides_(overrides) {
    restart();
}

ScopedPool::~ScopedPool() {
    restore_or_report("the default pool did not start again", restart_default_pool);
}

void ScopedPool::restart() {
    stack().stop_pool();
    try {
        stack().start_pool(overrides_);
    } catch (...) {
        // The tests after this one still get a pool.
        restore_or_report("the default pool did not start again", restart_default_pool);
        throw;
    }
}

int ScopedPool::stop(int signo) {
    return stack().stop_pool(signo);
}

ScopedPoolStopped::ScopedPoolStopped(int signo) : wait_status_(stack().stop_pool(signo)) {}

ScopedPoolStopped::~ScopedPoolStopped() {
    restore_or_report("the default pool did not start again", restart_default_pool);
}

ScopedTmdbMode::ScopedTmdbMode(const std::string& mode_json) {
    stack().tmdb_mode(mode_json);
}

ScopedTmdbMode::~ScopedTmdbMode() {
    restore_or_report("the fake TMDB was not reset", [] { stack().tmdb_reset(); });
}

ScopedPostgresStopped::ScopedPostgresStopped() {
    stack().stop_postgres();
}

ScopedPostgresStopped::~ScopedPostgresStopped() {
    restore_or_report("PostgreSQL did not start again", [this] { start(); });
}

void ScopedPostgresStopped::start() {
    if (!stopped_) return;
    stack().start_postgres();
    stopped_ = false;
}

}  // namespace cv::it
