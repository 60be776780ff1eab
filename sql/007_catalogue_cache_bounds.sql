-- The catalogue cache is bounded whatever anonymous visitors ask for (contract, Amendments):
-- past CINEVERSE_CACHE_MAX_ROWS the least recently used rows go, found through `used_at`;
-- a row past `stale_until` (its kind's stale limit after it was fetched: shorter for
-- searches) can no longer be served and is purged.
ALTER TABLE catalogue_cache ADD COLUMN used_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE catalogue_cache ADD COLUMN stale_until timestamptz NOT NULL DEFAULT '-infinity';
UPDATE catalogue_cache SET stale_until = fetched_at + interval '7 days' WHERE fetched_at IS NOT NULL;
CREATE INDEX catalogue_cache_used_at_idx ON catalogue_cache (used_at);
DROP INDEX catalogue_cache_fetched_at_idx;
CREATE INDEX catalogue_cache_stale_until_idx ON catalogue_cache (stale_until);
