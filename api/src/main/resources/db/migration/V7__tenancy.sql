-- Organisations own everything; rows made before tenancy belong to the default organisation, which the
-- first admin key is created in.
create table organisations (
    id         text primary key,
    name       text        not null,
    limits     jsonb       not null default '{}'::jsonb,  -- overrides of clipforge.limits.* for this organisation
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
insert into organisations (id, name) values ('org_default', 'Default organisation');

-- Bearer keys: only a SHA-256 of the key is kept; the prefix (shown in lists) finds the row.
create table api_keys (
    id              text primary key,
    organisation_id text        not null references organisations (id) on delete cascade,
    name            text        not null,
    prefix          text        not null unique,
    key_hash        text        not null,
    role            text        not null,  -- admin | owner | member
    created_by      text,
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
create index api_keys_org_idx on api_keys (organisation_id, created_at desc);

alter table projects add column organisation_id text not null default 'org_default' references organisations (id) on delete cascade;
alter table assets add column organisation_id text not null default 'org_default' references organisations (id) on delete cascade;
alter table clip_runs add column organisation_id text not null default 'org_default' references organisations (id) on delete cascade;
alter table exports add column organisation_id text not null default 'org_default' references organisations (id) on delete cascade;
alter table caption_themes add column organisation_id text not null default 'org_default' references organisations (id) on delete cascade;
alter table projects alter column organisation_id drop default;
alter table assets alter column organisation_id drop default;
alter table clip_runs alter column organisation_id drop default;
alter table exports alter column organisation_id drop default;
alter table caption_themes alter column organisation_id drop default;
create index projects_org_idx on projects (organisation_id, created_at desc);
create index clip_runs_org_idx on clip_runs (organisation_id, created_at desc);
create index exports_org_idx on exports (organisation_id, created_at);
create index caption_themes_org_idx on caption_themes (organisation_id, created_at desc);

-- Concurrent-run limit: a run holds a slot while it works; queued_at orders the runs waiting for one.
alter table clip_runs add column holds_slot boolean not null default false;
alter table clip_runs add column queued_at timestamptz;
create index clip_runs_slots_idx on clip_runs (organisation_id) where holds_slot or queued_at is not null;

-- Every mutating call: who, what, when, outcome.
create table audit_logs (
    id              text primary key,
    organisation_id text        not null references organisations (id) on delete cascade,
    api_key_id      text,
    action          text        not null,  -- "POST /v1/clips", "mcp create_clip"
    resource        text,                  -- the path, or the tool's main argument
    status          integer     not null,  -- HTTP status; for MCP tools 200 or the error's status
    outcome         text        not null,  -- success | failure
    error_code      text,
    remote_address  text,
    created_at      timestamptz not null default now()
);
create index audit_logs_org_idx on audit_logs (organisation_id, created_at desc, id desc);

-- Webhooks: endpoints per organisation, events, and each delivery with its attempts.
create table webhooks (
    id              text primary key,
    organisation_id text        not null references organisations (id) on delete cascade,
    url             text        not null,
    events          text[]      not null,
    description     text,
    secret          text        not null,  -- needed in the clear to sign; shown to the caller once
    active          boolean     not null default true,
    created_at      timestamptz not null default now()
);
create index webhooks_org_idx on webhooks (organisation_id) where active;

create table webhook_events (
    id              text primary key,  -- derived from what happened, so a repeated publish adds nothing
    organisation_id text        not null references organisations (id) on delete cascade,
    type            text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default now()
);

create table webhook_deliveries (
    id              text primary key,
    event_id        text        not null references webhook_events (id) on delete cascade,
    webhook_id      text        not null references webhooks (id) on delete cascade,
    organisation_id text        not null references organisations (id) on delete cascade,
    status          text        not null,  -- pending | delivered | failed
    attempts        integer     not null default 0,
    dispatched_at   timestamptz,
    completed_at    timestamptz,
    created_at      timestamptz not null default now()
);
create index webhook_deliveries_org_idx on webhook_deliveries (organisation_id, created_at desc, id desc);
create index webhook_deliveries_pending_idx on webhook_deliveries (created_at) where status = 'pending';

create table webhook_attempts (
    delivery_id  text        not null references webhook_deliveries (id) on delete cascade,
    attempt      integer     not null,
    status_code  integer,
    error        text,
    duration_ms  integer     not null,
    created_at   timestamptz not null default now(),
    primary key (delivery_id, attempt)
);
