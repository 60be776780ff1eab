#include "handlers/answers.hpp"

#include <soci/soci.h>

#include "core/failure.hpp"
#include "core/log.hpp"
#include "db/database.hpp"

namespace cv::handlers {
namespace {

int status_of(FailureKind kind) {
    switch (kind) {
        case FailureKind::invalid_input:
            return 400;
        case FailureKind::unauthenticated:
            return 401;
        case FailureKind::forbidden:
            return 403;
        case FailureKind::not_found:
            return 404;
        case FailureKind::method_not_allowed:
            return 405;
        case FailureKind::conflict:
            return 409;
        case FailureKind::payload_too_large:
            return 413;
        case FailureKind::unsupported_media_type:
            return 415;
        case FailureKind::rate_limited:
            return 429;
        case FailureKind::unavailable:
        case FailureKind::timed_out:
            return 503;
    }
    return 500;
}

fcgi::Response internal_error() {
    return fcgi::error(500, "Internal server error");
}

}  // namespace

fcgi::Response answer_failure(std::exception_ptr failure, std::string_view request_id) noexcept {
    try {
        try {
            std::rethrow_exception(std::move(failure));
        } catch (const Failure& refused) {
            auto response = fcgi::error(status_of(refused.kind()), refused.what());
            for (const auto& [name, value] : refused.headers()) response.with_header(name, value);
            response.keep_for = refused.kept_for();
            return response;
        } catch (const soci::soci_error& e) {
            // get_error_message() leaves out SOCI's context, which quotes the bound values.
            log::error("database_error", {{"rid", request_id},
                                          {"sqlstate", db::sqlstate(e)},
                                          {"what", e.get_error_message()}});
        } catch (const std::exception& e) {
            log::error("handler_exception", {{"rid", request_id}, {"what", e.what()}});
        } catch (...) {
            log::error("handler_exception", {{"rid", request_id}, {"what", "unknown"}});
        }
        return internal_error();
    } catch (...) {  // out of memory while answering: the smallest answer there is
        return fcgi::Response{
            500, "application/json; charset=utf-8", {}, R"({"error":"Internal server error"})", {}};
    }
}

}  // namespace cv::handlers
