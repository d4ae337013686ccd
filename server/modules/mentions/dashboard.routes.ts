import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { breakdown } from "./analytics/breakdown";
import { breakdownCsv, topCsv, volumeCsv } from "./analytics/chartCsv";
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

/**
 * Dashboard figures: thin handlers over the analytics queries (mentions/analytics). Each chart is
 * served as JSON and, at the same path with `.csv`, as the CSV its card offers.
 */
export const dashboardRoutes: RouteModule = (app, ctx) => {
  function chart<Q extends z.ZodType, R>(spec: {
    path: string;
    summary: string;
    query: Q;
    response: z.ZodType;
    load: (organisationId: string, query: z.infer<Q>) => Promise<R>;
    csv: (result: R) => string;
  }) {
    const run = (request: FastifyRequest) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      return spec.load(actor.organisationId, request.query as z.infer<Q>);
    };
    app.get(
      spec.path,
      {
        config: { auth: "member" },
        schema: { tags, summary: spec.summary, querystring: spec.query, response: { 200: spec.response } },
      },
      run,
    );
    app.get(
      `${spec.path}.csv`,
      {
        config: { auth: "member" },
        schema: { tags, summary: `${spec.summary}, as CSV`, querystring: spec.query },
      },
      async (request, reply) => {
        const csv = spec.csv(await run(request));
        reply.headers({
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${spec.path.split("/").at(-1)}.csv"`,
        });
        return csv;
      },
    );
  }

  chart({
    path: "/api/dashboard/volume",
    summary: "Volume and sentiment over time per topic (stacked volume, net sentiment)",
    query: volumeQuery,
    response: volumeResponse,
    load: (organisationId, query) => volumeOverTime(ctx.db, organisationId, query, query.interval),
    csv: volumeCsv,
  });
  chart({
    path: "/api/dashboard/breakdown",
    summary: "Share of voice per topic; channels, languages, countries, intents and sentiment",
    query: dashboardFilters,
    response: breakdownResponse,
    load: (organisationId, query) => breakdown(ctx.db, organisationId, query),
    csv: breakdownCsv,
  });
  chart({
    path: "/api/dashboard/top",
    summary: "Top hashtags, terms, emoji and authors (over the newest 2,000 matching mentions)",
    query: topQuery,
    response: topResponse,
    load: (organisationId, query) => topItems(ctx.db, organisationId, query, query.limit),
    csv: topCsv,
  });
};
