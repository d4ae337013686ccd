import { z } from "zod";
import { publicUrl } from "../../context";
import { encodeCursor, page, pageQuery } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { idParams } from "../accounts/schema";
import { sourceKinds } from "./connectors/registry";
import {
  createSourceBody,
  createSourceResponse,
  sourceKindsResponse,
  sourcePage,
  sourceSchema,
  updateSourceBody,
} from "./schema";
import {
  createSource,
  deleteSource,
  getSource,
  listSources,
  presentSource,
  runSourceNow,
  updateSource,
} from "./sources";

const tags = ["Sources"];

export const sourcesRoutes: RouteModule = (app, ctx) => {
  const base = publicUrl(ctx.config);

  app.get(
    "/api/source-kinds",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Connectors and their settings (JSON Schema)",
        response: { 200: sourceKindsResponse },
      },
    },
    async () => ({
      kinds: sourceKinds().map((k) => ({
        kind: k.kind,
        label: k.label,
        passive: k.connector === null,
        secrets: k.secrets,
        settingsSchema: z.toJSONSchema(k.settings, { unrepresentable: "any", io: "input" }),
      })),
    }),
  );

  app.get(
    "/api/sources",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "List sources with their status",
        querystring: pageQuery,
        response: { 200: sourcePage },
      },
    },
    async (request) => {
      const rows = await listSources(ctx, memberOf(request), request.query);
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map((r) => presentSource(r, base)), nextCursor: result.nextCursor };
    },
  );

  app.post(
    "/api/sources",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Connect a source (a webhook's secret is shown once)",
        body: createSourceBody,
        response: { 201: createSourceResponse },
      },
    },
    async (request, reply) => {
      const { row, secret } = await createSource(ctx, memberOf(request), actorOf(request), request.body);
      reply.code(201);
      const source = presentSource(row, base);
      return { source, webhook: secret && source.webhookUrl ? { url: source.webhookUrl, secret } : null };
    },
  );

  app.get(
    "/api/sources/:id",
    {
      config: { auth: "member" },
      schema: { tags, summary: "One source", params: idParams, response: { 200: sourceSchema } },
    },
    async (request) => presentSource(await getSource(ctx, memberOf(request), request.params.id), base),
  );

  app.patch(
    "/api/sources/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Rename, reconfigure, pause or resume a source",
        params: idParams,
        body: updateSourceBody,
        response: { 200: sourceSchema },
      },
    },
    async (request) =>
      presentSource(
        await updateSource(ctx, memberOf(request), actorOf(request), request.params.id, request.body),
        base,
      ),
  );

  app.delete(
    "/api/sources/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Remove a source (its mentions stay)",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteSource(ctx, memberOf(request), actorOf(request), request.params.id);
      reply.code(204).send(null);
    },
  );

  app.post(
    "/api/sources/:id/run",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Run a source now",
        params: idParams,
        response: { 202: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await runSourceNow(ctx, memberOf(request), request.params.id);
      reply.code(202);
      return { ok: true as const };
    },
  );
};
