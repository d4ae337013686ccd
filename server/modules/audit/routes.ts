import { z } from "zod";
import { decodeIdCursor, encodeCursor, page, pageQuery, pageResponse } from "../../http/pagination";
import { memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";

const tags = ["Audit log"];
const auditEntry = z.object({
  id: z.number(),
  name: z.string(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
const auditQuery = pageQuery.extend({
  name: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
});

/** The audit log is the event table read back, newest first, scoped to the organisation. */
export const auditRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/audit",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Read the audit log",
        querystring: auditQuery,
        response: { 200: pageResponse(auditEntry) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "AuditLog");
      const { name, actorId, limit } = request.query;
      const cursor = decodeIdCursor(request.query.cursor);
      let q = ctx.db
        .selectFrom("events")
        .leftJoin("users", "users.id", "events.actor_id")
        .select([
          "events.id",
          "events.name",
          "events.actor_id",
          "users.name as actor_name",
          "events.subject_type",
          "events.subject_id",
          "events.data",
          "events.ip",
          "events.created_at",
        ])
        .where("events.organisation_id", "=", actor.organisationId)
        .where("events.audit", "=", true);
      if (name) q = q.where("events.name", "=", name);
      if (actorId) q = q.where("events.actor_id", "=", actorId);
      if (cursor !== null) q = q.where("events.id", "<", cursor);
      const rows = await q
        .orderBy("events.id", "desc")
        .limit(limit + 1)
        .execute();
      const result = page(rows, limit, (r) => encodeCursor({ id: r.id }));
      return {
        data: result.data.map((r) => ({
          id: r.id,
          name: r.name,
          actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "" } : null,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          data: r.data,
          ip: r.ip,
          createdAt: r.created_at.toISOString(),
        })),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    "/api/audit/names",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Event names seen in this organisation",
        response: { 200: z.object({ names: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "AuditLog");
      const rows = await ctx.db
        .selectFrom("events")
        .select("name")
        .distinct()
        .where("organisation_id", "=", actor.organisationId)
        .where("audit", "=", true)
        .orderBy("name")
        .execute();
      return { names: rows.map((r) => r.name) };
    },
  );
};
