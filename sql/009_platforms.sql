-- "Mes plateformes" (platforms/): the French offers of every title on anyone's watchlist,
-- refreshed by the offers job; what changed, recorded once a change; each user's services,
-- news and private feed. Offers are stored a title, never a user: a user's view is derived.

-- The services seen in titles' French offers (TMDB's, from JustWatch): what a news item and
-- the advice show of one. `subscription`: seen in a title's flatrate offers.
CREATE TABLE streaming_services (
    provider_id      integer PRIMARY KEY CHECK (provider_id > 0),
    name             text NOT NULL,
    logo_path        text,
    display_priority integer NOT NULL DEFAULT 1000,
    subscription     boolean NOT NULL DEFAULT false
);

-- A title's French offers: provider ids by kind of offer, and its French cinema date.
-- `checked_at` NULL: never checked; the job checks the oldest first. `claimed_until`: a run
-- works on the title until then, so that two runs (two hosts) never check it both.
CREATE TABLE title_offers (
    media_type    text NOT NULL CHECK (media_type IN ('movie', 'tv')),
    tmdb_id       integer NOT NULL CHECK (tmdb_id > 0),
    flatrate      integer[] NOT NULL DEFAULT '{}',
    free          integer[] NOT NULL DEFAULT '{}',
    ads           integer[] NOT NULL DEFAULT '{}',
    rent          integer[] NOT NULL DEFAULT '{}',
    buy           integer[] NOT NULL DEFAULT '{}',
    cinema_date   date,
    checked_at    timestamptz,
    claimed_until timestamptz NOT NULL DEFAULT '-infinity',
    -- Where it streams, whatever the service's kind: what a user's "mine" is looked for in.
    streaming     integer[] GENERATED ALWAYS AS (flatrate || free || ads) STORED,
    -- A watchlist item's "where" but its "mine", kept ready as JSON members (written with
    -- the offers, by title_where_json).
    where_json    text NOT NULL DEFAULT '"flatrate":[],"rent":false,"buy":false,"checked_at":null',
    PRIMARY KEY (media_type, tmdb_id)
);
CREATE INDEX title_offers_due_idx ON title_offers (checked_at NULLS FIRST, media_type, tmdb_id);

CREATE FUNCTION title_where_json(flatrate integer[], rent integer[], buy integer[],
                                 checked timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT '"flatrate":' || array_to_json(flatrate)::text
        || ',"rent":' || (cardinality(rent) > 0)::text
        || ',"buy":' || (cardinality(buy) > 0)::text
        || ',"checked_at":' || COALESCE('"' || to_char(checked AT TIME ZONE 'UTC',
                                                       'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"', 'null')
$$;

-- Every title a watchlist gains is followed (checked at the next run); one nobody keeps any
-- more is dropped by the next run.
CREATE FUNCTION title_offers_follow_watchlists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO title_offers (media_type, tmdb_id)
        SELECT DISTINCT media_type, tmdb_id FROM added ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER watchlist_items_follow_titles AFTER INSERT ON watchlist_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION title_offers_follow_watchlists();
INSERT INTO title_offers (media_type, tmdb_id)
    SELECT DISTINCT media_type, tmdb_id FROM watchlist_items;

-- Who keeps a title: the news of a change goes to them (and a title nobody keeps is found).
CREATE INDEX watchlist_items_title_idx ON watchlist_items (media_type, tmdb_id, user_id);

-- The watchlist's answer now carries each title's offers, which change a title at a time for
-- everyone who keeps it: a ready document per user would be rewritten for every keeper at
-- every check. Each item keeps its own JSON object ready instead, and a GET joins them with
-- the titles' ready "where" (platforms/store.cpp).
DROP TRIGGER watchlist_documents_after_insert ON watchlist_items;
DROP TRIGGER watchlist_documents_after_update ON watchlist_items;
DROP TRIGGER watchlist_documents_after_delete ON watchlist_items;
DROP FUNCTION watchlist_documents_refresh();
DROP TABLE watchlist_documents;
DROP FUNCTION watchlist_document(uuid);

ALTER TABLE watchlist_items ADD COLUMN entry text;
CREATE FUNCTION watchlist_items_entry() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.entry := json_build_object(
        'media_type', NEW.media_type, 'id', NEW.tmdb_id, 'title', NEW.title,
        'poster_path', NEW.poster_path, 'release_date', NEW.release_date,
        'added_at', to_char(NEW.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text;
    RETURN NEW;
END
$$;
CREATE TRIGGER watchlist_items_entry BEFORE INSERT OR UPDATE ON watchlist_items
    FOR EACH ROW EXECUTE FUNCTION watchlist_items_entry();
UPDATE watchlist_items SET entry = NULL;  -- the trigger writes it
ALTER TABLE watchlist_items ALTER COLUMN entry SET NOT NULL;

-- A user's services: the provider ids they subscribe to.
CREATE TABLE user_providers (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider_id integer NOT NULL CHECK (provider_id > 0),
    PRIMARY KEY (user_id, provider_id)
);

-- Each change to a title's offers, once: it arrived on a service or left it (streaming:
-- flatrate, free or with ads), opened in French cinemas, became rentable. Title and poster
-- as TMDB gave them when the change was seen.
CREATE TABLE offer_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    media_type  text NOT NULL CHECK (media_type IN ('movie', 'tv')),
    tmdb_id     integer NOT NULL CHECK (tmdb_id > 0),
    kind        text NOT NULL CHECK (kind IN ('arrived', 'left', 'in_cinemas', 'to_rent')),
    provider_id integer,
    title       text NOT NULL,
    poster_path text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offer_changes_at_idx ON offer_changes (at);

-- A user's news: the changes of the titles they kept when the change was seen (arrivals and
-- departures on their own services only), fanned out as the change is recorded. Read newest
-- first by the primary key, and counted unread from the user's mark.
CREATE TABLE user_news (
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    change_id bigint NOT NULL REFERENCES offer_changes (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, change_id)
);
CREATE INDEX user_news_change_idx ON user_news (change_id);
CREATE TABLE news_read (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    up_to   bigint NOT NULL DEFAULT 0
);

-- A user's private Atom feed of their news, named by a random token of which only the hash
-- is kept (as for sessions); a new one replaces (revokes) the old.
CREATE TABLE news_feeds (
    user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
