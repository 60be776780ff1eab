// libFuzzer: the readers of TMDB's answers (list results, film and series pages). Whatever
// they return must itself be JSON of the expected shape; nothing may crash them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "catalogue/pages.hpp"
#include "catalogue/tmdb_client.hpp"
#include "core/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string body(reinterpret_cast<const char*>(data), size);
    if (auto results = cv::catalogue::extract_results(body)) {
        auto parsed = cv::json::parse(*results);
        if (!parsed || !parsed->isArray()) std::abort();
    }
    for (auto page : {cv::catalogue::movie_page(body, {}), cv::catalogue::tv_page(body, {})}) {
        if (!page) continue;
        auto parsed = cv::json::parse(*page);
        if (!parsed || !parsed->isObject() || !(*parsed)["cast"].isArray()) std::abort();
    }
    return 0;
}
