import type { Selectable } from "kysely";
import { z } from "zod";
import { keysetPage } from "../../db/keyset";
import { notFound } from "../../http/errors";
import { encodeCursor, page, pageQuery, pageResponse } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { idParams } from "../accounts/schema";
import { checkQuery, createTopic, deleteTopic, updateTopic } from "./manageTopics";
import { previewTopic } from "./previewTopic";
import type { BackfillsTable, TopicsTable } from "./tables";

const tags = ["Topics"];
const kind = z.enum(["brand", "product", "competitor", "campaign", "other"]);
const backfillSchema = z.object({
  id: z.uuid(),
  status: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  total: z.number(),
  processed: z.number(),
  matched: z.number(),
  error: z.string().nullable(),
});
const topicSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind,
  query: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  backfill: backfillSchema.nullable(),
});
const createBody = z.object({
  name: z.string().trim().min(1).max(120),
  kind: kind.optional(),
  query: z.string().min(1).max(4096),
});
const updateBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  kind: kind.optional(),
  query: z.string().min(1).max(4096).optional(),
});
const validateBody = z.object({ query: z.string().max(10_000) });
const spanSchema = z.object({ field: z.enum(["text", "title"]), start: z.number(), end: z.number() });
const previewSchema = z.object({
  scanned: z.number(),
  matched: z.number(),
  hits: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      authorHandle: z.string().nullable(),
      text: z.string(),
      textTruncated: z.boolean(),
      title: z.string().nullable(),
      url: z.string().nullable(),
      createdAt: z.string(),
      sentimentLabel: z.enum(["positive", "negative", "neutral"]).nullable(),
      language: z.string().nullable(),
      spans: z.array(spanSchema),
    }),
  ),
});

function presentBackfill(row: Selectable<BackfillsTable> | undefined) {
  return row
    ? {
        id: row.id,
        status: row.status,
        total: row.total,
        processed: row.processed,
        matched: row.matched,
        error: row.error,
      }
    : null;
}

function presentTopic(row: Selectable<TopicsTable>, backfill?: Selectable<BackfillsTable>) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    query: row.query,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    backfill: presentBackfill(backfill),
  };
}

export const topicsRoutes: RouteModule = (app, ctx) => {
  const latestBackfills = async (topicIds: string[]) => {
    if (topicIds.length === 0) return new Map<string, Selectable<BackfillsTable>>();
    const rows = await ctx.db
      .selectFrom("backfills")
      .selectAll()
      .where("topic_id", "in", topicIds)
      .orderBy("created_at", "desc")
      .execute();
    const latest = new Map<string, Selectable<BackfillsTable>>();
    for (const row of rows) if (!latest.has(row.topic_id)) latest.set(row.topic_id, row);
    return latest;
  };

  app.post(
    "/api/topics/validate",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Check a query as you type: errors with positions, warnings, canonical form",
        body: validateBody,
        response: {
          200: z.object({
            ok: z.boolean(),
            canonical: z.string().nullable(),
            errors: z.array(z.unknown()),
            warnings: z.array(z.unknown()),
          }),
        },
      },
    },
    async (request) => {
      authorize(memberOf(request), "read", "Topic");
      try {
        const { canonical, warnings } = checkQuery(request.body.query);
        return { ok: true, canonical, errors: [], warnings };
      } catch (error) {
        const details = (error as { details?: unknown[] }).details ?? [];
        return { ok: false, canonical: null, errors: details, warnings: [] };
      }
    },
  );

  app.post(
    "/api/topics/preview",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "How many of the latest 10,000 mentions a query would match, with the newest hits",
        body: z.object({ query: z.string().max(4096) }),
        response: { 200: previewSchema },
      },
    },
    (request) => previewTopic(ctx, memberOf(request), request.body.query),
  );

  app.get(
    "/api/topics",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "List topics",
        querystring: pageQuery,
        response: { 200: pageResponse(topicSchema) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Topic");
      const q = ctx.db.selectFrom("topics").selectAll().where("organisation_id", "=", actor.organisationId);
      const rows = await keysetPage(q, request.query, "topics").execute();
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      const backfills = await latestBackfills(result.data.map((r) => r.id));
      return {
        data: result.data.map((r) => presentTopic(r, backfills.get(r.id))),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.post(
    "/api/topics",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Create a topic (stored mentions are backfilled)",
        body: createBody,
        response: { 201: topicSchema },
      },
    },
    async (request, reply) => {
      const { topic } = await createTopic(ctx, memberOf(request), actorOf(request), request.body);
      reply.code(201);
      return presentTopic(topic, (await latestBackfills([topic.id])).get(topic.id));
    },
  );

  app.get(
    "/api/topics/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "One topic with its backfill progress",
        params: idParams,
        response: { 200: topicSchema },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Topic");
      const row = await ctx.db
        .selectFrom("topics")
        .selectAll()
        .where("organisation_id", "=", actor.organisationId)
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound("Topic");
      return presentTopic(row, (await latestBackfills([row.id])).get(row.id));
    },
  );

  app.patch(
    "/api/topics/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Rename or change a topic's query (re-matches stored mentions)",
        params: idParams,
        body: updateBody,
        response: { 200: topicSchema },
      },
    },
    async (request) => {
      const { topic } = await updateTopic(
        ctx,
        memberOf(request),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return presentTopic(topic, (await latestBackfills([topic.id])).get(topic.id));
    },
  );

  app.delete(
    "/api/topics/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Delete a topic and its matches",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteTopic(ctx, memberOf(request), actorOf(request), request.params.id);
      reply.code(204).send(null);
    },
  );
};
