import { sql } from "kysely";
import type { Database } from "../../../db/database";
import {
  type DashboardFilters,
  dimsTable,
  dimsWhere,
  facetTable,
  facetWhere,
  type Interval,
  needsFacets,
  type ResolvedRange,
  resolveRange,
} from "./filters";

export interface Slice {
  value: string;
  volume: number;
  negative: number;
  /** Mean sentiment score in [-1, 1]. */
  sentiment: number;
}

export interface BreakdownResult {
  from: string;
  to: string;
  total: number;
  /** Volume per topic; share is of the selected topics' total (share of voice). */
  topics: (Slice & { topicId: string; share: number })[];
  channels: Slice[];
  languages: Slice[];
  /** Countries honour the range, topic and sentiment filters, not channel, language or intent. */
  countries: Slice[];
  intents: Slice[];
  sentiments: Slice[];
}

type Dimension = "channel" | "language" | "country" | "intent" | "sentiment" | "topic";
interface Row {
  dimension: Dimension;
  value: string;
  volume: number;
  negative: number;
  sentiment_sum: number;
}

const volume = sql<number>`sum(volume)::int`.as("volume");
const negative = sql<number>`coalesce(sum(volume) filter (where sentiment_label = 'negative'), 0)::int`.as(
  "negative",
);
const sentimentSum = sql<number>`sum(sentiment_sum)::float8`.as("sentiment_sum");

/** One scan of the one-dimension rollups: every dimension, plus topics and sentiment (via `channel`, which every mention has once). */
async function fromDims(
  db: Database,
  organisationId: string,
  range: ResolvedRange,
  f: DashboardFilters,
  only?: "country",
) {
  const rows = await db
    .selectFrom(dimsTable(range.interval))
    .select(
      sql<Dimension>`case when grouping(dim, value) = 0 then dim when grouping(topic_id) = 0 then 'topic' else 'sentiment' end`.as(
        "dimension",
      ),
    )
    .select(sql<string>`coalesce(value, topic_id::text, sentiment_label)`.as("value"))
    .select(["dim", volume, negative, sentimentSum])
    .where((eb) => dimsWhere(eb, organisationId, range, f))
    .$if(only === "country", (qb) => qb.where("dim", "=", "country"))
    .groupBy(sql`grouping sets ((dim, value), (dim, topic_id), (dim, sentiment_label))`)
    .$castTo<Row & { dim?: string }>()
    .execute();
  return rows;
}

/** The filtered path: the facet cross product, cut by channel, language and intent. */
async function fromFacets(db: Database, organisationId: string, range: ResolvedRange, f: DashboardFilters) {
  return db
    .selectFrom(facetTable(range.interval))
    .select(
      sql<Dimension>`case when grouping(topic_id) = 0 then 'topic' when grouping(channel) = 0 then 'channel'
        when grouping(language) = 0 then 'language' when grouping(intent) = 0 then 'intent' else 'sentiment' end`.as(
        "dimension",
      ),
    )
    .select(sql<string>`coalesce(topic_id::text, channel, language, intent, sentiment_label)`.as("value"))
    .select([volume, negative, sentimentSum])
    .where((eb) => facetWhere(eb, organisationId, range, f))
    .groupBy(sql`grouping sets ((topic_id), (channel), (language), (intent), (sentiment_label))`)
    .$castTo<Row>()
    .execute();
}

/**
 * Every categorical breakdown of the dashboard: share of voice per topic, channels, languages,
 * countries, intents and sentiment classes, each in one `GROUPING SETS` scan. Without a channel,
 * language or intent filter it reads the small one-dimension rollups; with one, the facet cross
 * product (and countries, which that does not hold, from the one-dimension rollups without those
 * filters). A mention matched by two selected topics counts once in each.
 */
export async function breakdown(
  db: Database,
  organisationId: string,
  filters: DashboardFilters,
  interval?: Interval,
): Promise<BreakdownResult> {
  const range = await resolveRange(db, organisationId, filters, interval);
  let rows: Row[];
  if (needsFacets(filters)) {
    const [facets, dims] = await Promise.all([
      fromFacets(db, organisationId, range, filters),
      fromDims(db, organisationId, range, filters, "country"),
    ]);
    // From the one-dimension rollups only the countries, which the cross product lacks.
    rows = [...facets, ...dims.filter((r) => r.dimension === "country")];
  } else {
    // Topics and sentiment are counted once, through the channel dimension.
    rows = (await fromDims(db, organisationId, range, filters)).filter(
      (r) => (r.dimension !== "topic" && r.dimension !== "sentiment") || r.dim === "channel",
    );
  }

  const out: Record<Dimension, Slice[]> = {
    channel: [],
    language: [],
    country: [],
    intent: [],
    sentiment: [],
    topic: [],
  };
  for (const row of rows) {
    out[row.dimension].push({
      value: row.value,
      volume: row.volume,
      negative: row.negative,
      sentiment: row.volume ? Math.round((row.sentiment_sum / row.volume) * 1000) / 1000 : 0,
    });
  }
  const total = out.topic.reduce((a, t) => a + t.volume, 0);
  const sorted = (slices: Slice[]) =>
    slices.sort((a, b) => b.volume - a.volume || a.value.localeCompare(b.value));
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    total,
    topics: sorted(out.topic).map((t) => ({
      ...t,
      topicId: t.value,
      share: total ? Math.round((t.volume / total) * 1000) / 10 : 0,
    })),
    channels: sorted(out.channel),
    languages: sorted(out.language),
    countries: sorted(out.country),
    intents: sorted(out.intent),
    sentiments: sorted(out.sentiment),
  };
}
