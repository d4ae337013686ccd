import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../../context";
import { keysetPage } from "../../db/keyset";
import type { DB } from "../../db/schema";
import { type Actor, recordEvent } from "../../events/record";
import { notFound } from "../../http/errors";
import { randomToken, sha256 } from "../../lib/crypto";
import { authorize, can, type PolicyActor } from "../../policies/policy";
import { API_TOKEN_PREFIX } from "./authenticate";

type Q = Kysely<DB> | Transaction<DB>;

function selectTokens(db: Q, organisationId: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.prefix",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.expires_at",
      "api_tokens.user_id",
      "users.name as user_name",
    ])
    .where("api_tokens.organisation_id", "=", organisationId)
    .where("api_tokens.revoked_at", "is", null);
}

/** Admins see every live token of the organisation, others only their own. */
export async function listApiTokens(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  query: { cursor?: string; limit: number },
) {
  authorize(actor, "read", "ApiToken");
  let q = selectTokens(ctx.db, actor.organisationId);
  if (!can(actor, "readAll", "ApiToken")) q = q.where("api_tokens.user_id", "=", actor.userId);
  return keysetPage(q, query, "api_tokens").execute();
}

export async function createApiToken(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
) {
  authorize(actor, "create", "ApiToken");
  const secret = randomToken(API_TOKEN_PREFIX);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_tokens")
      .values({
        organisation_id: actor.organisationId,
        user_id: actor.userId,
        name: input.name.trim(),
        token_hash: sha256(secret),
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 4),
        expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "api_token.created",
      subjectType: "api_token",
      subjectId: row.id,
      data: { name: input.name.trim(), expiresInDays: input.expiresInDays ?? null },
    });
    const token = await selectTokens(trx, actor.organisationId)
      .where("api_tokens.id", "=", row.id)
      .executeTakeFirstOrThrow();
    return { token, secret };
  });
}

export async function revokeApiToken(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const token = await selectTokens(trx, actor.organisationId)
      .where("api_tokens.id", "=", id)
      .executeTakeFirst();
    if (!token) throw notFound("API token");
    authorize(actor, "revoke", "ApiToken", { userId: token.user_id });
    await trx.updateTable("api_tokens").set({ revoked_at: new Date() }).where("id", "=", id).execute();
    await recordEvent(trx, eventActor, {
      name: "api_token.revoked",
      subjectType: "api_token",
      subjectId: id,
      data: { name: token.name },
    });
  });
}

/** Called by the organisations module when a member leaves or is removed. */
export function revokeTokensOfMember(db: Q, organisationId: string, userId: string) {
  return db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date() })
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}
