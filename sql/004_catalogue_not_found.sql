-- An id TMDB does not know is remembered for a while (CINEVERSE_CACHE_NOT_FOUND_TTL), so a
-- flood of unknown ids does not become a flood of TMDB calls.
ALTER TABLE catalogue_cache ADD COLUMN not_found boolean NOT NULL DEFAULT false;
