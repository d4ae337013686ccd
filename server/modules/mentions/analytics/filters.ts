import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/database";
import type { DB } from "../../../db/schema";
import { badRequest } from "../../../http/errors";

/** `a,b` or repeated `?x=a&x=b`: both arrive as one list of trimmed, non-empty values. */
const list = <T extends z.ZodType<string>>(item: T, max = 50) =>
  z
    .preprocess(
      (value) =>
        (Array.isArray(value) ? value : typeof value === "string" ? [value] : [])
          .flatMap((v) => String(v).split(","))
          .map((v) => v.trim())
          .filter(Boolean),
      z.array(item).max(max),
    )
    .optional();

const SENTIMENTS = ["positive", "negative", "neutral"] as const;

/** The filters every dashboard chart, the mention stream and the exports share. */
export const dashboardFilters = z.object({
  /** A window ending at `to` (or the newest data) when `from` is not given. */
  period: z.enum(["24h", "7d", "30d", "90d"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  topicIds: list(z.uuid()),
  channels: list(z.string().min(1).max(40)),
  languages: list(z.string().min(1).max(12)),
  sentiments: list(z.enum(SENTIMENTS)),
  intents: list(z.string().min(1).max(40)),
});
/** The mention stream also narrows by country (a drill-down from the country chart). */
export const mentionFilters = dashboardFilters.extend({ countries: list(z.string().min(1).max(12)) });
export type DashboardFilters = z.infer<typeof dashboardFilters> & { countries?: string[] };

/** Channel, language and intent cuts need the facet cross product; topic and sentiment do not. */
export const needsFacets = (f: DashboardFilters) =>
  Boolean(f.channels?.length || f.languages?.length || f.intents?.length);

export type Interval = "hour" | "day";
export interface ResolvedRange {
  from: Date;
  to: Date;
  interval: Interval;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Beyond this the hourly table would be summed over too many rows: read the daily one. */
const HOURLY_UP_TO = 3 * DAY;
const MAX_RANGE = 400 * DAY;

/**
 * The window a request covers. Without `to`, it ends at the later of now and the newest
 * mention (an accelerated demo market or a feed with clock skew writes ahead of the wall clock);
 * without `from`, it spans `period` (seven days by default). Buckets are whole UTC hours or days.
 */
export async function resolveRange(
  db: Database,
  organisationId: string,
  filters: Pick<DashboardFilters, "from" | "to" | "period">,
  interval?: Interval,
): Promise<ResolvedRange> {
  let to = filters.to ? new Date(filters.to) : null;
  if (!to) {
    const latest = await db
      .selectFrom("topic_facets_hourly")
      .select((eb) => eb.fn.max("bucket").as("latest"))
      .where("organisation_id", "=", organisationId)
      .executeTakeFirst();
    const newest = latest?.latest ? new Date(latest.latest).getTime() + HOUR : 0;
    to = new Date(Math.max(Date.now(), newest));
  }
  const length = { "24h": DAY, "7d": 7 * DAY, "30d": 30 * DAY, "90d": 90 * DAY }[filters.period ?? "7d"];
  const from = filters.from ? new Date(filters.from) : new Date(to.getTime() - length);
  if (from >= to) throw badRequest("`from` must be before `to`");
  if (to.getTime() - from.getTime() > MAX_RANGE) throw badRequest("The range may span at most 400 days");
  const span = to.getTime() - from.getTime();
  // Hourly buckets on request, but never more than a month of them (744 per series).
  const chosen: Interval =
    span <= HOURLY_UP_TO ? (interval ?? "hour") : interval === "hour" && span <= 31 * DAY ? "hour" : "day";
  const unit = chosen === "hour" ? HOUR : DAY;
  // Whole buckets: a chart never shows half an hour as a dip.
  return {
    from: new Date(Math.floor(from.getTime() / unit) * unit),
    to: new Date(Math.ceil(to.getTime() / unit) * unit),
    interval: chosen,
  };
}

export const facetTable = (interval: Interval) =>
  interval === "hour" ? ("topic_facets_hourly" as const) : ("topic_facets_daily" as const);

type RollupTable = "topic_facets_hourly" | "topic_facets_daily" | "topic_dims_hourly" | "topic_dims_daily";

/** Range, topics and sentiment: what every rollup table can be filtered by. */
function rollupAnds(
  eb: ExpressionBuilder<DB, RollupTable>,
  organisationId: string,
  range: ResolvedRange,
  f: DashboardFilters,
) {
  const ands: Expression<SqlBool>[] = [
    eb("organisation_id", "=", organisationId),
    eb("bucket", ">=", range.from),
    eb("bucket", "<", range.to),
  ];
  if (f.topicIds?.length) ands.push(eb("topic_id", "in", f.topicIds));
  if (f.sentiments?.length) ands.push(eb("sentiment_label", "in", f.sentiments));
  return ands;
}

/** Where-clause over a facet table for the caller's organisation, range and filters. */
export function facetWhere(
  eb: ExpressionBuilder<DB, "topic_facets_hourly" | "topic_facets_daily">,
  organisationId: string,
  range: ResolvedRange,
  f: DashboardFilters,
): Expression<SqlBool> {
  const ands = rollupAnds(eb, organisationId, range, f);
  if (f.channels?.length) ands.push(eb("channel", "in", f.channels));
  if (f.languages?.length) ands.push(eb("language", "in", f.languages));
  if (f.intents?.length) ands.push(eb("intent", "in", f.intents));
  return eb.and(ands);
}

export const dimsTable = (interval: Interval) =>
  interval === "hour" ? ("topic_dims_hourly" as const) : ("topic_dims_daily" as const);

/** Where-clause over a one-dimension table: range, topics and sentiment only. */
export function dimsWhere(
  eb: ExpressionBuilder<DB, "topic_dims_hourly" | "topic_dims_daily">,
  organisationId: string,
  range: ResolvedRange,
  f: DashboardFilters,
): Expression<SqlBool> {
  return eb.and(rollupAnds(eb, organisationId, range, f));
}

/** The same filters on the mentions table (alias `m`), for the stream, samples and exports. */
export function mentionWhere(
  eb: ExpressionBuilder<DB & { m: DB["mentions"] }, "m">,
  organisationId: string,
  range: { from: Date; to: Date },
  f: DashboardFilters,
): Expression<SqlBool> {
  const ands: Expression<SqlBool>[] = [
    eb("m.organisation_id", "=", organisationId),
    eb("m.created_at", ">=", range.from),
    eb("m.created_at", "<", range.to),
  ];
  // Matched by the selected topics, or by any topic when none is selected.
  ands.push(
    eb.exists(
      eb
        .selectFrom("mention_topics as mt")
        .select(sql.lit(1).as("one"))
        .whereRef("mt.mention_id", "=", "m.id")
        .$if(Boolean(f.topicIds?.length), (qb) => qb.where("mt.topic_id", "in", f.topicIds!)),
    ),
  );
  if (f.channels?.length) ands.push(eb("m.channel", "in", f.channels));
  if (f.languages?.length) ands.push(eb(sql`coalesce(m.language, '')`, "in", f.languages));
  if (f.countries?.length) ands.push(eb(sql`coalesce(m.country, '')`, "in", f.countries));
  if (f.sentiments?.length) ands.push(eb(sql`coalesce(m.sentiment_label, 'neutral')`, "in", f.sentiments));
  if (f.intents?.length) ands.push(eb(sql`coalesce(m.intent, '')`, "in", f.intents));
  return eb.and(ands);
}
