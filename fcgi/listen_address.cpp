#include "fcgi/listen_address.hpp"

#include "core/settings.hpp"
#include "core/text.hpp"

namespace cv::fcgi {

ListenAddress ListenAddress::parse(const std::string& variable, const std::string& value) {
    ListenAddress address;
    if (value.rfind("unix:", 0) == 0 || value.rfind('/', 0) == 0) {
        address.kind = Kind::unix_socket;
        address.path = value.rfind("unix:", 0) == 0 ? value.substr(5) : value;
        if (address.path.empty() || address.path[0] != '/') {
            throw ConfigError(variable, "unix socket path must be absolute: '" + value + "'");
        }
        if (address.path.size() >= 100) throw ConfigError(variable, "unix socket path too long");
        return address;
    }
    auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw ConfigError(variable, "'" + value + "' is neither unix:/path nor host:port");
    }
    address.kind = Kind::tcp;
    address.host = value.substr(0, colon);
    if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']') {
        address.host = address.host.substr(1, address.host.size() - 2);
    }
    auto port = text::parse_integer(std::string_view(value).substr(colon + 1), 1, 65535);
    if (!port) throw ConfigError(variable, "'" + value + "' has no valid port (1-65535)");
    address.port = static_cast<int>(*port);
    return address;
}

}  // namespace cv::fcgi
