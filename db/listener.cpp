#include "db/listener.hpp"

#include "core/log.hpp"
#include "db/database.hpp"

namespace cv::db {
namespace {

constexpr auto kRetryAfter = std::chrono::seconds(5);

}  // namespace

Listener::Listener(const std::string& conninfo, std::string channel)
    : conninfo_(with_defaults(conninfo)), channel_(std::move(channel)) {}

int Listener::fd() {
    if (conn_ && PQstatus(conn_.get()) != CONNECTION_OK) drop();
    if (!conn_ && std::chrono::steady_clock::now() >= next_attempt_) {
        next_attempt_ = std::chrono::steady_clock::now() + kRetryAfter;
        conn_.reset(PQconnectdb(conninfo_.c_str()));
        std::unique_ptr<char, decltype(&PQfreemem)> quoted(
            conn_ ? PQescapeIdentifier(conn_.get(), channel_.c_str(), channel_.size()) : nullptr,
            PQfreemem);
        std::unique_ptr<PGresult, decltype(&PQclear)> listening(
            quoted ? PQexec(conn_.get(), ("LISTEN " + std::string(quoted.get())).c_str()) : nullptr,
            PQclear);
        if (!listening || PQresultStatus(listening.get()) != PGRES_COMMAND_OK) {
            log::warn("listen_failed",
                      {{"channel", channel_}, {"retry_in_s", kRetryAfter.count()}});
            drop();
        }
    }
    return conn_ ? PQsocket(conn_.get()) : -1;
}

int Listener::drain() {
    if (!conn_) return 0;
    if (PQconsumeInput(conn_.get()) == 0) {
        drop();  // the server went away: listened to again at the next fd()
        return 0;
    }
    int count = 0;
    while (PGnotify* notification = PQnotifies(conn_.get())) {
        PQfreemem(notification);
        ++count;
    }
    return count;
}

void Listener::drop() {
    conn_.reset();
}

}  // namespace cv::db
