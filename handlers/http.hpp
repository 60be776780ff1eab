#pragma once
// HTTP helpers shared by the handlers: the contract's cross-site rules, JSON bodies, the
// session cookie. Each refuses a request by throwing a Failure (handlers/answers.cpp).
#include <json/json.h>

#include <optional>
#include <string>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/context.hpp"

namespace cv::handlers {

using fcgi::Request;
using fcgi::Response;

// Methods that change something: 415 unless a body they carry is declared JSON (POST and
// PATCH always carry one); 403 for an Origin that is not one of ours.
void cross_site_guard(WorkerContext& ctx, const Request& request);

// The body as a JSON object; 400 otherwise.
Json::Value json_object_body(const Request& request);
// A string member of a body; 400 "<name> must be a string" otherwise.
std::string required_string(const Json::Value& body, const char* name);

std::optional<std::string> session_token(const Request& request);

// A response that no cache may keep (anything about a user or a session).
Response private_json(int status, const Json::Value& body);
// The same for a body already serialised (by PostgreSQL, say).
Response private_raw_json(int status, std::string body);

}  // namespace cv::handlers
