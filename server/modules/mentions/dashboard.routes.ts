import { z } from "zod";
import { memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { breakdown } from "./analytics/breakdown";
import { toCsv } from "./analytics/csv";
import { dashboardFilters } from "./analytics/filters";
import { topItems } from "./analytics/topItems";
import { volumeOverTime } from "./analytics/volume";

const tags = ["Dashboards"];
const volumeQuery = dashboardFilters.extend({ interval: z.enum(["hour", "day"]).optional() });
const topQuery = dashboardFilters.extend({ limit: z.coerce.number().int().min(1).max(50).default(10) });
const numbers = z.array(z.number());
const seriesShape = {
  volume: numbers,
  positive: numbers,
  negative: numbers,
  neutral: numbers,
  netSentiment: z.array(z.number().nullable()),
  total: z.number(),
};
const volumeResponse = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(["hour", "day"]),
  buckets: z.array(z.string()),
  series: z.array(z.object({ topicId: z.string(), ...seriesShape })),
  overall: z.object(seriesShape),
});
const slice = z.object({
  value: z.string(),
  volume: z.number(),
  negative: z.number(),
  sentiment: z.number(),
});
const breakdownResponse = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  topics: z.array(slice.extend({ topicId: z.string(), share: z.number() })),
  channels: z.array(slice),
  languages: z.array(slice),
  countries: z.array(slice),
  intents: z.array(slice),
  sentiments: z.array(slice),
});
const ranked = z.object({ value: z.string(), count: z.number() });
const topResponse = z.object({
  sample: z.number(),
  hashtags: z.array(ranked),
  terms: z.array(ranked),
  emoji: z.array(ranked),
  authors: z.array(ranked.extend({ channel: z.string(), followers: z.number() })),
});

const attachment = (name: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${name}.csv"`,
});

/**
 * Dashboard figures: thin handlers over the analytics queries (mentions/analytics). Each chart's
 * data is also served as CSV at the same path with `.csv`.
 */
export const dashboardRoutes: RouteModule = (app, ctx) => {
  const base = { config: { auth: "member" as const } };

  app.get(
    "/api/dashboard/volume",
    {
      ...base,
      schema: {
        tags,
        summary: "Volume and sentiment over time per topic (stacked volume, net sentiment)",
        querystring: volumeQuery,
        response: { 200: volumeResponse },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      return volumeOverTime(ctx.db, actor.organisationId, request.query, request.query.interval);
    },
  );

  app.get(
    "/api/dashboard/breakdown",
    {
      ...base,
      schema: {
        tags,
        summary: "Share of voice per topic; channels, languages, countries, intents and sentiment",
        querystring: dashboardFilters,
        response: { 200: breakdownResponse },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      return breakdown(ctx.db, actor.organisationId, request.query);
    },
  );

  app.get(
    "/api/dashboard/top",
    {
      ...base,
      schema: {
        tags,
        summary: "Top hashtags, terms, emoji and authors (over the newest 2,000 matching mentions)",
        querystring: topQuery,
        response: { 200: topResponse },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      return topItems(ctx.db, actor.organisationId, request.query, request.query.limit);
    },
  );

  app.get(
    "/api/dashboard/volume.csv",
    {
      ...base,
      schema: {
        tags,
        summary: "Volume over time as CSV (one row per bucket and topic)",
        querystring: volumeQuery,
      },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      const v = await volumeOverTime(ctx.db, actor.organisationId, request.query, request.query.interval);
      const rows = v.series.flatMap((s) =>
        v.buckets.map((bucket, i) => [
          bucket,
          s.topicId,
          s.volume[i],
          s.positive[i],
          s.negative[i],
          s.neutral[i],
          s.netSentiment[i],
        ]),
      );
      reply.headers(attachment("volume"));
      return toCsv(
        ["bucket", "topic_id", "volume", "positive", "negative", "neutral", "net_sentiment"],
        rows,
      );
    },
  );

  app.get(
    "/api/dashboard/breakdown.csv",
    {
      ...base,
      schema: {
        tags,
        summary: "Every breakdown as CSV (dimension, value, volume…)",
        querystring: dashboardFilters,
      },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      const b = await breakdown(ctx.db, actor.organisationId, request.query);
      const rows = [
        ...b.topics.map((t) => ["topic", t.topicId, t.volume, t.negative, t.sentiment, t.share]),
        ...(["channels", "languages", "countries", "intents", "sentiments"] as const).flatMap((d) =>
          b[d].map((s) => [d.slice(0, -1), s.value, s.volume, s.negative, s.sentiment, ""]),
        ),
      ];
      reply.headers(attachment("breakdown"));
      return toCsv(
        ["dimension", "value", "volume", "negative", "mean_sentiment", "share_of_voice_pct"],
        rows,
      );
    },
  );

  app.get(
    "/api/dashboard/top.csv",
    {
      ...base,
      schema: { tags, summary: "Top hashtags, terms, emoji and authors as CSV", querystring: topQuery },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      const t = await topItems(ctx.db, actor.organisationId, request.query, request.query.limit);
      const rows = (["hashtags", "terms", "emoji", "authors"] as const).flatMap((kind) =>
        t[kind].map((r) => [kind.slice(0, -1), r.value, r.count]),
      );
      reply.headers(attachment("top"));
      return toCsv(["kind", "value", "count"], rows);
    },
  );
};
