#include "handlers/handlers.hpp"

namespace cv::handlers {

Response health(WorkerContext& ctx, const Request&) {
    Json::Value body(Json::objectValue);
    bool database_ok = ctx.database.ping();
    body["status"] = database_ok ? "ok" : "degraded";
    body["database"] = database_ok ? "ok" : "unreachable";
    return fcgi::json(database_ok ? 200 : 503, body);
}

// Prometheus text format; nginx serves it to loopback only.
Response metrics(WorkerContext& ctx, const Request&) {
    return fcgi::text(200, ctx.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace cv::handlers
