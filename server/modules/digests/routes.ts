import type { Selectable } from "kysely";
import { z } from "zod";
import { keysetPage } from "../../db/keyset";
import { notFound } from "../../http/errors";
import { encodeCursor, page, pageQuery, pageResponse } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { resolveRange } from "../mentions/analytics/filters";
import { alertsForDigest } from "./alertsForDigest";
import { sendDigest } from "./sendDigests";
import { readDigestSettings, saveDigestSettings } from "./settings";
import type { DigestsTable } from "./tables";

const tags = ["Digests"];
const idParams = z.object({ id: z.uuid() });
const settingsSchema = z.object({
  frequency: z.enum(["off", "daily", "weekly"]),
  recipients: z.array(z.email()).max(50),
  lastSentAt: z.string().nullable(),
});
const digestSchema = z.object({
  id: z.string(),
  period: z.enum(["daily", "weekly"]),
  periodStart: z.string(),
  periodEnd: z.string(),
  recipients: z.array(z.string()),
  createdAt: z.string(),
  content: z.record(z.string(), z.unknown()),
});

/** Daily or weekly digests: settings, history, one digest, and "send one now". */
export const digestsRoutes: RouteModule = (app, ctx) => {
  const present = (r: Selectable<DigestsTable>) => ({
    id: r.id,
    period: r.period,
    periodStart: r.period_start.toISOString(),
    periodEnd: r.period_end.toISOString(),
    recipients: r.recipients,
    createdAt: r.created_at.toISOString(),
    content: r.content as Record<string, unknown>,
  });

  app.get(
    "/api/digests/settings",
    {
      config: { auth: "member" },
      schema: { tags, summary: "Digest schedule and recipients", response: { 200: settingsSchema } },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Digest");
      return readDigestSettings(ctx.db, actor.organisationId);
    },
  );

  app.put(
    "/api/digests/settings",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary:
          "Set the digest schedule (off, daily or weekly at 07:00 UTC) and recipients (empty: owners and admins)",
        body: settingsSchema.omit({ lastSentAt: true }),
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "manage", "Digest");
      return saveDigestSettings(
        ctx.db,
        { ...actorOf(request), organisationId: actor.organisationId },
        request.body,
      );
    },
  );

  app.get(
    "/api/digests",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Digests sent, newest first",
        querystring: pageQuery,
        response: { 200: pageResponse(digestSchema) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Digest");
      const q = ctx.db.selectFrom("digests").selectAll().where("organisation_id", "=", actor.organisationId);
      const rows = await keysetPage(q, request.query, "digests").execute();
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(present), nextCursor: result.nextCursor };
    },
  );

  app.get(
    "/api/digests/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "One digest as it was sent",
        params: idParams,
        response: { 200: digestSchema },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Digest");
      const row = await ctx.db
        .selectFrom("digests")
        .selectAll()
        .where("organisation_id", "=", actor.organisationId)
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound("Digest");
      return present(row);
    },
  );

  app.post(
    "/api/digests",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Build and send a digest now, for the period ending with the newest data",
        body: z.object({ period: z.enum(["daily", "weekly"]) }),
        response: { 201: digestSchema },
      },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      authorize(actor, "manage", "Digest");
      // The end of the newest hour with data (or now): a digest covers whole hours, not whole days.
      const { to } = await resolveRange(ctx.db, actor.organisationId, { period: "24h" }, "hour");
      const digest = await sendDigest(
        ctx,
        actor.organisationId,
        request.body.period,
        to,
        alertsForDigest(ctx.db),
      );
      reply.code(201);
      return present(digest);
    },
  );
};
