-- The outbox and the audit log in one table: every mutation inserts a row in its own
-- transaction; the relay publishes rows whose published_at is null, then stamps them.
create table events (
  id bigint generated always as identity primary key,
  organisation_id uuid references organisations (id) on delete cascade,
  actor_id uuid references users (id) on delete set null,
  name text not null,
  subject_type text,
  subject_id text,
  data jsonb not null default '{}'::jsonb,
  ip text,
  request_id text,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index events_unpublished_idx on events (id) where published_at is null;
create index events_org_idx on events (organisation_id, id desc);
create index events_org_name_idx on events (organisation_id, name, id desc);
