#pragma once
// HTTP helpers shared by the handlers: the contract's cross-site rules, JSON bodies, the
// session cookie. Each refuses a request by throwing a Failure (handlers/answers.cpp).
#include <json/json.h>

#include <optional>
#include <string>
#include <vector>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/context.hpp"

namespace cv::handlers {

using fcgi::Request;
using fcgi::Response;

// Methods that change something: 415 unless a body they carry is declared JSON, or one of
// `body_types` for a route that takes an upload (POST and PATCH always carry one); 403 for
// an Origin that is not one of ours. Neither type is one a cross-site form can send without
// a preflight.
void cross_site_guard(WorkerContext& ctx, const Request& request,
                      const std::vector<std::string>& body_types = {});

// One reading of a query string (contract, Amendments): a parameter the route reads may
// appear once, spelled exactly so (not `QUERY=`, not `%71uery=`), or the request is
// refused, 400 "Invalid query parameter". nginx passes a shared route only the values its
// cache key holds, so there this never refuses anything; it holds for whoever else talks
// to the pool (the multi-host TCP ports, tools).
void read_query_once(const Request& request, const std::vector<std::string>& reads);

// Operators' routes (/status, /metrics) answer a client on this host only: nginx already
// refuses others, and the worker checks again rather than trust whatever reached its socket.
void require_loopback(const Request& request);

// The body as a JSON object whose every string is valid UTF-8 text; 400 otherwise.
Json::Value json_object_body(const Request& request);
// A string member of a body; 400 "<name> must be a string" otherwise.
std::string required_string(const Json::Value& body, const char* name);

// The session cookie's token, when the request carries one. Two of them cannot both be
// genuine and neither can be told from the other: 400 "Ambiguous session cookie".
std::optional<std::string> session_token(const Request& request);
// Every session token the request carries (a logout closes each one it names).
std::vector<std::string> session_tokens(const Request& request);

// The id of the live session's user; the contract's 401 "User not authenticated" without one.
std::string signed_in_user_id(WorkerContext& ctx, const Request& request);

}  // namespace cv::handlers
