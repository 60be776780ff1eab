#include "accounts/validation.hpp"

#include "core/failure.hpp"
#include "core/text.hpp"

namespace cv::accounts {
namespace {

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

using text::code_points;
using text::has_control_characters;
using text::is_valid_utf8;

struct FieldSpec {
    const char* name;
    const char* alias;
    std::optional<std::string> AccountFields::*target;
    std::optional<std::string> (*check)(std::string_view);
};

std::optional<std::string> check_first_name(std::string_view v) {
    return check_name("first_name", v);
}
std::optional<std::string> check_last_name(std::string_view v) {
    return check_name("last_name", v);
}

const FieldSpec kRequiredFields[] = {
    {"username", nullptr, &AccountFields::username, check_username},
    {"password", nullptr, &AccountFields::password, check_password},
    {"email", nullptr, &AccountFields::email, check_email},
    {"first_name", "firstName", &AccountFields::first_name, check_first_name},
    {"last_name", "lastName", &AccountFields::last_name, check_last_name},
};

}  // namespace

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == '-')) return false;
        if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

std::optional<std::string> check_username(std::string_view value) {
    bool allowed = value.size() >= 3 && value.size() <= 50;
    for (char c : value)
        allowed = allowed && (is_ascii_alnum(c) || c == '.' || c == '_' || c == '-');
    if (!allowed) return "username must be 3 to 50 characters of letters, digits, '.', '_' or '-'";
    return std::nullopt;
}

std::optional<std::string> check_password(std::string_view value) {
    if (value.size() < 8 || value.size() > 1024) return "password must be 8 to 1024 bytes";
    return std::nullopt;
}

std::optional<std::string> check_email(std::string_view value) {
    const char* problem =
        "email must look like name@domain.tld, without spaces, at most 254 characters";
    if (!is_valid_utf8(value) || code_points(value) > 254 || has_control_characters(value))
        return problem;
    for (char c : value) {
        if (c == ' ' || c == '\t') return problem;
    }
    auto at = value.find('@');
    if (at == std::string_view::npos || at == 0 ||
        value.find('@', at + 1) != std::string_view::npos) {
        return problem;
    }
    std::string_view domain = value.substr(at + 1);
    auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size() ||
        domain.front() == '.' || domain.find("..") != std::string_view::npos) {
        return problem;
    }
    return std::nullopt;
}

std::optional<std::string> check_name(std::string_view field, std::string_view value) {
    auto length = code_points(value);
    if (!is_valid_utf8(value) || length < 1 || length > 50 || has_control_characters(value)) {
        return std::string(field) + " must be 1 to 50 characters, without control characters";
    }
    return std::nullopt;
}

std::optional<std::string> check_phone(std::string_view value) {
    int digits = 0;
    bool allowed = value.size() >= 6 && value.size() <= 20;
    for (char c : value) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.') {
            allowed = false;
        }
    }
    if (!allowed || digits < 6) {
        return "phone_number must be 6 to 20 characters of digits, spaces and + - ( ) ., with at "
               "least 6 digits";
    }
    return std::nullopt;
}

AccountFields read_account_fields(const Json::Value& body, Require require) {
    if (!body.isObject()) throw Failure::invalid_input("The body must be a JSON object");
    AccountFields fields;
    for (const auto& spec : kRequiredFields) {
        const char* key = spec.name;
        if (!body.isMember(key) && spec.alias && body.isMember(spec.alias)) key = spec.alias;
        if (!body.isMember(key)) {
            if (require == Require::all)
                throw Failure::invalid_input(std::string(spec.name) + " is required");
            continue;
        }
        const Json::Value& value = body[key];
        if (!value.isString())
            throw Failure::invalid_input(std::string(spec.name) + " must be a string");
        std::string text = value.asString();
        if (auto problem = spec.check(text)) throw Failure::invalid_input(*problem);
        fields.*spec.target = std::move(text);
    }
    if (body.isMember("phone_number")) {
        const Json::Value& phone = body["phone_number"];
        fields.phone_given = true;
        if (phone.isString()) {
            std::string text = phone.asString();
            if (auto problem = check_phone(text)) throw Failure::invalid_input(*problem);
            fields.phone_number = std::move(text);
        } else if (!phone.isNull()) {
            throw Failure::invalid_input("phone_number must be a string or null");
        }
    }
    return fields;
}

}  // namespace cv::accounts
