-- Dashboard rollups, two shapes, both kept current in the ingestion transaction from the
-- freshly inserted matches (see facets.ts). "" stands for "unknown" so keys have no nulls.
--
-- Facets: the cross product channel × language × sentiment × intent per topic and bucket, so a
-- chart filtered by any of those sums rows instead of scanning mentions. (Country is left out:
-- it would multiply the rows by the number of countries and is not a dashboard filter.)
create table topic_facets_hourly (
  organisation_id uuid not null references organisations (id) on delete cascade,
  topic_id uuid not null references topics (id) on delete cascade,
  bucket timestamptz not null,
  channel text not null,
  language text not null,
  sentiment_label text not null,
  intent text not null,
  volume integer not null,
  sentiment_sum real not null,
  primary key (topic_id, bucket, channel, language, sentiment_label, intent)
);
create index topic_facets_hourly_org_idx on topic_facets_hourly (organisation_id, bucket);

-- The same per UTC day: ranges longer than three days read this one.
create table topic_facets_daily (
  organisation_id uuid not null references organisations (id) on delete cascade,
  topic_id uuid not null references topics (id) on delete cascade,
  bucket timestamptz not null,
  channel text not null,
  language text not null,
  sentiment_label text not null,
  intent text not null,
  volume integer not null,
  sentiment_sum real not null,
  primary key (topic_id, bucket, channel, language, sentiment_label, intent)
);
create index topic_facets_daily_org_idx on topic_facets_daily (organisation_id, bucket);

-- Dimensions: one dimension at a time (channel, language, country, intent) with sentiment. Tens
-- of rows per topic and bucket instead of hundreds: the unfiltered breakdowns and the country
-- breakdown read these.
create table topic_dims_hourly (
  organisation_id uuid not null references organisations (id) on delete cascade,
  topic_id uuid not null references topics (id) on delete cascade,
  bucket timestamptz not null,
  dim text not null check (dim in ('channel', 'language', 'country', 'intent')),
  value text not null,
  sentiment_label text not null,
  volume integer not null,
  sentiment_sum real not null,
  primary key (topic_id, bucket, dim, value, sentiment_label)
);
create index topic_dims_hourly_org_idx on topic_dims_hourly (organisation_id, bucket);

create table topic_dims_daily (
  organisation_id uuid not null references organisations (id) on delete cascade,
  topic_id uuid not null references topics (id) on delete cascade,
  bucket timestamptz not null,
  dim text not null check (dim in ('channel', 'language', 'country', 'intent')),
  value text not null,
  sentiment_label text not null,
  volume integer not null,
  sentiment_sum real not null,
  primary key (topic_id, bucket, dim, value, sentiment_label)
);
create index topic_dims_daily_org_idx on topic_dims_daily (organisation_id, bucket);

-- Reach at the time of the post, on the mention itself: "sort by reach" walks this index
-- instead of joining every mention of the window to its author and sorting them.
alter table mentions add column author_followers integer not null default 0;
create index mentions_org_reach_idx on mentions (organisation_id, author_followers desc, id desc);

-- The stream filters on these expressions; without statistics the planner guesses 0.5 % and
-- sorts a whole window instead of walking the newest-first index.
create statistics mentions_filter_stats on (coalesce(sentiment_label, 'neutral')), (coalesce(language, '')),
  (coalesce(country, '')), (coalesce(intent, '')) from mentions;

-- Full-text search over mentions ('simple': no stemming, like the topic language).
create index mentions_search_idx on mentions using gin (to_tsvector('simple', coalesce(title, '') || ' ' || text));

-- Tags an analyst puts on a mention.
create table mention_tags (
  organisation_id uuid not null references organisations (id) on delete cascade,
  mention_id bigint not null references mentions (id) on delete cascade,
  tag text not null check (char_length(tag) between 1 and 50),
  created_at timestamptz not null default now(),
  primary key (mention_id, tag)
);
create index mention_tags_org_tag_idx on mention_tags (organisation_id, tag);

-- An upgraded install already holds matches: count them into the new rollups once, with the
-- same expressions as facets.ts, so its dashboards are complete from the first start.
insert into topic_facets_hourly (organisation_id, topic_id, bucket, channel, language, sentiment_label, intent, volume, sentiment_sum)
select mt.organisation_id, mt.topic_id, date_trunc('hour', m.created_at, 'UTC'), m.channel, coalesce(m.language, ''),
  coalesce(m.sentiment_label, 'neutral'), coalesce(m.intent, ''), count(*)::int, coalesce(sum(m.sentiment), 0)::real
from mention_topics mt join mentions m on m.id = mt.mention_id
group by 1, 2, 3, 4, 5, 6, 7;

insert into topic_facets_daily (organisation_id, topic_id, bucket, channel, language, sentiment_label, intent, volume, sentiment_sum)
select organisation_id, topic_id, date_trunc('day', bucket, 'UTC'), channel, language, sentiment_label, intent,
  sum(volume)::int, sum(sentiment_sum)::real
from topic_facets_hourly
group by 1, 2, 3, 4, 5, 6, 7;

insert into topic_dims_hourly (organisation_id, topic_id, bucket, dim, value, sentiment_label, volume, sentiment_sum)
select mt.organisation_id, mt.topic_id, date_trunc('hour', m.created_at, 'UTC'), v.dim, v.value,
  coalesce(m.sentiment_label, 'neutral'), count(*)::int, coalesce(sum(m.sentiment), 0)::real
from mention_topics mt join mentions m on m.id = mt.mention_id
cross join lateral (values ('channel', m.channel), ('language', coalesce(m.language, '')),
  ('country', coalesce(m.country, '')), ('intent', coalesce(m.intent, ''))) as v(dim, value)
group by 1, 2, 3, 4, 5, 6;

insert into topic_dims_daily (organisation_id, topic_id, bucket, dim, value, sentiment_label, volume, sentiment_sum)
select organisation_id, topic_id, date_trunc('day', bucket, 'UTC'), dim, value, sentiment_label,
  sum(volume)::int, sum(sentiment_sum)::real
from topic_dims_hourly
group by 1, 2, 3, 4, 5, 6;

update mentions m set author_followers = a.followers from authors a where a.id = m.author_id and a.followers > 0;
