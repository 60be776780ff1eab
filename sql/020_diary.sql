-- The diary: what a user has seen, when, what they thought of it. A title may have many
-- entries (rewatches). The title's name, poster, date and genres are a snapshot of its page
-- (through the cache, never from the client), as for the watchlist. A rating is kept in half
-- stars (1 = ½ ★ … 10 = ★★★★★). Everything goes with the user.
CREATE TABLE diary_entries (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    media_type   text NOT NULL CHECK (media_type IN ('movie', 'tv')),
    tmdb_id      integer NOT NULL CHECK (tmdb_id > 0),
    title        text NOT NULL,
    poster_path  text,
    release_date text,
    genre_ids    integer[] NOT NULL DEFAULT '{}',
    watched_on   date NOT NULL,
    rating_halves smallint CHECK (rating_halves BETWEEN 1 AND 10),
    review       text CHECK (char_length(review) BETWEEN 1 AND 5000),
    rewatch      boolean NOT NULL DEFAULT false,
    public       boolean NOT NULL DEFAULT false,
    -- An imported row's own identity (its file and line's content): importing twice adds
    -- nothing.
    import_key   text,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    reviewed_at  timestamptz,
    UNIQUE (user_id, import_key)
);
-- A user's journal, newest viewing first.
CREATE INDEX diary_entries_journal_idx ON diary_entries (user_id, watched_on DESC, created_at DESC);
-- A user's entries for one title.
CREATE INDEX diary_entries_user_title_idx ON diary_entries (user_id, media_type, tmdb_id);
-- A title's public ratings and reviews.
CREATE INDEX diary_entries_public_title_idx ON diary_entries (media_type, tmdb_id, created_at DESC)
    WHERE public;
-- Reviews written by a user lately (the per-account limit).
CREATE INDEX diary_entries_reviewed_idx ON diary_entries (user_id, reviewed_at)
    WHERE reviewed_at IS NOT NULL;

-- An import of a Letterboxd export: its rows, and how far the background job got. One import
-- runs at a time for a user (a partial unique index); the rows are the job's whole state, so
-- a job taken again after a worker died goes on where it stopped.
CREATE TABLE imports (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source      text NOT NULL,
    state       text NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'running', 'done', 'failed')),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    error       text
);
CREATE UNIQUE INDEX imports_one_running_idx ON imports (user_id) WHERE state IN ('queued', 'running');
CREATE INDEX imports_user_idx ON imports (user_id, created_at DESC);

CREATE TABLE import_rows (
    import_id  uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('viewing', 'watchlist')),
    name       text NOT NULL,
    year       integer,
    watched_on date,
    rating_halves smallint CHECK (rating_halves BETWEEN 1 AND 10),
    rewatch    boolean NOT NULL DEFAULT false,
    review     text,
    row_key    text NOT NULL,
    status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'matched', 'unmatched')),
    media_type text,
    tmdb_id    integer,
    PRIMARY KEY (import_id, position)
);
CREATE INDEX import_rows_pending_idx ON import_rows (import_id, position) WHERE status = 'pending';

-- A rating as the contract spells it: 3.5, 4, or null.
CREATE FUNCTION diary_rating_json(halves smallint) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN halves IS NULL THEN NULL
                WHEN halves % 2 = 0 THEN to_json(halves / 2)
                ELSE to_json(trim_scale(halves / 2.0)) END
$$;

-- An entry as the contract spells it.
CREATE FUNCTION diary_entry_json(e diary_entries) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
    SELECT json_build_object(
        'entry_id', e.id, 'media_type', e.media_type, 'id', e.tmdb_id, 'title', e.title,
        'poster_path', e.poster_path, 'release_date', e.release_date,
        'watched_on', to_char(e.watched_on, 'YYYY-MM-DD'),
        'rating', diary_rating_json(e.rating_halves),
        'review', e.review, 'rewatch', e.rewatch, 'public', e.public,
        'genre_ids', to_json(e.genre_ids),
        'created_at', to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'updated_at', to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
$$;
