#pragma once
// What the routes answering from the catalogue cache share: how a page of results and a
// language are asked for, how the cache is waited on, and how its answer becomes the
// route's (a shared one: Cache-Control follows from the row and the answer's max_age).
#include <string>

#include "catalogue/cache.hpp"
#include "handlers/http.hpp"

namespace cv::handlers {

// `page`: 1 to 500, 1 when absent or empty; 400 otherwise.
long requested_page(const Request& request);
// `language`: one of the configured languages, the first when absent or empty; 400 otherwise.
// The cache keys are then bounded by routes x pages x languages, whatever clients send.
std::string requested_language(const WorkerContext& ctx, const Request& request);

// How this request waits on the cache: the transport is told before a long wait, and TMDB
// is given no more than what is left of the request's time.
catalogue::Patience patience_of(const Request& request);

// A list or search answer: 200 with the kept body, whatever TMDB did.
Response shared_answer(catalogue::CatalogueAnswer answer);
// A page (film, series, person…): 404 for an id TMDB does not know (remembered, and kept by
// nginx like the page), 503 "Catalogue unavailable" when TMDB fails with nothing kept.
Response page_answer(catalogue::CatalogueAnswer answer);

}  // namespace cv::handlers
