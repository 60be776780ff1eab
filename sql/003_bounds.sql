-- Bounds on what any client can make us store or do.
-- A password change is limited per account (CINEVERSE_PASSWORD_CHANGE_INTERVAL): the time of
-- the last one is kept with the user.
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

-- A user keeps at most CINEVERSE_SESSION_MAX live sessions; a new one ends the least
-- recently used, found through this index.
DROP INDEX sessions_user_id_idx;
CREATE INDEX sessions_user_last_seen_idx ON sessions (user_id, last_seen_at);

-- Cache rows nobody asked for within the stale limit are purged; the purge finds them here.
CREATE INDEX catalogue_cache_fetched_at_idx ON catalogue_cache (fetched_at);
