import { z } from "zod";
import { memberOf } from "../http/plugins/auth";
import type { RouteModule } from "../http/types";

const liveQuery = z.object({
  rooms: z
    .string()
    .max(2000)
    .regex(/^[\w:.,-]*$/, "rooms are comma-separated names of letters, digits and : . - _")
    .optional(),
});

/**
 * Server-Sent Events: `event: invalidate` carries the client cache keys to refetch.
 * A comment line every 25 s keeps proxies from closing an idle stream.
 */
export const liveRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/live",
    {
      config: { auth: "member" },
      schema: {
        tags: ["Live updates"],
        summary: "Server-Sent Events stream of invalidations",
        querystring: liveQuery,
      },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      const rooms = new Set((request.query.rooms ?? "").split(",").filter(Boolean).slice(0, 20));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": request.id,
      });
      res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ rooms: [...rooms] })}\n\n`);
      const remove = ctx.live.add({
        organisationId: actor.organisationId,
        userId: actor.userId,
        rooms,
        send: (message) => res.write(`event: invalidate\ndata: ${JSON.stringify(message)}\n\n`),
        close: () => res.end(),
      });
      const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), 25_000);
      request.raw.on("close", () => {
        clearInterval(heartbeat);
        remove();
      });
    },
  );
};
