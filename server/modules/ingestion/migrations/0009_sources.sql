-- A configured connector: where posts come from, how far it got, and how it is doing.
create table sources (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  kind text not null,
  name text not null check (char_length(name) between 1 and 120),
  settings jsonb not null default '{}'::jsonb,
  -- Resume position (feed ETag and seen ids, stream cursor…), saved with the posts it produced.
  cursor jsonb,
  enabled boolean not null default true,
  status text not null default 'idle' check (status in ('idle', 'running', 'error', 'paused')),
  last_error text,
  last_error_at timestamptz,
  last_success_at timestamptz,
  posts_ingested bigint not null default 0,
  rate_limit_per_minute integer not null default 600,
  -- HMAC secret for webhook sources (shown once at creation, needed to verify each delivery).
  webhook_secret text,
  next_run_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sources_org_idx on sources (organisation_id, created_at desc);
create index sources_due_idx on sources (next_run_at) where enabled;

-- File imports (CSV, JSONL), with progress and the lines that failed.
create table imports (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  file_name text not null,
  format text not null check (format in ('csv', 'jsonl')),
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  bytes_total bigint not null default 0,
  bytes_read bigint not null default 0,
  rows_ok bigint not null default 0,
  rows_failed bigint not null default 0,
  -- The first few hundred bad lines: [{ line, message }].
  errors jsonb not null default '[]'::jsonb,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index imports_org_idx on imports (organisation_id, created_at desc);
