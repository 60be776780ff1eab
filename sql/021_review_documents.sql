-- A title's public reviews as the contract spells them: the average of each member's latest
-- public rating, their count, and a page of public reviews, newest first, with their authors.
CREATE FUNCTION review_document(kind text, title_id integer, page_offset integer) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH rated AS (
        SELECT DISTINCT ON (user_id) rating_halves FROM diary_entries
        WHERE media_type = kind AND tmdb_id = title_id AND public AND rating_halves IS NOT NULL
        ORDER BY user_id, watched_on DESC, created_at DESC),
    shown AS (
        SELECT d.*, u.username FROM diary_entries d JOIN users u ON u.id = d.user_id
        WHERE d.media_type = kind AND d.tmdb_id = title_id AND d.public AND d.review IS NOT NULL
        ORDER BY d.reviewed_at DESC, d.id LIMIT 20 OFFSET page_offset)
    SELECT json_build_object(
        'average', (SELECT trim_scale(round(avg(rating_halves) / 2.0, 2)) FROM rated),
        'ratings', (SELECT count(*) FROM rated),
        'reviews', COALESCE((SELECT json_agg(json_build_object(
                        'author', username, 'rating', diary_rating_json(rating_halves),
                        'review', review, 'watched_on', to_char(watched_on, 'YYYY-MM-DD'),
                        'at', to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                    ORDER BY reviewed_at DESC, id) FROM shown), '[]'))::text
$$;

-- Its first page, kept ready for every title someone has an entry for (and only those: no
-- row means nobody has written anything about the title). A film page asks for it at each
-- visit; building it costs an aggregate over the title's entries and a join, reading it one
-- indexed row (docs/benchmarks.md), and entries change far less often than pages are read.
CREATE TABLE review_documents (
    media_type text NOT NULL,
    tmdb_id    integer NOT NULL,
    first_page text NOT NULL,
    PRIMARY KEY (media_type, tmdb_id)
);

-- Rewrites the documents of the titles named, in the caller's transaction. Each document's
-- row is created if missing and locked first, in one order, and the document built by a later
-- statement: a concurrent change to the same title has then committed, and that statement's
-- snapshot sees it (two ratings posted at once are both counted). A title left with no entry
-- loses its document.
CREATE FUNCTION review_documents_refresh(kinds text[], title_ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO review_documents (media_type, tmdb_id, first_page)
        SELECT DISTINCT kind, title_id, '' FROM unnest(kinds, title_ids) AS t (kind, title_id)
        ORDER BY kind, title_id
    ON CONFLICT DO NOTHING;
    PERFORM 1 FROM review_documents r
        WHERE (r.media_type, r.tmdb_id) IN (SELECT * FROM unnest(kinds, title_ids))
        ORDER BY r.media_type, r.tmdb_id FOR UPDATE;
    UPDATE review_documents r SET first_page = review_document(r.media_type, r.tmdb_id, 0)
        WHERE (r.media_type, r.tmdb_id) IN (SELECT * FROM unnest(kinds, title_ids));
    DELETE FROM review_documents r
        WHERE (r.media_type, r.tmdb_id) IN (SELECT * FROM unnest(kinds, title_ids))
          AND NOT EXISTS (SELECT 1 FROM diary_entries d
                          WHERE d.media_type = r.media_type AND d.tmdb_id = r.tmdb_id);
END
$$;

CREATE FUNCTION review_documents_after_entries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_documents_refresh(array_agg(media_type), array_agg(tmdb_id))
        FROM (SELECT DISTINCT media_type, tmdb_id FROM changed) t;
    RETURN NULL;
END
$$;

CREATE TRIGGER review_documents_after_insert AFTER INSERT ON diary_entries
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION review_documents_after_entries();
CREATE TRIGGER review_documents_after_update AFTER UPDATE ON diary_entries
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION review_documents_after_entries();
CREATE TRIGGER review_documents_after_delete AFTER DELETE ON diary_entries
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION review_documents_after_entries();

-- A review shows its author's username: renaming oneself rewrites the pages one's public
-- reviews are on.
CREATE FUNCTION review_documents_after_rename() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_documents_refresh(array_agg(media_type), array_agg(tmdb_id))
        FROM (SELECT DISTINCT media_type, tmdb_id FROM diary_entries
              WHERE user_id = NEW.id AND public AND review IS NOT NULL) t;
    RETURN NULL;
END
$$;

CREATE TRIGGER review_documents_after_rename AFTER UPDATE OF username ON users
    FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username)
    EXECUTE FUNCTION review_documents_after_rename();

SELECT review_documents_refresh(array_agg(media_type), array_agg(tmdb_id))
    FROM (SELECT DISTINCT media_type, tmdb_id FROM diary_entries) t;
