#include "accounts/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

namespace cv::accounts {

// One of OWASP's equivalent Argon2id settings (7 MiB, 5 passes). Side by side with the
// baseline (19 MiB, 2 passes) a login costs half the time here (about 50 ms against 95), and
// during a login flood twice as many logins are served while the rest of the site keeps
// its pace: less of the machine's shared cache is swept by each hash (docs/benchmarks.md).
// Hashes made with another setting are redone at the user's next login.
PasswordCost default_password_cost() {
    return {5, std::size_t{7} * 1024 * 1024};
}

std::string PasswordHasher::hash(std::string_view password) const {
    Timed timed(timings_, Timings::Part::hashing);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit) !=
        0) {
        throw std::runtime_error("crypto_pwhash_str failed (out of memory)");
    }
    return out;
}

bool PasswordHasher::verify(const std::string& stored_hash, std::string_view password) const {
    Timed timed(timings_, Timings::Part::hashing);
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(const std::string& stored_hash) const {
    return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), cost_.opslimit, cost_.memlimit) != 0;
}

}  // namespace cv::accounts
