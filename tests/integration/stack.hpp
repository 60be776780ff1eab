#pragma once
// The real stack for the integration tests, started once per test binary: PostgreSQL in a
// temporary directory, the FastCGI pool, nginx over HTTPS (rendered by scripts/render-nginx
// exactly as scripts/serve does) and the fake TMDB. Everything listens on loopback, on free
// ports, and is stopped by pid.
#include <sys/types.h>

#include <chrono>
#include <initializer_list>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace cv::it {

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
    std::string base_url() const { return "https://localhost:" + std::to_string(https_port_); }
    std::string certificate() const { return dir_ + "/tls/localhost.crt"; }
    std::string api_log() const { return dir_ + "/log/api.log"; }
    std::string nginx_conf() const { return dir_ + "/nginx/nginx.conf"; }

    // The pool runs the hashing and catalogue lanes like scripts/serve's, with these many
    // workers besides CINEVERSE_WORKERS (the main lane's): worker_pids() counts them too.
    static constexpr int kHashingWorkers = 1;
    static constexpr int kCatalogueWorkers = 2;
    // The pool's master pid, and its workers (read from /proc, by pid).
    pid_t pool_pid() const { return pool_pid_; }
    std::vector<pid_t> worker_pids() const;
    // The workers of one lane ("main", "hashing", "catalogue"), by their process name.
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
    void tmdb_mode(const std::string& mode_json) const;
    void tmdb_reset() const;
    long tmdb_count(const std::string& path) const;

  private:
    void start_fake_tmdb();
    void start_nginx();

    std::string dir_;
    std::string source_dir_;
    int https_port_ = 0, http_port_ = 0, demo_port_ = 0, tmdb_port_ = 0;
    pid_t pool_pid_ = -1, nginx_pid_ = -1, tmdb_pid_ = -1;
    std::map<std::string, std::string> pool_overrides_;
};

// The stack shared by every test of the binary.
Stack& stack();

}  // namespace cv::it
