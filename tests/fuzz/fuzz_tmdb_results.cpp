// libFuzzer: the TMDB answer reader. Whatever it returns must itself be a JSON array.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "catalogue/tmdb_client.hpp"
#include "core/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string body(reinterpret_cast<const char*>(data), size);
    if (auto results = cv::catalogue::extract_results(body)) {
        auto parsed = cv::json::parse(*results);
        if (!parsed || !parsed->isArray()) std::abort();
    }
    return 0;
}
