import { sql } from "kysely";
import { z } from "zod";
import type { RouteModule } from "./types";

const health = z.object({ status: z.string(), checks: z.record(z.string(), z.string()).optional() });

/** Liveness says the process runs; readiness says it can serve (database, and NATS when used). */
export const systemRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/healthz",
    { schema: { tags: ["System"], summary: "Liveness", response: { 200: health } } },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    { schema: { tags: ["System"], summary: "Readiness", response: { 200: health, 503: health } } },
    async (_request, reply) => {
      const checks: Record<string, string> = {};
      try {
        await sql`select 1`.execute(ctx.db);
        checks.database = `ok (${ctx.backend})`;
      } catch (error) {
        checks.database = `failing: ${(error as Error).message}`;
      }
      checks.events = ctx.bus.healthy()
        ? `ok (${ctx.bus.kind})`
        : `failing: ${ctx.bus.kind} bus disconnected`;
      const ok = Object.values(checks).every((c) => c.startsWith("ok"));
      reply.code(ok ? 200 : 503);
      return { status: ok ? "ready" : "not ready", checks };
    },
  );
};
