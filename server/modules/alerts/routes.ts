import { z } from "zod";
import { notFound } from "../../http/errors";
import { encodeCursor, page, pageQuery, pageResponse } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { idParams } from "../accounts/schema";
import { acknowledgeAlert } from "./acknowledgeAlert";
import {
  alertKind,
  alertSchema,
  alertStatus,
  presentAlert,
  presentSettings,
  settingsSchema,
} from "./presenters";
import { alertsRepo } from "./repository";
import { loadSettings, updateAlertSettings } from "./settings";

const tags = ["Alerts"];

const listQuery = pageQuery.extend({
  status: alertStatus.optional(),
  topicId: z.uuid("Not a valid topic id").optional(),
  kind: alertKind.optional(),
});

const webhookUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "The webhook URL must be an http:// or https:// URL");

const settingsBody = z.object({
  emailRecipients: z.array(z.email("Not a valid email address").max(320)).max(50),
  webhookUrl: webhookUrl.nullable().transform((v) => (v ? v : null)),
  crisisTerms: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .max(100)
        .regex(/^[\p{L}\p{N}'’-]+$/u, "One word per crisis term (letters, digits, ' and -)"),
    )
    .max(200),
  enabled: z.boolean(),
});

export const alertsRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/alerts",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Alert history, newest first (filter by status, topic and kind)",
        querystring: listQuery,
        response: { 200: pageResponse(alertSchema) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Alert");
      const rows = await alertsRepo.list(ctx.db, actor.organisationId, request.query);
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(presentAlert), nextCursor: result.nextCursor };
    },
  );

  app.get(
    "/api/alerts/open-count",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "How many alerts are open (for the navigation badge)",
        response: { 200: z.object({ open: z.number() }) },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Alert");
      return { open: await alertsRepo.countOpen(ctx.db, actor.organisationId) };
    },
  );

  app.get(
    "/api/alerts/settings",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Where alerts are delivered and which crisis terms are watched",
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      // The webhook URL is a credential (Slack's carry a token): not for every member.
      authorize(actor, "readSettings", "Alert");
      return presentSettings(await loadSettings(ctx.db, actor.organisationId));
    },
  );

  app.put(
    "/api/alerts/settings",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Replace the alert settings (email recipients, Slack-compatible webhook, crisis terms)",
        body: settingsBody,
        response: { 200: settingsSchema },
      },
    },
    async (request) =>
      presentSettings(await updateAlertSettings(ctx, memberOf(request), actorOf(request), request.body)),
  );

  app.get(
    "/api/alerts/:id",
    {
      config: { auth: "member" },
      schema: { tags, summary: "One alert", params: idParams, response: { 200: alertSchema } },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Alert");
      const row = await alertsRepo.find(ctx.db, actor.organisationId, request.params.id);
      if (!row) throw notFound("Alert");
      return presentAlert(row);
    },
  );

  app.post(
    "/api/alerts/:id/acknowledge",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Acknowledge an alert (idempotent: the first acknowledgement is kept)",
        params: idParams,
        response: { 200: alertSchema },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      await acknowledgeAlert(ctx, actor, actorOf(request), request.params.id);
      const row = await alertsRepo.find(ctx.db, actor.organisationId, request.params.id);
      if (!row) throw notFound("Alert");
      return presentAlert(row);
    },
  );
};
