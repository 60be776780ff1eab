// The pool on TCP (host:port), spoken to with a minimal FastCGI client: the transport a
// multi-host deployment uses between nginx and app hosts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <thread>

#include "stack.hpp"

using namespace cv::it;
using namespace std::chrono_literals;

namespace {

void append_record(std::string& out, unsigned char type, const std::string& content) {
    unsigned char header[8] = {1, type, 0, 1, static_cast<unsigned char>(content.size() >> 8),
                               static_cast<unsigned char>(content.size() & 0xff), 0, 0};
    out.append(reinterpret_cast<char*>(header), 8);
    out += content;
}

std::string name_value(const std::string& name, const std::string& value) {
    std::string pair;
    pair += static_cast<char>(name.size());
    pair += static_cast<char>(value.size());
    return pair + name + value;
}

// One GET over FastCGI; returns the CGI-style answer ("Status: …" headers and body).
std::string fastcgi_get(int port, const std::string& path) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return "connect failed";
    }
    std::string request;
    append_record(request, 1, std::string("\0\1\0\0\0\0\0\0", 8));  // BEGIN_REQUEST, responder
    std::string params = name_value("REQUEST_METHOD", "GET") + name_value("REQUEST_URI", path) +
                         name_value("DOCUMENT_URI", path) + name_value("QUERY_STRING", "") +
                         name_value("SERVER_PROTOCOL", "HTTP/1.1");
    append_record(request, 4, params);
    append_record(request, 4, "");
    append_record(request, 5, "");
    [[maybe_unused]] auto sent = write(fd, request.data(), request.size());
    std::string raw;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) raw.append(buf, static_cast<size_t>(n));
    close(fd);
    std::string stdout_content;
    for (size_t at = 0; at + 8 <= raw.size();) {
        auto type = static_cast<unsigned char>(raw[at + 1]);
        size_t length = (static_cast<unsigned char>(raw[at + 4]) << 8) | static_cast<unsigned char>(raw[at + 5]);
        size_t padding = static_cast<unsigned char>(raw[at + 6]);
        if (type == 6) stdout_content += raw.substr(at + 8, length);
        at += 8 + length + padding;
    }
    return stdout_content;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tcp_listen)

BOOST_AUTO_TEST_CASE(a_second_pool_serves_fastcgi_over_tcp) {
    int port = free_port();
    auto env = stack().pool_environment();
    env["CINEVERSE_LISTEN"] = "127.0.0.1:" + std::to_string(port);
    env["CINEVERSE_WORKERS"] = "2";
    pid_t pool = fork();
    if (pool == 0) {
        for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
        execl(CV_API_BINARY, CV_API_BINARY, "serve", static_cast<char*>(nullptr));
        _exit(127);
    }
    std::string answer;
    for (int i = 0; i < 100; ++i) {
        answer = fastcgi_get(port, "/healthz");
        if (answer.find("Status: 200") != std::string::npos) break;
        std::this_thread::sleep_for(50ms);
    }
    BOOST_TEST(answer.find("Status: 200 OK") == 0u, answer);
    BOOST_TEST(answer.find(R"({"database":"ok","status":"ok"})") != std::string::npos, answer);
    BOOST_TEST(fastcgi_get(port, "/nope").find("Status: 404") == 0u);
    kill(pool, SIGTERM);
    int status = 0;
    waitpid(pool, &status, 0);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
