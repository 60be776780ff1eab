#pragma once
// Session tokens: 256 random bits, base64url in the cookie, SHA-256 hex in the database.
#include <chrono>
#include <string>
#include <string_view>

namespace cv::accounts {

std::string new_session_token();
std::string hash_token(std::string_view token);  // 64 lower-case hex digits
bool is_well_formed_token(std::string_view token);

// The cookie's name. The __Host- prefix makes browsers refuse it unless it is Secure, has
// Path=/ and no Domain: no sibling subdomain can plant or shadow it.
inline constexpr std::string_view kSessionCookie = "__Host-session";

// `__Host-session=<token>; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=<lifetime>`
std::string session_cookie(std::string_view token, std::chrono::seconds max_age);
std::string expired_session_cookie();

}  // namespace cv::accounts
