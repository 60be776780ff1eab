-- Only in the later package tests/system/run builds to test an upgrade (scripts/package
-- --extra-migration): an additive migration, as a release's are, which nothing in the service
-- uses. The upgrade test checks it is applied, and that the service's role may write the
-- table (default privileges) but not drop it.
CREATE TABLE system_test_upgrade (checked_at timestamptz NOT NULL DEFAULT now());
