#pragma once
// The real stack for the integration tests, started once per test binary: PostgreSQL in a
// temporary directory, the FastCGI pool, nginx over HTTPS (rendered by scripts/render-nginx
// exactly as scripts/serve does) and the fake TMDB. Everything listens on loopback, on free
// ports, and is stopped by pid.
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <ctime>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace cv::it {

// How long a test waits for a condition before it fails. Generous: a shared 2-core machine
// under ASan can be slow, and a wait ends as soon as its condition holds.
inline constexpr std::chrono::seconds kPatience{20};

struct RunResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

// The whole content of a file ("" when it cannot be read).
std::string read_file(const std::string& path);
// The pid= field of the log lines that contain every one of `needles`, in order.
std::vector<pid_t> logged_pids(const std::string& log, std::initializer_list<std::string> needles);

// A free TCP port on 127.0.0.1.
int free_port();

// Starts a command with `env` added, output appended to `log_path`; returns its pid.
pid_t spawn_logged(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& env, const std::string& log_path);
// Waits for `pid` to exit; SIGKILL after `patience`. Returns the wait status.
int reap(pid_t pid, std::chrono::milliseconds patience);

template <typename Condition>
bool wait_until(Condition condition, std::chrono::milliseconds patience) {
    auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return condition();
}

// Runs a command to completion (no shell).
RunResult run(const std::vector<std::string>& argv,
              const std::map<std::string, std::string>& env = {});

// The API root of a fake TMDB listening on loopback `port`, as TMDB_BASE_URL takes it.
std::string fake_tmdb_base_url(int port);
// The UTC day of `at`, as TMDB spells dates (YYYY-MM-DD).
std::string utc_day(std::time_t at);

class Stack {
  public:
    Stack();
    ~Stack();
    Stack(const Stack&) = delete;
    Stack& operator=(const Stack&) = delete;

    const std::string& dir() const { return dir_; }
    int https_port() const { return https_port_; }
    int http_port() const { return http_port_; }
    int tmdb_port() const { return tmdb_port_; }
    // The fake TMDB's API root, as TMDB_BASE_URL takes it.
    std::string tmdb_base_url() const { return fake_tmdb_base_url(tmdb_port_); }
    // When the stack started. Its fake TMDBs count release dates from that day (UTC) for the
    // whole run, so that a run crossing midnight reads the same dates in pages cached before
    // it as in answers after it; tests count from it too.
    std::time_t started_at() const { return started_at_; }
    std::string base_url() const { return "https://localhost:" + std::to_string(https_port_); }
    std::string certificate() const { return dir_ + "/tls/localhost.crt"; }
    std::string api_log() const { return dir_ + "/log/api.log"; }
    std::string nginx_conf() const { return dir_ + "/nginx/nginx.conf"; }

    // The pool runs the hashing, catalogue and jobs lanes like scripts/serve's, with these many
    // workers besides CINEVERSE_WORKERS (the main lane's): worker_pids() counts them too.
    static constexpr int kHashingWorkers = 1;
    static constexpr int kCatalogueWorkers = 2;
    static constexpr int kJobsWorkers = 1;  // the jobs lane's, which listens nowhere
    // The pool's master pid, and its workers (read from /proc, by pid).
    pid_t pool_pid() const { return pool_pid_; }
    std::vector<pid_t> worker_pids() const;
    // The workers of one lane ("main", "hashing", "catalogue", "jobs"), by their process name.
    std::vector<pid_t> worker_pids(const std::string& lane) const;
    // Starts the pool with the test environment plus `overrides`; waits for its socket.
    void start_pool(const std::map<std::string, std::string>& overrides = {});
    // Sends `signo` to the master and waits for it to exit; returns its wait status.
    int stop_pool(int signo = 15, std::chrono::seconds patience = std::chrono::seconds(40));
    std::map<std::string, std::string> pool_environment() const;

    void stop_postgres();
    void start_postgres();
    // Runs SQL through psql; returns the unaligned, tuples-only output, trimmed.
    std::string sql(const std::string& query) const;

    // A PostgreSQL server program ("initdb", "pg_ctl", "psql", …) of the newest version here.
    std::string pg_bin(const std::string& tool) const;

    // Controls the fake TMDB (tests/fake_tmdb/fake_tmdb.py).
    pid_t tmdb_pid() const { return tmdb_pid_; }
    void tmdb_mode(const std::string& mode_json) const;
    void tmdb_reset() const;
    // Pins the French offers of the demo's rotating titles at `phase` (demo/README.md).
    void tmdb_offers_phase(int phase) const;
    long tmdb_count(const std::string& path) const;
    // The day the fake TMDB counts release dates from (YYYY-MM-DD).
    std::string tmdb_today() const;
    // The query string of the last call the fake TMDB received for `path`.
    std::string tmdb_last_query(const std::string& path) const;

  private:
    void start_fake_tmdb();
    void start_nginx();

    std::string dir_;
    std::string source_dir_;
    std::time_t started_at_ = std::time(nullptr);
    int https_port_ = 0, http_port_ = 0, demo_port_ = 0, tmdb_port_ = 0;
    pid_t pool_pid_ = -1, nginx_pid_ = -1, tmdb_pid_ = -1;
    std::map<std::string, std::string> pool_overrides_;
};

// The stack shared by every test of the binary.
Stack& stack();

// The lines a log gains from the moment the watch starts: what a test waits for can then
// only have been written by what the test did, never by an earlier test.
class LogWatch {
  public:
    explicit LogWatch(std::string path = stack().api_log());

    const std::string& path() const { return path_; }
    // The complete lines written since the watch started.
    std::string text() const;
    // Those that contain every one of `needles`.
    std::vector<std::string> lines(std::initializer_list<std::string> needles) const;
    std::size_t count(std::initializer_list<std::string> needles) const;
    std::vector<pid_t> pids(std::initializer_list<std::string> needles) const;
    // Waits until at least `count` new lines contain every one of `needles`.
    bool wait_for(std::initializer_list<std::string> needles, std::size_t count = 1,
                  std::chrono::milliseconds patience = kPatience) const;

  private:
    std::string path_;
    std::size_t start_ = 0;
};

// The value of one series (its name and labels, as /metrics spells them) in a /metrics
// answer; -1 when absent.
long metric(const std::string& metrics, const std::string& series);

// What the kernel holds for a server that has not taken it yet, so a test can see that a
// request is in flight without guessing how long that takes:
// connections to the unix socket `path` that no process has accepted yet;
int unix_connections_waiting(const std::string& path);
// connections to 127.0.0.1:`port` holding bytes the server has not read, accepted or not.
int tcp_connections_unread(int port);

// Stops processes with SIGSTOP and always resumes them, whatever the test does.
class Frozen {
  public:
    explicit Frozen(std::vector<pid_t> pids);
    ~Frozen() { thaw(); }
    Frozen(const Frozen&) = delete;
    Frozen& operator=(const Frozen&) = delete;
    void thaw();

  private:
    std::vector<pid_t> pids_;
};

// A process the test started: stopped by pid when it goes out of scope, so a failed
// BOOST_REQUIRE cannot leave it running.
class OwnedProcess {
  public:
    OwnedProcess() = default;
    explicit OwnedProcess(pid_t pid, int stop_signal = SIGTERM,
                          std::chrono::milliseconds patience = kPatience)
        : pid_(pid), stop_signal_(stop_signal), patience_(patience) {}
    ~OwnedProcess() { stop(); }
    OwnedProcess(OwnedProcess&& other) noexcept { *this = std::move(other); }
    OwnedProcess& operator=(OwnedProcess&& other) noexcept;
    OwnedProcess(const OwnedProcess&) = delete;
    OwnedProcess& operator=(const OwnedProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }
    // Sends the stop signal (or `signo`) and reaps it, SIGKILL after the patience; returns
    // its wait status, -1 when it was not running.
    int stop() { return stop(stop_signal_); }
    int stop(int signo);
    // Reaps a process that is expected to exit by itself (SIGKILL after `patience`).
    int wait(std::chrono::milliseconds patience = kPatience);

  private:
    pid_t pid_ = -1;
    int stop_signal_ = SIGTERM;
    std::chrono::milliseconds patience_ = kPatience;
};

// Runs `cleanup` when the scope ends, however it ends.
class ScopeGuard {
  public:
    explicit ScopeGuard(std::function<void()> cleanup) : cleanup_(std::move(cleanup)) {}
    ~ScopeGuard();
    ScopeGuard(const ScopeGuard&) = delete;
    ScopeGuard& operator=(const ScopeGuard&) = delete;

  private:
    std::function<void()> cleanup_;
};

// The shared pool restarted with `overrides` for one test, and restarted with the defaults
// when the test ends, even when an assertion throws halfway:
//     ScopedPool pool{{"CINEVERSE_MAX_REQUESTS", "5"}, {"CINEVERSE_WORKERS", "2"}};
class ScopedPool {
  public:
    explicit ScopedPool(std::initializer_list<std::pair<const std::string, std::string>> overrides);
    ~ScopedPool();
    ScopedPool(const ScopedPool&) = delete;
    ScopedPool& operator=(const ScopedPool&) = delete;

    // Stops it and starts it again with the same overrides (what survives a restart).
    void restart();
    // Stops it with `signo`; returns the master's wait status. The default pool still
    // comes back at the end of the scope.
    int stop(int signo = SIGTERM);
    pid_t master_pid() const { return stack().pool_pid(); }

  private:
    std::map<std::string, std::string> overrides_;
};

// The shared pool stopped for one test (nginx then has no pool to talk to), and the default
// pool started again when the test ends.
class ScopedPoolStopped {
  public:
    explicit ScopedPoolStopped(int signo = SIGTERM);
    ~ScopedPoolStopped();
    ScopedPoolStopped(const ScopedPoolStopped&) = delete;
    ScopedPoolStopped& operator=(const ScopedPoolStopped&) = delete;

    // The master's wait status.
    int wait_status() const { return wait_status_; }

  private:
    int wait_status_ = -1;
};

// The fake TMDB in one mode (fake_tmdb.py's control API) for one test; back to normal, its
// counts at zero, when the test ends.
class ScopedTmdbMode {
  public:
    explicit ScopedTmdbMode(const std::string& mode_json);
    ~ScopedTmdbMode();
    ScopedTmdbMode(const ScopedTmdbMode&) = delete;
    ScopedTmdbMode& operator=(const ScopedTmdbMode&) = delete;
};

// A fake TMDB of one test's own (the demo's fixtures, its log under `name`), stopped by pid
// when it goes out of scope. A pool pointed at it is its only client: freezing it stalls
// nothing else, and what the kernel holds for its port was sent by that pool alone.
class OwnFakeTmdb {
  public:
    explicit OwnFakeTmdb(const std::string& name);

    pid_t pid() const { return process_.pid(); }
    int port() const { return port_; }
    // For TMDB_BASE_URL.
    std::string base_url() const { return fake_tmdb_base_url(port_); }

  private:
    OwnedProcess process_;
    int port_ = 0;
};

// The stack's PostgreSQL stopped, and running again when the scope ends (or at start()).
class ScopedPostgresStopped {
  public:
    ScopedPostgresStopped();
    ~ScopedPostgresStopped();
    ScopedPostgresStopped(const ScopedPostgresStopped&) = delete;
    ScopedPostgresStopped& operator=(const ScopedPostgresStopped&) = delete;

    void start();

  private:
    bool stopped_ = true;
};

}  // namespace cv::it
