-- Per-asset artifacts (transcripts, suggestions, visual analysis) are computed once: the first worker
-- to claim an artifact's key computes it, the others wait for its object; a lease expires if its owner dies.
create table artifact_leases (
    key        text primary key,
    owner      text        not null,
    expires_at timestamptz not null
);
