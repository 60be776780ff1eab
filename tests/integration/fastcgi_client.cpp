#include "fastcgi_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cv::it {
namespace {

void append_record(std::string& out, unsigned char type, const std::string& content) {
    unsigned char header[8] = {1,
                               type,
                               0,
                               1,
                               static_cast<unsigned char>(content.size() >> 8),
                               static_cast<unsigned char>(content.size() & 0xff),
                               0,
                               0};
    out.append(reinterpret_cast<char*>(header), 8);
    out += content;
}

void append_length(std::string& out, size_t length) {
    if (length < 128) {
        out += static_cast<char>(length);
    } else {
        out += static_cast<char>(0x80 | ((length >> 24) & 0x7f));
        out += static_cast<char>((length >> 16) & 0xff);
        out += static_cast<char>((length >> 8) & 0xff);
        out += static_cast<char>(length & 0xff);
    }
}

std::string name_value(const std::string& name, const std::string& value) {
    std::string pair;
    append_length(pair, name.size());
    append_length(pair, value.size());
    return pair + name + value;
}

}  // namespace

std::string fastcgi_request(int port, const std::string& method, const std::string& path,
                            const std::string& body,
                            const std::map<std::string, std::string>& extra) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return "";
    }
    std::map<std::string, std::string> params = {
        {"REQUEST_METHOD", method},
        {"REQUEST_URI", path},
        {"DOCUMENT_URI", path.substr(0, path.find('?'))},
        {"QUERY_STRING",
         path.find('?') == std::string::npos ? "" : path.substr(path.find('?') + 1)},
        {"SERVER_PROTOCOL", "HTTP/1.1"},
        {"CONTENT_LENGTH", std::to_string(body.size())}};
    if (!body.empty()) params["CONTENT_TYPE"] = "application/json";
    for (const auto& [k, v] : extra) params[k] = v;
    std::string request;
    append_record(request, 1, std::string("\0\1\0\0\0\0\0\0", 8));  // BEGIN_REQUEST, responder
    std::string encoded;
    for (const auto& [k, v] : params) encoded += name_value(k, v);
    append_record(request, 4, encoded);
    append_record(request, 4, "");
    if (!body.empty()) append_record(request, 5, body);
    append_record(request, 5, "");
    [[maybe_unused]] auto sent = write(fd, request.data(), request.size());
    std::string raw;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) raw.append(buf, static_cast<size_t>(n));
    close(fd);
    std::string answer;
    for (size_t at = 0; at + 8 <= raw.size();) {
        auto type = static_cast<unsigned char>(raw[at + 1]);
        size_t length = (static_cast<unsigned char>(raw[at + 4]) << 8) |
                        static_cast<unsigned char>(raw[at + 5]);
        size_t padding = static_cast<unsigned char>(raw[at + 6]);
        if (type == 6) answer += raw.substr(at + 8, length);
        at += 8 + length + padding;
    }
    return answer;
}

}  // namespace cv::it
