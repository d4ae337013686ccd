create table authors (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  channel text not null,
  handle text not null,
  name text,
  url text,
  followers integer not null default 0,
  -- log-scaled reach from followers and engagement, 0–100 (see mentions/influence.ts).
  influence real not null default 0,
  mention_count integer not null default 0,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  unique (organisation_id, channel, handle)
);

create table mentions (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  source_id uuid,
  channel text not null,
  external_id text not null,
  author_id bigint references authors (id) on delete set null,
  author_handle text,
  text text not null,
  title text,
  url text,
  language text,
  country text,
  sentiment real,
  sentiment_label text check (sentiment_label in ('positive', 'negative', 'neutral')),
  intent text,
  hashtags text[] not null default '{}',
  entities jsonb not null default '{}'::jsonb,
  likes integer not null default 0,
  shares integer not null default 0,
  replies integer not null default 0,
  views integer not null default 0,
  rating real,
  reply_to_external_id text,
  thread_external_id text,
  -- Normalised-text fingerprint: reposts and copy-paste spam share it.
  content_key text not null,
  near_duplicate_of bigint references mentions (id) on delete set null,
  created_at timestamptz not null,
  ingested_at timestamptz not null default now(),
  -- Idempotency: the same post delivered twice is stored once.
  unique (organisation_id, channel, external_id)
);
create index mentions_org_created_idx on mentions (organisation_id, created_at desc, id desc);
create index mentions_content_key_idx on mentions (organisation_id, content_key, created_at desc);

-- Source payloads, kept apart so the hot table stays lean; re-processing reads them.
create table mention_payloads (
  mention_id bigint primary key references mentions (id) on delete cascade,
  raw jsonb not null
);

create table mention_topics (
  topic_id uuid not null references topics (id) on delete cascade,
  mention_id bigint not null references mentions (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  created_at timestamptz not null,
  -- Character ranges of the text that matched, for highlighting.
  spans jsonb not null default '[]'::jsonb,
  primary key (topic_id, mention_id)
);
create index mention_topics_mention_idx on mention_topics (mention_id);
create index mention_topics_topic_time_idx on mention_topics (topic_id, created_at desc);

-- Kept current as mentions arrive, in the same transaction, so a recount always agrees.
create table topic_hourly (
  topic_id uuid not null references topics (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  hour timestamptz not null,
  volume integer not null default 0,
  duplicates integer not null default 0,
  sentiment_sum real not null default 0,
  positive integer not null default 0,
  negative integer not null default 0,
  neutral integer not null default 0,
  primary key (topic_id, hour)
);
create index topic_hourly_org_idx on topic_hourly (organisation_id, hour);

create table topic_hourly_terms (
  topic_id uuid not null references topics (id) on delete cascade,
  hour timestamptz not null,
  kind text not null check (kind in ('hashtag', 'term')),
  term text not null,
  count integer not null,
  primary key (topic_id, hour, kind, term)
);
