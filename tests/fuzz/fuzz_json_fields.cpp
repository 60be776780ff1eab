// libFuzzer: JSON body parsing and the account field rules.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "accounts/validation.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    if (auto value = cv::json::parse(input)) {
        for (auto require : {cv::accounts::Require::all, cv::accounts::Require::any_subset}) {
            try {
                (void)cv::accounts::read_account_fields(*value, require);
            } catch (const cv::Failure&) {  // a refusal is an answer, not a crash
            }
        }
        (void)cv::json::write(*value);
    }
    (void)cv::accounts::check_username(input);
    (void)cv::accounts::check_email(input);
    (void)cv::accounts::check_name("first_name", input);
    (void)cv::accounts::check_phone(input);
    (void)cv::accounts::is_uuid(input);
    return 0;
}
