#pragma once
// Handler functions: a request and the worker's context in, a response out. They read as
// the happy path: a refusal is a Failure thrown (handlers/answers.cpp answers it).
#include "catalogue/lists.hpp"
#include "handlers/http.hpp"

namespace cv::handlers {

Response health(WorkerContext& ctx, const Request& request);
Response metrics(WorkerContext& ctx, const Request& request);
Response pool_status(WorkerContext& ctx, const Request& request);

Response register_user(WorkerContext& ctx, const Request& request);
Response login(WorkerContext& ctx, const Request& request);
Response logout(WorkerContext& ctx, const Request& request);
Response me(WorkerContext& ctx, const Request& request);
Response session(WorkerContext& ctx, const Request& request);
Response user_info(WorkerContext& ctx, const Request& request);
Response modify(WorkerContext& ctx, const Request& request);
Response users_connected(WorkerContext& ctx, const Request& request);

Response catalogue_list(WorkerContext& ctx, const Request& request,
                        const catalogue::CatalogueList& list);

Response delete_account(WorkerContext& ctx, const Request& request);

Response watchlist_items(WorkerContext& ctx, const Request& request);
Response watchlist_add(WorkerContext& ctx, const Request& request);
Response watchlist_remove(WorkerContext& ctx, const Request& request);

Response now_playing(WorkerContext& ctx, const Request& request);
Response upcoming(WorkerContext& ctx, const Request& request);

Response diary_add(WorkerContext& ctx, const Request& request);
Response diary_update(WorkerContext& ctx, const Request& request);
Response diary_remove(WorkerContext& ctx, const Request& request);
Response diary_journal(WorkerContext& ctx, const Request& request);
Response diary_of_title(WorkerContext& ctx, const Request& request);
Response diary_seen(WorkerContext& ctx, const Request& request);
Response diary_summary(WorkerContext& ctx, const Request& request);
Response title_reviews(WorkerContext& ctx, const Request& request);
Response export_letterboxd(WorkerContext& ctx, const Request& request);
Response export_everything(WorkerContext& ctx, const Request& request);
Response import_letterboxd(WorkerContext& ctx, const Request& request);
Response import_status(WorkerContext& ctx, const Request& request);
Response import_resolve(WorkerContext& ctx, const Request& request);

Response film_document(WorkerContext& ctx, const Request& request);
Response series_document(WorkerContext& ctx, const Request& request);
Response person_document(WorkerContext& ctx, const Request& request);
Response saga_document(WorkerContext& ctx, const Request& request);
Response robots(WorkerContext& ctx, const Request& request);
Response sitemap(WorkerContext& ctx, const Request& request);

Response my_providers(WorkerContext& ctx, const Request& request);
Response save_my_providers(WorkerContext& ctx, const Request& request);
Response my_news(WorkerContext& ctx, const Request& request);
Response mark_news_read(WorkerContext& ctx, const Request& request);
Response my_advice(WorkerContext& ctx, const Request& request);
Response new_news_feed(WorkerContext& ctx, const Request& request);
Response revoke_news_feed(WorkerContext& ctx, const Request& request);
Response news_feed(WorkerContext& ctx, const Request& request);

Response search(WorkerContext& ctx, const Request& request);
Response discover(WorkerContext& ctx, const Request& request);
Response person_page(WorkerContext& ctx, const Request& request);
Response collection_page(WorkerContext& ctx, const Request& request);
Response providers(WorkerContext& ctx, const Request& request);
Response movie_page(WorkerContext& ctx, const Request& request);
Response tv_page(WorkerContext& ctx, const Request& request);
Response image_config(WorkerContext& ctx, const Request& request);

}  // namespace cv::handlers
