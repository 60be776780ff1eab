#include "accounts/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

namespace cv::accounts {

// OWASP's Argon2id baseline (19 MiB, 2 passes): about 50 ms here, and small enough that a
// pool of workers hashing at once stays within a small VPS's memory.
PasswordCost default_password_cost() {
    return {2, std::size_t{19} * 1024 * 1024};
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
