#include <sodium.h>

#include <boost/test/unit_test.hpp>
#include <set>

#include "accounts/passwords.hpp"
#include "accounts/tokens.hpp"

using namespace cv::accounts;

namespace {
struct Sodium {
    Sodium() { BOOST_REQUIRE(sodium_init() >= 0); }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(tokens_and_passwords, Sodium)

BOOST_AUTO_TEST_CASE(tokens_are_256_bit_base64url_and_unique) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        auto token = new_session_token();
        BOOST_TEST(token.size() == 43u);
        BOOST_TEST(is_well_formed_token(token));
        seen.insert(token);
    }
    BOOST_TEST(seen.size() == 1000u);
    BOOST_TEST(!is_well_formed_token("short"));
    BOOST_TEST(!is_well_formed_token(std::string(43, '=')));
    BOOST_TEST(!is_well_formed_token(std::string(42, 'a') + "+"));
}

BOOST_AUTO_TEST_CASE(token_hash_is_sha256_hex) {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    BOOST_TEST(hash_token("abc") ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(hash_token("abc") != hash_token("abd"));
}

BOOST_AUTO_TEST_CASE(cookie_flags_follow_the_contract) {
    BOOST_TEST(session_cookie("TOKEN", std::chrono::seconds(604800)) ==
               "__Host-session=TOKEN; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=604800");
    BOOST_TEST(expired_session_cookie() ==
               "__Host-session=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0");
}

BOOST_AUTO_TEST_CASE(password_round_trip_and_rehash_decision) {
    PasswordHasher cheap({1, 8 * 1024 * 1024});
    auto hash = cheap.hash("correct horse battery staple");
    BOOST_TEST(hash.rfind("$argon2id$", 0) == 0u);
    BOOST_TEST(cheap.verify(hash, "correct horse battery staple"));
    BOOST_TEST(!cheap.verify(hash, "correct horse battery stapl"));
    BOOST_TEST(!cheap.verify("not a hash", "anything"));
    BOOST_TEST(cheap.hash("same") != cheap.hash("same"));  // salted
    BOOST_TEST(!cheap.needs_rehash(hash));
    PasswordHasher stronger({2, 16 * 1024 * 1024});
    BOOST_TEST(stronger.needs_rehash(hash));
    BOOST_TEST(stronger.verify(hash, "correct horse battery staple"));  // old hashes still verify
    auto defaults = default_password_cost();
    BOOST_TEST(defaults.opslimit == 5u);  // OWASP: m = 7 MiB, t = 5, p = 1
    BOOST_TEST(defaults.memlimit == 7u * 1024 * 1024);
}

BOOST_AUTO_TEST_SUITE_END()
