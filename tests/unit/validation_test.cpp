#include <boost/test/unit_test.hpp>

#include "accounts/validation.hpp"
#include "core/failure.hpp"
#include "core/json.hpp"

using namespace cv::accounts;

namespace {

Json::Value valid_registration() {
    return *cv::json::parse(
        R"({"username": "ada.l_1-x", "password": "12345678", "email": "ada@example.org",
            "first_name": "Ada", "last_name": "Lovelace", "phone_number": "+44 (0)20 7946.0958"})");
}

// The field a refusal names (its message starts with it), or "" when the body is accepted.
std::string rejected_field(const Json::Value& body, Require require = Require::all) {
    try {
        read_account_fields(body, require);
    } catch (const cv::Failure& refused) {
        BOOST_TEST((refused.kind() == cv::FailureKind::invalid_input));
        std::string message = refused.what();
        return message.substr(0, message.find(' '));
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(field_rules)

BOOST_AUTO_TEST_CASE(username_rule_and_boundaries) {
    BOOST_TEST(!check_username("abc"));
    BOOST_TEST(!check_username(std::string(50, 'a')));
    BOOST_TEST(!check_username("A.b_c-9"));
    BOOST_TEST(check_username("ab").has_value());
    BOOST_TEST(check_username(std::string(51, 'a')).has_value());
    BOOST_TEST(check_username("with space").has_value());
    BOOST_TEST(check_username("émile").has_value());
    BOOST_TEST(check_username("semi;colon").has_value());
    BOOST_TEST(check_username(std::string("nul\0x", 5)).has_value());
}

BOOST_AUTO_TEST_CASE(password_rule_counts_bytes) {
    BOOST_TEST(!check_password("12345678"));
    BOOST_TEST(!check_password(std::string(1024, 'p')));
    BOOST_TEST(check_password("1234567").has_value());
    BOOST_TEST(check_password(std::string(1025, 'p')).has_value());
    BOOST_TEST(!check_password("éééé"));  // 8 bytes, 4 characters
}

BOOST_AUTO_TEST_CASE(email_shapes) {
    BOOST_TEST(!check_email("a@b.co"));
    BOOST_TEST(!check_email("Mixed.Case+tag@sub.example.org"));
    BOOST_TEST(!check_email("zoë@exämple.fr"));
    for (const char* bad : {"", "plain", "@example.org", "a@", "a@b", "a@.org", "a@b.", "a b@c.de",
                            "a@b@c.de", "a@b..c", "tab\t@x.org"}) {
        BOOST_TEST(check_email(bad).has_value(), bad);
    }
    std::string local(64, 'a');
    std::string at_limit = local + "@" + std::string(254 - 64 - 5, 'b') + ".org";
    BOOST_TEST(at_limit.size() == 254u);
    BOOST_TEST(!check_email(at_limit));
    BOOST_TEST(check_email("a" + at_limit).has_value());
}

BOOST_AUTO_TEST_CASE(names_count_code_points_and_refuse_controls) {
    BOOST_TEST(!check_name("first_name", "A"));
    BOOST_TEST(!check_name("first_name", std::string(50, 'x')));
    std::string fifty_cjk;
    for (int i = 0; i < 50; ++i) fifty_cjk += "李";
    BOOST_TEST(!check_name("first_name", fifty_cjk));
    BOOST_TEST(check_name("first_name", fifty_cjk + "李").has_value());
    BOOST_TEST(check_name("first_name", "").has_value());
    BOOST_TEST(check_name("first_name", "line\nbreak").has_value());
    BOOST_TEST(check_name("first_name", "del\x7f").has_value());
    BOOST_TEST(check_name("first_name", "c1\xc2\x85").has_value());
    BOOST_TEST(check_name("first_name", "bad\xff").has_value());
    BOOST_TEST(*check_name("last_name", "") ==
               "last_name must be 1 to 50 characters, without control characters");
}

BOOST_AUTO_TEST_CASE(phone_rule) {
    BOOST_TEST(!check_phone("123456"));
    BOOST_TEST(!check_phone("+33 (0)1-23.45"));
    BOOST_TEST(check_phone("12345").has_value());
    BOOST_TEST(check_phone("+-() .12345").has_value());  // only 5 digits
    BOOST_TEST(check_phone(std::string(21, '1')).has_value());
    BOOST_TEST(check_phone("12345a").has_value());
}

BOOST_AUTO_TEST_CASE(registration_requires_every_field_but_the_phone) {
    BOOST_TEST(rejected_field(valid_registration()) == "");
    for (const char* field : {"username", "password", "email", "first_name", "last_name"}) {
        auto body = valid_registration();
        body.removeMember(field);
        BOOST_TEST(rejected_field(body) == field);
        BOOST_TEST(rejected_field(body, Require::any_subset) == "");
    }
    auto no_phone = valid_registration();
    no_phone.removeMember("phone_number");
    BOOST_TEST(rejected_field(no_phone) == "");
    auto null_phone = valid_registration();
    null_phone["phone_number"] = Json::Value();
    auto read = read_account_fields(null_phone, Require::all);
    BOOST_TEST(read.phone_given);
    BOOST_TEST(!read.phone_number.has_value());
}

BOOST_AUTO_TEST_CASE(wrong_types_are_refused) {
    for (const char* field :
         {"username", "password", "email", "first_name", "last_name", "phone_number"}) {
        for (const Json::Value& wrong :
             {Json::Value(1), Json::Value(true), Json::Value(Json::arrayValue),
              Json::Value(Json::objectValue), Json::Value(1.5)}) {
            auto body = valid_registration();
            body[field] = wrong;
            BOOST_TEST(rejected_field(body) == field);
        }
    }
    BOOST_TEST(rejected_field(Json::Value(Json::arrayValue)) == "The");  // "The body must be…"
}

BOOST_AUTO_TEST_CASE(camel_case_aliases) {
    auto body = valid_registration();
    body.removeMember("first_name");
    body.removeMember("last_name");
    body["firstName"] = "Grace";
    body["lastName"] = "Hopper";
    auto read = read_account_fields(body, Require::all);
    BOOST_TEST(*read.first_name == "Grace");
    BOOST_TEST(*read.last_name == "Hopper");
}

BOOST_AUTO_TEST_CASE(uuids) {
    BOOST_TEST(is_uuid("17f89af1-c5d6-4612-bdfe-aea0bed0d849"));
    BOOST_TEST(!is_uuid("undefined"));
    BOOST_TEST(!is_uuid("17f89af1c5d64612bdfeaea0bed0d849"));
    BOOST_TEST(!is_uuid("17f89af1-c5d6-4612-bdfe-aea0bed0d84g"));
    BOOST_TEST(!is_uuid("' OR 1=1 --"));
}

BOOST_AUTO_TEST_SUITE_END()
