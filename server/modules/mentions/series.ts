import { sql } from "kysely";
import type { Database } from "../../db/database";

/**
 * Read-only access to the hourly rollups for other modules (alerts): per-topic hourly volume
 * and negative counts, term counts, and how far each topic's data reaches. Every query is
 * scoped by organisation.
 */
export interface HourlyPoint {
  topicId: string;
  hour: Date;
  volume: number;
  negative: number;
}

export interface TermPoint {
  topicId: string;
  hour: Date;
  /** The term as asked for; a hashtag `#term` is counted under `term`. */
  term: string;
  count: number;
}

export interface TopicActivity {
  topicId: string;
  name: string;
  kind: string;
  /** Newest matched mention time (data time), null for a topic with no matches yet. */
  latestAt: Date | null;
  /** Oldest hour with data (bounded by `since`), null without data. */
  firstHour: Date | null;
}

/** Hours in [fromHour, toHour] that have data; missing hours are quiet (0). */
export async function hourlySeries(
  db: Database,
  organisationId: string,
  topicIds: string[],
  fromHour: Date,
  toHour: Date,
): Promise<HourlyPoint[]> {
  if (topicIds.length === 0) return [];
  const rows = await db
    .selectFrom("topic_hourly")
    .select(["topic_id", "hour", "volume", "negative"])
    .where("organisation_id", "=", organisationId)
    .where("topic_id", "in", topicIds)
    .where("hour", ">=", fromHour)
    .where("hour", "<=", toHour)
    .orderBy("hour")
    .execute();
  return rows.map((r) => ({
    topicId: r.topic_id,
    hour: r.hour,
    volume: Number(r.volume),
    negative: Number(r.negative),
  }));
}

/** Hourly counts of the given terms (as words or as hashtags) for the organisation's topics. */
export async function termCounts(
  db: Database,
  organisationId: string,
  topicIds: string[],
  terms: string[],
  fromHour: Date,
  toHour: Date,
): Promise<TermPoint[]> {
  if (topicIds.length === 0 || terms.length === 0) return [];
  const words = terms.map((t) => t.toLowerCase());
  const tags = words.map((t) => `#${t}`);
  const rows = await db
    .selectFrom("topic_hourly_terms as t")
    .innerJoin("topics", "topics.id", "t.topic_id")
    .select(["t.topic_id", "t.hour", "t.kind", "t.term", "t.count"])
    .where("topics.organisation_id", "=", organisationId)
    .where("t.topic_id", "in", topicIds)
    .where("t.hour", ">=", fromHour)
    .where("t.hour", "<=", toHour)
    .where((eb) =>
      eb.or([
        eb.and([eb("t.kind", "=", "term"), eb("t.term", "in", words)]),
        eb.and([eb("t.kind", "=", "hashtag"), eb("t.term", "in", tags)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    topicId: r.topic_id,
    hour: r.hour,
    term: r.kind === "hashtag" ? r.term.slice(1) : r.term,
    count: Number(r.count),
  }));
}

/**
 * Each topic of the organisation with its newest matched mention (an index lookup per topic)
 * and its first hour of data (`since` when it has older data).
 */
export async function topicActivity(
  db: Database,
  organisationId: string,
  since: Date,
): Promise<TopicActivity[]> {
  const rows = await sql<{
    id: string;
    name: string;
    kind: string;
    latest_at: Date | null;
    first_hour: Date | null;
  }>`select t.id, t.name, t.kind,
      (select mt.created_at from mention_topics mt where mt.topic_id = t.id order by mt.created_at desc limit 1) as latest_at,
      case when exists (select 1 from topic_hourly h where h.topic_id = t.id and h.hour < ${since}) then ${since}::timestamptz
        else (select h.hour from topic_hourly h where h.topic_id = t.id and h.hour >= ${since} order by h.hour limit 1) end as first_hour
    from topics t where t.organisation_id = ${organisationId} order by t.created_at`.execute(db);
  return rows.rows.map((r) => ({
    topicId: r.id,
    name: r.name,
    kind: r.kind,
    latestAt: r.latest_at ? new Date(r.latest_at) : null,
    firstHour: r.first_hour ? new Date(r.first_hour) : null,
  }));
}

/** The organisation's newest mention time: its data clock. */
export async function latestMentionAt(db: Database, organisationId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("mentions")
    .select("created_at")
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? row.created_at : null;
}

/** Organisations that listen to at least one topic: the ones alert passes visit. */
export async function organisationsWithTopics(db: Database): Promise<string[]> {
  const rows = await db.selectFrom("topics").select("organisation_id").distinct().execute();
  return rows.map((r) => r.organisation_id);
}
