import { sql } from "kysely";
import type { Database } from "../../../db/database";
import {
  type DashboardFilters,
  facetTable,
  facetWhere,
  type Interval,
  needsFacets,
  type ResolvedRange,
  resolveRange,
} from "./filters";

export interface TopicSeries {
  topicId: string;
  volume: number[];
  positive: number[];
  negative: number[];
  neutral: number[];
  /** (positive − negative) / (positive + negative) × 100 per bucket; null where neither. */
  netSentiment: (number | null)[];
  total: number;
}

export interface VolumeResult {
  from: string;
  to: string;
  interval: Interval;
  buckets: string[];
  series: TopicSeries[];
  /** All selected topics together: net sentiment over time for the whole selection. */
  overall: Omit<TopicSeries, "topicId">;
}

const net = (pos: number, neg: number) =>
  pos + neg === 0 ? null : Math.round(((pos - neg) / (pos + neg)) * 1000) / 10;

/**
 * The common case (no channel, language or intent filter) from `topic_hourly`, one row
 * per topic and hour with its sentiment counts: far fewer rows than the facets hold.
 */
async function fromTopicHourly(
  db: Database,
  organisationId: string,
  range: ResolvedRange,
  f: DashboardFilters,
) {
  const grouped = await db
    .selectFrom("topic_hourly")
    .select([
      "topic_id",
      sql<Date>`date_trunc(${range.interval}, hour, 'UTC')`.as("bucket"),
      sql<number>`sum(positive)::int`.as("positive"),
      sql<number>`sum(negative)::int`.as("negative"),
      sql<number>`sum(neutral)::int`.as("neutral"),
    ])
    .where("organisation_id", "=", organisationId)
    .where("hour", ">=", range.from)
    .where("hour", "<", range.to)
    .$if(Boolean(f.topicIds?.length), (qb) => qb.where("topic_id", "in", f.topicIds!))
    .groupBy(["topic_id", sql`2`])
    .execute();
  const labels = (["positive", "negative", "neutral"] as const).filter(
    (l) => !f.sentiments?.length || f.sentiments.includes(l),
  );
  return grouped.flatMap((g) =>
    labels.map((label) => ({
      topic_id: g.topic_id,
      bucket: g.bucket,
      sentiment_label: label,
      volume: g[label],
    })),
  );
}

/**
 * Volume and sentiment over time per topic (one row per topic, bucket and sentiment class from
 * the facet rollups), laid out as dense arrays the charts stack directly.
 */
export async function volumeOverTime(
  db: Database,
  organisationId: string,
  filters: DashboardFilters,
  interval?: Interval,
): Promise<VolumeResult> {
  const range = await resolveRange(db, organisationId, filters, interval);
  const unit = range.interval === "hour" ? 3_600_000 : 86_400_000;
  const rows = needsFacets(filters)
    ? await db
        .selectFrom(facetTable(range.interval))
        .select(["topic_id", "bucket", "sentiment_label", sql<number>`sum(volume)::int`.as("volume")])
        .where((eb) => facetWhere(eb, organisationId, range, filters))
        .groupBy(["topic_id", "bucket", "sentiment_label"])
        .execute()
    : await fromTopicHourly(db, organisationId, range, filters);

  const count = Math.round((range.to.getTime() - range.from.getTime()) / unit);
  const buckets = Array.from({ length: count }, (_, i) =>
    new Date(range.from.getTime() + i * unit).toISOString(),
  );
  const blank = () => ({
    volume: new Array<number>(count).fill(0),
    positive: new Array<number>(count).fill(0),
    negative: new Array<number>(count).fill(0),
    neutral: new Array<number>(count).fill(0),
  });
  const byTopic = new Map<string, ReturnType<typeof blank>>();
  const overall = blank();
  for (const row of rows) {
    const i = Math.round((new Date(row.bucket).getTime() - range.from.getTime()) / unit);
    if (i < 0 || i >= count) continue;
    let s = byTopic.get(row.topic_id);
    if (!s) {
      s = blank();
      byTopic.set(row.topic_id, s);
    }
    const label = row.sentiment_label as "positive" | "negative" | "neutral";
    for (const target of [s, overall]) {
      target.volume[i]! += row.volume;
      if (label in target) target[label][i]! += row.volume;
    }
  }
  const finish = (s: ReturnType<typeof blank>) => ({
    ...s,
    netSentiment: s.positive.map((p, i) => net(p, s.negative[i]!)),
    total: s.volume.reduce((a, b) => a + b, 0),
  });
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    interval: range.interval,
    buckets,
    series: [...byTopic].map(([topicId, s]) => ({ topicId, ...finish(s) })).sort((a, b) => b.total - a.total),
    overall: finish(overall),
  };
}
