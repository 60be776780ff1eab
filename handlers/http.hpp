#pragma once
// HTTP helpers shared by the handlers: the contract's cross-site rules, JSON bodies, the
// session cookie.
#include <json/json.h>

#include <optional>
#include <string>
#include <variant>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/context.hpp"

namespace cv::handlers {

using fcgi::Request;
using fcgi::Response;

// POST/PATCH: 415 unless the body is declared JSON; 403 for a foreign Origin.
std::optional<Response> cross_site_guard(WorkerContext& ctx, const Request& request);

// The body as a JSON object, or the 400 to answer.
std::variant<Json::Value, Response> json_object_body(const Request& request);

std::optional<std::string> session_token(const Request& request);

}  // namespace cv::handlers
