#pragma once
#include "fcgi/router.hpp"
#include "handlers/context.hpp"

namespace cv::handlers {

using Router = fcgi::Router<WorkerContext>;

// The whole HTTP surface of the service (contract.md), in one table.
Router build_router();

}  // namespace cv::handlers
