-- A source video: uploaded (presigned or multipart), fetched from a URL, or downloaded from YouTube.
create table assets (
    id                  text primary key,
    project_id          text        not null references projects (id) on delete cascade,
    status              text        not null,  -- awaiting_upload | ingesting | ready | failed
    source_kind         text        not null,  -- presigned | multipart | url | youtube
    source_url          text,
    filename            text,
    content_type        text,
    declared_size_bytes bigint,
    size_bytes          bigint,
    object_key          text        not null,
    upload_expires_at   timestamptz,
    content_sha256      text,
    probe               jsonb,                 -- duration, fps, size, rotation, codecs, streams
    derived             jsonb,                 -- keys of the speech audio and the poster frame
    error               jsonb,                 -- {code, message, why_failed, how_to_fix, retryable}
    analysis_version    integer     not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index assets_project_idx on assets (project_id, created_at desc);
create index assets_content_idx on assets (project_id, content_sha256) where content_sha256 is not null;
