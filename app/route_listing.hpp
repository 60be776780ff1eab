#pragma once
// `cineverse-api routes [--json]`: the route table and its traits, for people (text) and
// for the tools generated from it (JSON: scripts/render-nginx, scripts/bench, scripts/chaos,
// the SPA's home rows, docs/api.md).
#include <string>

namespace cv {

std::string routes_as_text();
std::string routes_as_json();

}  // namespace cv
