#pragma once
// The contract's field rules for register and modify. Pure functions: no I/O.
#include <json/json.h>

#include <optional>
#include <string>
#include <string_view>

namespace cv::accounts {

struct AccountFields {
    std::optional<std::string> username;
    std::optional<std::string> password;
    std::optional<std::string> email;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    bool phone_given = false;                 // present in the body (even as null)
    std::optional<std::string> phone_number;  // nullopt with phone_given: clear it
};

enum class Require { all, any_subset };

// Reads and checks the account fields of a JSON object body. With Require::all (register)
// every field but phone_number must be present. Throws Failure(invalid_input) naming the
// first field that breaks its rule ("username must be …").
AccountFields read_account_fields(const Json::Value& body, Require require);

std::optional<std::string> check_username(std::string_view value);
std::optional<std::string> check_password(std::string_view value);
std::optional<std::string> check_email(std::string_view value);
std::optional<std::string> check_name(std::string_view field, std::string_view value);
std::optional<std::string> check_phone(std::string_view value);

bool is_uuid(std::string_view text);

}  // namespace cv::accounts
