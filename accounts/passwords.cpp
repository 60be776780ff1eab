#include "accounts/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

namespace cv::accounts {

PasswordCost default_password_cost() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

std::string PasswordHasher::hash(std::string_view password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit) != 0) {
        throw std::runtime_error("crypto_pwhash_str failed (out of memory)");
    }
    return out;
}

bool PasswordHasher::verify(const std::string& stored_hash, std::string_view password) const {
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(const std::string& stored_hash) const {
    return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), cost_.opslimit, cost_.memlimit) != 0;
}

}  // namespace cv::accounts
