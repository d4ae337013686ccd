import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string | undefined, string>;

export interface AuthorsTable {
  id: Generated<number>;
  organisation_id: string;
  channel: string;
  handle: string;
  name: string | null;
  url: string | null;
  followers: Generated<number>;
  influence: Generated<number>;
  mention_count: Generated<number>;
  first_seen_at: Generated<Date>;
  last_seen_at: Generated<Date>;
}

export interface MentionsTable {
  id: Generated<number>;
  organisation_id: string;
  source_id: string | null;
  channel: string;
  external_id: string;
  author_id: number | null;
  author_handle: string | null;
  author_followers: Generated<number>;
  text: string;
  title: string | null;
  url: string | null;
  language: string | null;
  country: string | null;
  sentiment: number | null;
  sentiment_label: "positive" | "negative" | "neutral" | null;
  intent: string | null;
  hashtags: ColumnType<string[], string[] | undefined, string[]>;
  entities: Json<Record<string, unknown>>;
  likes: Generated<number>;
  shares: Generated<number>;
  replies: Generated<number>;
  views: Generated<number>;
  rating: number | null;
  reply_to_external_id: string | null;
  thread_external_id: string | null;
  content_key: string;
  near_duplicate_of: number | null;
  created_at: Date;
  ingested_at: Generated<Date>;
}

export interface MentionPayloadsTable {
  mention_id: number;
  raw: Json<unknown>;
}

export interface MentionTopicsTable {
  topic_id: string;
  mention_id: number;
  organisation_id: string;
  created_at: Date;
  spans: Json<[number, number][]>;
}

export interface TopicHourlyTable {
  topic_id: string;
  organisation_id: string;
  hour: Date;
  volume: number;
  duplicates: number;
  sentiment_sum: number;
  positive: number;
  negative: number;
  neutral: number;
}

export interface TopicHourlyTermsTable {
  topic_id: string;
  hour: Date;
  kind: "hashtag" | "term";
  term: string;
  count: number;
}

/** Dashboard rollup row, cross product of the filters (hourly or daily bucket); "" is unknown. */
export interface TopicFacetsTable {
  organisation_id: string;
  topic_id: string;
  bucket: Date;
  channel: string;
  language: string;
  sentiment_label: string;
  intent: string;
  volume: number;
  sentiment_sum: number;
}

/** Dashboard rollup row, one dimension at a time (hourly or daily bucket). */
export interface TopicDimsTable {
  organisation_id: string;
  topic_id: string;
  bucket: Date;
  dim: "channel" | "language" | "country" | "intent";
  value: string;
  sentiment_label: string;
  volume: number;
  sentiment_sum: number;
}

export interface MentionTagsTable {
  organisation_id: string;
  mention_id: number;
  tag: string;
  created_at: Generated<Date>;
}

export interface MentionsTables {
  authors: AuthorsTable;
  mentions: MentionsTable;
  mention_payloads: MentionPayloadsTable;
  mention_topics: MentionTopicsTable;
  topic_hourly: TopicHourlyTable;
  topic_hourly_terms: TopicHourlyTermsTable;
  topic_facets_hourly: TopicFacetsTable;
  topic_facets_daily: TopicFacetsTable;
  topic_dims_hourly: TopicDimsTable;
  topic_dims_daily: TopicDimsTable;
  mention_tags: MentionTagsTable;
}
