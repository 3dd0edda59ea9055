-- Suggestions of an asset per analysis version, for GET /v1/assets/{id}/suggestions. Ids derive from the
-- asset, version and window, so recomputing gives the same ids.
create table suggestions (
    id               text primary key,
    asset_id         text             not null references assets (id) on delete cascade,
    analysis_version integer          not null,
    rank             integer          not null,
    start_seconds    double precision not null,
    end_seconds      double precision not null,
    score            double precision not null,
    payload          jsonb            not null,
    created_at       timestamptz      not null default now()
);
create index suggestions_asset_idx on suggestions (asset_id, analysis_version, score desc);
