import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { exportMentions } from "./analytics/exportMentions";
import { mentionFilters } from "./analytics/filters";
import { mentionDetail } from "./analytics/mentionDetail";
import { searchMentions } from "./analytics/searchMentions";
import { handoffTargets } from "./handoff";
import { handOffMention, handoffsOf, tagMention } from "./useCases";

const tags = ["Mentions"];
const searchQuery = mentionFilters.extend({
  q: z.string().max(500).optional(),
  tag: z.string().max(50).optional(),
  sort: z.enum(["recent", "reach"]).default("recent"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
const exportQuery = searchQuery.omit({ cursor: true, limit: true }).extend({
  max: z.coerce.number().int().min(1).max(100_000).default(10_000),
});
const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const mentionSchema = z.object({
  id: z.string(),
  channel: z.string(),
  author: z.object({
    handle: z.string().nullable(),
    name: z.string().nullable(),
    url: z.string().nullable(),
    followers: z.number(),
  }),
  text: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  country: z.string().nullable(),
  sentiment: z.number().nullable(),
  sentimentLabel: z.string(),
  intent: z.string().nullable(),
  hashtags: z.array(z.string()),
  engagement: z.object({ likes: z.number(), shares: z.number(), replies: z.number(), views: z.number() }),
  createdAt: z.string(),
  duplicateOf: z.string().nullable(),
  topicIds: z.array(z.string()),
  tags: z.array(z.string()),
  highlights: z.array(z.tuple([z.number(), z.number()])),
});
/** PostgreSQL text cannot hold NUL: refuse it as input rather than fail on insert. */
const noNul = (s: string) => !s.includes("\u0000");
const tagBody = z.object({
  tags: z.array(z.string().trim().min(1).max(50).refine(noNul, "Tags cannot contain NUL characters")).max(20),
});
const handoffBody = z.object({
  target: z.enum(handoffTargets),
  note: z.string().max(2000).refine(noNul, "The note cannot contain NUL characters").optional(),
});

/** The mention stream, search, drill-down, tags, hand-offs and the CSV export. */
export const mentionsRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/mentions",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Stream and search mentions (dashboard filters, full text, tag; by recency or reach)",
        querystring: searchQuery,
        response: { 200: z.object({ data: z.array(mentionSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      return searchMentions(ctx.db, actor.organisationId, request.query);
    },
  );

  app.get(
    "/api/mentions/export.csv",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Export the mentions a search finds as CSV (streamed)",
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      authorize(actor, "export", "Mention");
      const { max, ...search } = request.query;
      const lines = await exportMentions(ctx.db, actor.organisationId, search, max);
      reply.headers({
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="mentions.csv"',
      });
      return reply.send(Readable.from(lines));
    },
  );

  app.get(
    "/api/mentions/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "One mention with its topics, highlights, tags and hand-offs",
        params,
        response: {
          200: mentionSchema.extend({ handoffs: z.array(z.object({ target: z.string(), at: z.string() })) }),
        },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Mention");
      const mention = await mentionDetail(ctx.db, actor.organisationId, request.params.id);
      return { ...mention, handoffs: await handoffsOf(ctx, actor.organisationId, request.params.id) };
    },
  );

  app.put(
    "/api/mentions/:id/tags",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Replace a mention's tags",
        params,
        body: tagBody,
        response: { 200: z.object({ tags: z.array(z.string()) }) },
      },
    },
    async (request) => ({
      tags: await tagMention(ctx, memberOf(request), actorOf(request), request.params.id, request.body.tags),
    }),
  );

  app.post(
    "/api/mentions/:id/handoff",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Hand a mention to Care (open a case) or Innovate (propose as idea)",
        params,
        body: handoffBody,
        response: { 202: z.object({ target: z.string(), mentionId: z.string() }) },
      },
    },
    async (request, reply) => {
      const event = await handOffMention(
        ctx,
        memberOf(request),
        actorOf(request),
        request.params.id,
        request.body.target,
        request.body.note ?? null,
      );
      reply.code(202);
      return { target: event.target, mentionId: event.mentionId };
    },
  );
};
