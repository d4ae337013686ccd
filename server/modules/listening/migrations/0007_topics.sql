-- A topic is a Boolean query the organisation listens for (brand, product, competitor, campaign).
create table topics (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 120),
  -- brand, product, competitor, campaign, other: groups topics in the workspace and share of voice.
  kind text not null default 'brand' check (kind in ('brand', 'product', 'competitor', 'campaign', 'other')),
  query text not null check (char_length(query) between 1 and 4096),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Bumped on every query change; backfills and matches record the version they used.
  version integer not null default 1
);
create index topics_org_idx on topics (organisation_id, created_at desc, id desc);

-- Long re-matching jobs (a new or edited topic over stored mentions), with progress.
create table backfills (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  topic_id uuid not null references topics (id) on delete cascade,
  topic_version integer not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
  total bigint not null default 0,
  processed bigint not null default 0,
  matched bigint not null default 0,
  -- Keyset position: the last mention id processed, so a restart continues.
  last_mention_id bigint not null default 0,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index backfills_org_idx on backfills (organisation_id, created_at desc);
create index backfills_active_idx on backfills (status) where status in ('queued', 'running');
