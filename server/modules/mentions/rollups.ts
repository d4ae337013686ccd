import { sql, type Transaction } from "kysely";
import { pgJson, pgText } from "../../db/arrays";
import type { DB } from "../../db/schema";
import { updateFacets } from "./facets";
import type { StoredMention } from "./types";

interface HourAggregate {
  topicId: string;
  hour: Date;
  volume: number;
  duplicates: number;
  sentimentSum: number;
  positive: number;
  negative: number;
  neutral: number;
  terms: Map<string, number>;
  hashtags: Map<string, number>;
}

function hourOf(date: Date): Date {
  const hour = new Date(date);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

/**
 * Records the matches of newly stored mentions and advances the hourly rollups, aggregated
 * in memory first so each (topic, hour) is one upserted row per batch. Returns matches per topic.
 */
export async function updateRollups(trx: Transaction<DB>, organisationId: string, stored: StoredMention[]) {
  const matches = stored.flatMap((m) => m.input.matches.map((match) => ({ mention: m, match })));
  const topicCounts = new Map<string, number>();
  if (matches.length === 0) return topicCounts;

  // Only pairs this statement inserted are counted: a backfill and the live pipeline may both
  // match the same new mention to a new topic, and the rollup must count it once.
  const inserted = await sql<{
    topic_id: string;
    mention_id: number;
  }>`insert into mention_topics (topic_id, mention_id, organisation_id, created_at, spans)
    select topic_id, mention_id, ${organisationId}::uuid, created_at, spans
    from unnest(${matches.map((m) => m.match.topicId)}::uuid[], ${matches.map((m) => m.mention.id)}::bigint[],
      ${matches.map((m) => m.mention.createdAt.toISOString())}::timestamptz[], ${matches.map((m) => pgJson(m.match.spans))}::jsonb[])
      as x(topic_id, mention_id, created_at, spans)
    on conflict do nothing
    returning topic_id, mention_id`.execute(trx);
  const fresh = new Set(inserted.rows.map((r) => `${r.topic_id}|${Number(r.mention_id)}`));
  await updateFacets(
    trx,
    organisationId,
    inserted.rows.map((r) => ({ topicId: r.topic_id, mentionId: Number(r.mention_id) })),
  );

  const hours = new Map<string, HourAggregate>();
  for (const { mention, match } of matches) {
    if (!fresh.has(`${match.topicId}|${mention.id}`)) continue;
    topicCounts.set(match.topicId, (topicCounts.get(match.topicId) ?? 0) + 1);
    const hour = hourOf(mention.createdAt);
    const key = `${match.topicId}|${hour.getTime()}`;
    let agg = hours.get(key);
    if (!agg) {
      agg = {
        topicId: match.topicId,
        hour,
        volume: 0,
        duplicates: 0,
        sentimentSum: 0,
        positive: 0,
        negative: 0,
        neutral: 0,
        terms: new Map(),
        hashtags: new Map(),
      };
      hours.set(key, agg);
    }
    const input = mention.input;
    agg.volume++;
    if (mention.duplicateOf !== null) agg.duplicates++;
    agg.sentimentSum += input.sentiment;
    agg[input.sentimentLabel]++;
    // Keys as stored (no NUL, bounded), so one statement never upserts the same row twice.
    for (const raw of input.terms) {
      const term = pgText(raw).slice(0, 200);
      agg.terms.set(term, (agg.terms.get(term) ?? 0) + 1);
    }
    for (const raw of input.hashtags) {
      const tag = pgText(raw).slice(0, 200);
      agg.hashtags.set(tag, (agg.hashtags.get(tag) ?? 0) + 1);
    }
  }

  const rows = [...hours.values()];
  if (rows.length === 0) return topicCounts;
  await sql`insert into topic_hourly (topic_id, organisation_id, hour, volume, duplicates, sentiment_sum, positive, negative, neutral)
    select topic_id, ${organisationId}::uuid, hour, volume, duplicates, sentiment_sum, positive, negative, neutral
    from unnest(${rows.map((r) => r.topicId)}::uuid[], ${rows.map((r) => r.hour.toISOString())}::timestamptz[],
      ${rows.map((r) => r.volume)}::int[], ${rows.map((r) => r.duplicates)}::int[], ${rows.map((r) => r.sentimentSum)}::real[],
      ${rows.map((r) => r.positive)}::int[], ${rows.map((r) => r.negative)}::int[], ${rows.map((r) => r.neutral)}::int[])
      as x(topic_id, hour, volume, duplicates, sentiment_sum, positive, negative, neutral)
    on conflict (topic_id, hour) do update set
      volume = topic_hourly.volume + excluded.volume,
      duplicates = topic_hourly.duplicates + excluded.duplicates,
      sentiment_sum = topic_hourly.sentiment_sum + excluded.sentiment_sum,
      positive = topic_hourly.positive + excluded.positive,
      negative = topic_hourly.negative + excluded.negative,
      neutral = topic_hourly.neutral + excluded.neutral`.execute(trx);

  const terms = rows.flatMap((r) => [
    ...[...r.terms].map(([term, count]) => ({ r, kind: "term", term, count })),
    ...[...r.hashtags].map(([term, count]) => ({ r, kind: "hashtag", term, count })),
  ]);
  if (terms.length > 0) {
    await sql`insert into topic_hourly_terms (topic_id, hour, kind, term, count)
      select * from unnest(${terms.map((t) => t.r.topicId)}::uuid[], ${terms.map((t) => t.r.hour.toISOString())}::timestamptz[],
        ${terms.map((t) => t.kind)}::text[], ${terms.map((t) => t.term)}::text[], ${terms.map((t) => t.count)}::int[])
      on conflict (topic_id, hour, kind, term) do update set count = topic_hourly_terms.count + excluded.count`.execute(
      trx,
    );
  }
  return topicCounts;
}

/** Every table that holds a topic's matches or figures, owned here and kept in step. */
const TOPIC_TABLES = [
  "mention_topics",
  "topic_hourly",
  "topic_hourly_terms",
  "topic_facets_hourly",
  "topic_facets_daily",
  "topic_dims_hourly",
  "topic_dims_daily",
] as const;

/** Forgets a topic's matches and every rollup of them (its query changed; a backfill re-matches). */
export async function forgetTopicMatches(trx: Transaction<DB>, topicId: string): Promise<void> {
  for (const table of TOPIC_TABLES) await trx.deleteFrom(table).where("topic_id", "=", topicId).execute();
}
