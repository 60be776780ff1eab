-- TMDB answers shared by all workers and kept across restarts. `body` is the JSON array of
-- the last good answer (NULL until one arrives); `fresh_until` says when to ask TMDB again;
-- `retry_at` holds upstream calls back after a failure or a 429 Retry-After.
CREATE TABLE catalogue_cache (
    key         text PRIMARY KEY,
    body        text,
    fetched_at  timestamptz,
    fresh_until timestamptz NOT NULL DEFAULT '-infinity',
    retry_at    timestamptz NOT NULL DEFAULT '-infinity',
    last_error  text
);
