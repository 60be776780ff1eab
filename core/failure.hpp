#pragma once
// The one way any layer says "this request cannot be served": throw a Failure naming what
// went wrong in the contract's terms, with the contract's message. handlers/answers.cpp is
// the one place that turns a Failure (or anything else thrown) into the HTTP answer.
#include <algorithm>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cv {

enum class FailureKind {
    invalid_input,           // 400: a field, a parameter or the body breaks its rule
    unauthenticated,         // 401
    forbidden,               // 403
    not_found,               // 404
    method_not_allowed,      // 405 (with Allow)
    conflict,                // 409
    payload_too_large,       // 413
    unsupported_media_type,  // 415
    rate_limited,            // 429
    unavailable,             // 503: a dependency cannot be reached (with Retry-After)
    timed_out,               // 503: the request ran out of time and changed nothing
};

class Failure : public std::runtime_error {
  public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    Failure(FailureKind kind, const std::string& message, Headers headers = {})
        : std::runtime_error(message), kind_(kind), headers_(std::move(headers)) {}

    static Failure invalid_input(const std::string& message) {
        return {FailureKind::invalid_input, message};
    }
    static Failure unauthenticated(const std::string& message) {
        return {FailureKind::unauthenticated, message};
    }
    static Failure forbidden(const std::string& message) {
        return {FailureKind::forbidden, message};
    }
    static Failure not_found(const std::string& message = "Not found") {
        return {FailureKind::not_found, message};
    }
    static Failure conflict(const std::string& message) { return {FailureKind::conflict, message}; }
    // 429, with when to try again (the contract: every 429 carries Retry-After).
    static Failure too_many_requests(std::chrono::seconds retry_after) {
        return {FailureKind::rate_limited,
                "Too many requests",
                {{"Retry-After", std::to_string(std::max<long long>(1, retry_after.count()))}}};
    }

    FailureKind kind() const { return kind_; }
    // Headers the answer carries besides the body (Allow, Retry-After).
    const Headers& headers() const { return headers_; }

    // A refusal that is the same for everyone for a while (an id TMDB does not know): a
    // shared cache may keep it that long, where the route's answers are shared.
    Failure&& kept_for(std::chrono::seconds lifetime) && {
        kept_for_ = lifetime;
        return std::move(*this);
    }
    std::optional<std::chrono::seconds> kept_for() const { return kept_for_; }

  private:
    FailureKind kind_;
    Headers headers_;
    std::optional<std::chrono::seconds> kept_for_;
};

}  // namespace cv
