-- Background work (jobs/): one table, claimed with FOR UPDATE SKIP LOCKED, in the manner of
-- river, Oban and pg-boss. A job is queued, then running under a lease its worker renews;
-- done, or back to retrying with a backoff when it fails, or dead with its last error once
-- its attempts are spent. A job whose worker died is taken again when its lease runs out.
CREATE TABLE jobs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text NOT NULL,
    -- At most one job a key is queued, retrying or running at a time (jobs_unique_live):
    -- a periodic job enqueued while the last one still runs is not queued twice.
    unique_key   text,
    payload      jsonb NOT NULL DEFAULT '{}',
    state        text NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'retrying', 'done', 'dead')),
    attempts     integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    run_at       timestamptz NOT NULL DEFAULT now(),  -- not taken before
    locked_by    text,                                -- host:pid of the worker running it
    lease_until  timestamptz,                         -- taken again after this
    -- The job's own record of where it is: kept across attempts, so a job taken again
    -- resumes where it stopped.
    progress     jsonb,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE UNIQUE INDEX jobs_unique_live ON jobs (unique_key)
    WHERE state IN ('queued', 'running', 'retrying');
-- What a worker claims next: the oldest due.
CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE state IN ('queued', 'retrying');
-- Running jobs whose worker stopped renewing the lease.
CREATE INDEX jobs_lease_idx ON jobs (lease_until) WHERE state = 'running';
-- The status page's and the metrics' counts, and the last of each kind.
CREATE INDEX jobs_kind_state_idx ON jobs (kind, state, id);
-- Finished jobs are purged after a while.
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state IN ('done', 'dead');
