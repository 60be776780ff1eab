// libFuzzer: FastCGI params → Request (query string, percent-decoding, cookies, headers).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fcgi/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string input(reinterpret_cast<const char*>(data), size);
    // Newlines split the input into the values of the params nginx sends.
    std::string parts[5];
    size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        size_t end = input.find('\n', start);
        parts[i] = input.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    try {
        auto request = cv::fcgi::Request::from_params({{"REQUEST_METHOD", "GET"},
                                                       {"REQUEST_URI", parts[0]},
                                                       {"QUERY_STRING", parts[1]},
                                                       {"HTTP_COOKIE", parts[2]},
                                                       {"CONTENT_LENGTH", parts[3]},
                                                       {"HTTP_" + parts[4], parts[4]}},
                                                      [&](size_t n) { return input.substr(0, n); });
        (void)request.query("user_id");
        (void)request.cookie("session");
        (void)request.header("origin");
        if (request.content_length().value_or(0) < 65536) (void)request.body();
    } catch (const cv::Failure&) {  // malformed request or body over the limit: answered 4xx
    }
    return 0;
}
