import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { AppError, notFound } from "../../http/errors";
import type { RouteModule } from "../../http/types";
import { idParams } from "../accounts/schema";
import { normaliseWebhookPayload } from "./connectors/webhook/normalise";
import type { ReplayCache } from "./connectors/webhook/verify";
import { verifyWebhook } from "./connectors/webhook/verify";
import { webhookResponse } from "./schema";

/**
 * Inbound webhooks: `POST /api/hooks/:sourceId`, authenticated by an HMAC-SHA256 signature of
 * the raw body (X-Hub-Signature-256) with a timestamp (X-Chorus-Timestamp) against replays.
 * The body is read raw (the signature covers exact bytes), then parsed.
 */
export const webhookRoutes: RouteModule = (app, ctx) => {
  // Delivery ids seen recently; a database row so every process refuses the same replay.
  const replays: ReplayCache = {
    async remember(id, ttlSeconds) {
      await sql`delete from webhook_deliveries where received_at < now() - ${`${ttlSeconds} seconds`}::interval`.execute(
        ctx.db,
      );
      const inserted =
        await sql`insert into webhook_deliveries (id) values (${id}) on conflict do nothing returning id`.execute(
          ctx.db,
        );
      return inserted.rows.length === 1;
    },
  };

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/hooks/:id",
      {
        config: { auth: "public" },
        schema: {
          tags: ["Sources"],
          summary: "Receive posts from a webhook source (HMAC-signed JSON)",
          description:
            "Sign `<X-Chorus-Timestamp>.<raw body>` with HMAC-SHA256 and the source's secret; send it as `X-Hub-Signature-256: sha256=<hex>`. Timestamps older than 5 minutes are refused.",
          params: idParams,
          response: { 202: webhookResponse },
        },
      },
      async (request, reply) => {
        const source = await ctx.db
          .selectFrom("sources")
          .select(["id", "organisation_id", "webhook_secret", "enabled"])
          .where("id", "=", request.params.id)
          .where("kind", "=", "webhook")
          .executeTakeFirst();
        if (!source?.webhook_secret) throw notFound("Webhook");
        const body = request.body as Buffer;
        const verdict = await verifyWebhook({
          secret: source.webhook_secret,
          body,
          headers: request.headers,
          now: new Date(),
          // Replay keys are per source: one tenant cannot burn another's delivery ids.
          replayCache: { remember: (id, ttl) => replays.remember(`${source.id}:${id}`, ttl) },
        });
        if (!verdict.ok) throw new AppError(401, "unauthorized", verdict.message, { reason: verdict.reason });
        if (!source.enabled) throw new AppError(409, "conflict", "This webhook source is paused");
        let payload: unknown;
        try {
          payload = JSON.parse(body.toString("utf8"));
        } catch (error) {
          throw new AppError(400, "bad_request", `Malformed JSON body: ${(error as Error).message}`);
        }
        const { posts, errors } = normaliseWebhookPayload(payload, { now: new Date() });
        const receipt =
          posts.length > 0
            ? await ctx.ingestion!.sink.ingest(source.organisation_id, source.id, posts)
            : { stored: 0, alreadyStored: 0 };
        reply.code(202);
        return { accepted: receipt.stored, duplicates: receipt.alreadyStored, errors };
      },
    );
  });
};
