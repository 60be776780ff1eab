#include "accounts/tokens.hpp"

#include <sodium.h>

namespace cv::accounts {

namespace {
constexpr size_t kTokenBytes = 32;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}  // namespace

std::string new_session_token() {
    unsigned char bytes[kTokenBytes];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(kTokenBytes, kBase64Variant)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kBase64Variant);
    sodium_memzero(bytes, sizeof bytes);
    return text;
}

bool is_well_formed_token(std::string_view token) {
    if (token.size() != sodium_base64_ENCODED_LEN(kTokenBytes, kBase64Variant) - 1) return false;
    for (char c : token) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string hash_token(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string session_cookie(std::string_view token, std::chrono::seconds max_age) {
    return std::string(kSessionCookie) + "=" + std::string(token) +
           "; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=" + std::to_string(max_age.count());
}

std::string expired_session_cookie() {
    return std::string(kSessionCookie) + "=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0";
}

}  // namespace cv::accounts
