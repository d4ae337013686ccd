-- Scheduled digests: what changed in the period, alerts, share of voice. Each one sent is kept
-- so the app can show it later exactly as it was mailed.
create table digest_settings (
  organisation_id uuid primary key references organisations (id) on delete cascade,
  frequency text not null default 'off' check (frequency in ('off', 'daily', 'weekly')),
  -- Empty: the organisation's owners and admins.
  recipients text[] not null default '{}',
  last_sent_at timestamptz,
  updated_at timestamptz not null default now()
);

create table digests (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  period text not null check (period in ('daily', 'weekly')),
  period_start timestamptz not null,
  period_end timestamptz not null,
  content jsonb not null,
  recipients text[] not null default '{}',
  created_at timestamptz not null default now()
);
create index digests_org_idx on digests (organisation_id, created_at desc, id desc);
