-- One row per clip run; the workflow publishes its snapshot here at every transition.
create table clip_runs (
    id                 text primary key,
    project_id         text        not null references projects (id) on delete cascade,
    asset_id           text        not null references assets (id) on delete cascade,
    status             text        not null,
    next_action        text        not null,
    state_version      bigint      not null default 0,
    spec               jsonb       not null,  -- the request with defaults applied
    snapshot           jsonb,                 -- the latest published snapshot
    progress           jsonb,                 -- finer progress a running stage reports between snapshots
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index clip_runs_project_idx on clip_runs (project_id, created_at desc);
create index clip_runs_status_idx on clip_runs (status);
create index clip_runs_asset_idx on clip_runs (asset_id);

-- Finished exports; the id derives from what the export contains, so a repeat names the same row.
create table exports (
    id          text primary key,
    clip_id     text        not null references clip_runs (id) on delete cascade,
    project_id  text        not null references projects (id) on delete cascade,
    quality     text        not null,
    object_key  text        not null,
    size_bytes  bigint      not null,
    duration_seconds double precision not null,
    created_at  timestamptz not null default now()
);
create index exports_clip_idx on exports (clip_id);

-- Idempotency-Key of creating POSTs: the key claims the id of what it created.
create table idempotency_keys (
    scope         text        not null,
    key           text        not null,
    request_hash  text        not null,
    resource_id   text        not null,
    created_at    timestamptz not null default now(),
    primary key (scope, key)
);
