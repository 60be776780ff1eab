#pragma once
// The one place where a failure becomes the contract's answer: a Failure thrown by any layer
// maps to its status and message; anything else is a 500 whose details go to the log only.
#include <exception>
#include <string_view>

#include "fcgi/response.hpp"

namespace cv::handlers {

fcgi::Response answer_failure(std::exception_ptr failure, std::string_view request_id) noexcept;

}  // namespace cv::handlers
