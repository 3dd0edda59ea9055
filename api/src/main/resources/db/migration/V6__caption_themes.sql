-- Caption themes people define; a clip's captions.style_id may name one instead of a built-in style.
create table caption_themes (
    id         text primary key,
    name       text        not null,
    theme      jsonb       not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
