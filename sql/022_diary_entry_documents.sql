-- Each entry's JSON, kept ready with the entry, as each watchlist item's is: a journal page
-- of 50 built from the rows costs PostgreSQL about 2.6 ms (the builder, which formats dates,
-- runs once a row), joining 50 ready objects about 0.2 ms (docs/benchmarks.md), and a
-- journal is read far more often than written.
ALTER FUNCTION diary_entry_json(diary_entries) STABLE;  -- to_char is: honest, and inlined

ALTER TABLE diary_entries ADD COLUMN entry text;
CREATE FUNCTION diary_entries_entry() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.entry := diary_entry_json(NEW)::text;
    RETURN NEW;
END
$$;
CREATE TRIGGER diary_entries_entry BEFORE INSERT OR UPDATE ON diary_entries
    FOR EACH ROW EXECUTE FUNCTION diary_entries_entry();
UPDATE diary_entries SET entry = NULL;  -- the trigger writes it
ALTER TABLE diary_entries ALTER COLUMN entry SET NOT NULL;

