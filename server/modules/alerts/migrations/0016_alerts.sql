-- Spike and keyword alerts per topic. Hours are data time (the hour buckets of topic_hourly).
create table alerts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  topic_id uuid not null references topics (id) on delete cascade,
  kind text not null check (kind in ('volume_spike', 'negative_spike', 'keyword')),
  -- The crisis term of a keyword alert; '' for the other kinds, so (topic, kind, term) is a key.
  term text not null default '' check (char_length(term) <= 100),
  window_start timestamptz not null,
  window_end timestamptz not null,
  observed real not null,
  expected real not null,
  score real not null,
  message text not null,
  status text not null default 'open' check (status in ('open', 'acknowledged')),
  acknowledged_by uuid references users (id) on delete set null,
  acknowledged_at timestamptz,
  delivered_email_at timestamptz,
  delivered_webhook_at timestamptz,
  delivery_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One alert per key and starting hour, whichever process raises it (evaluation also holds a
-- per-organisation advisory lock, so a burst spanning hours extends one row).
create unique index alerts_key_idx on alerts (topic_id, kind, term, window_start);
create index alerts_org_created_idx on alerts (organisation_id, created_at desc, id desc);
create index alerts_org_open_idx on alerts (organisation_id, status) where status = 'open';

create table alert_settings (
  organisation_id uuid primary key references organisations (id) on delete cascade,
  -- Empty: the organisation's owners and admins.
  email_recipients text[] not null default '{}',
  webhook_url text check (webhook_url is null or char_length(webhook_url) <= 2048),
  crisis_terms text[] not null default '{recall,injury,injured,lawsuit,breach,outage,fire,burn,burns,unsafe,dangerous,hack,hacked,leak,boycott,scandal,fraud,toxic}',
  enabled boolean not null default true,
  updated_at timestamptz not null default now()
);
