-- "Ma liste": the films and series a user keeps. The title, poster and date are a snapshot
-- of the page when the item was added (from the cache, never from the client). One row an
-- item whatever the number of concurrent adds; the user's rows go with the user.
CREATE TABLE watchlist_items (
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    media_type   text NOT NULL CHECK (media_type IN ('movie', 'tv')),
    tmdb_id      integer NOT NULL CHECK (tmdb_id > 0),
    title        text NOT NULL,
    poster_path  text,
    release_date text,
    added_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (user_id, media_type, tmdb_id)
);
-- A user's list, newest first.
CREATE INDEX watchlist_items_newest_idx ON watchlist_items (user_id, added_at DESC);
