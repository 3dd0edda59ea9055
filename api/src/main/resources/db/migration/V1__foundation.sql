-- Projects group the assets and clip runs of one piece of work.
create table projects (
    id          text primary key,
    name        text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Each worker process records itself here while it polls a task queue, so /v1/health can report
-- pollers even where the Temporal service cannot describe task queues (the embedded test server).
create table worker_pollers (
    task_queue   text        not null,
    identity     text        not null,
    started_at   timestamptz not null,
    last_seen_at timestamptz not null,
    primary key (task_queue, identity)
);
