#pragma once
// Argon2id through libsodium's crypto_pwhash_str. The cost is configuration; hashes made
// with an older cost are upgraded at the next successful login.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/timings.hpp"

namespace cv::accounts {

struct PasswordCost {
    unsigned long long opslimit;
    std::size_t memlimit;  // bytes
};

PasswordCost default_password_cost();  // Argon2id, 7 MiB, 5 passes

class PasswordHasher {
  public:
    // `timings`: where the time spent hashing is counted (the slow log), if anywhere.
    explicit PasswordHasher(PasswordCost cost, Timings* timings = nullptr)
        : cost_(cost), timings_(timings) {}
    std::string hash(std::string_view password) const;  // throws std::bad_alloc-like on OOM
    bool verify(const std::string& stored_hash, std::string_view password) const;
    bool needs_rehash(const std::string& stored_hash) const;

  private:
    PasswordCost cost_;
    Timings* timings_;
};

}  // namespace cv::accounts
