import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { randomToken, sha256 } from "../../lib/crypto";

type Q = Kysely<DB> | Transaction<DB>;

export const SESSION_COOKIE = "chorus_session";

export interface NewSession {
  userId: string;
  organisationId: string | null;
  ip: string | null;
  userAgent: string | null;
  ttlHours: number;
}

/** Creates a session; the raw token goes in the cookie and is never stored. */
export async function createSession(db: Q, input: NewSession) {
  const token = randomToken();
  const csrfToken = randomToken();
  const row = await db
    .insertInto("sessions")
    .values({
      token_hash: sha256(token),
      user_id: input.userId,
      organisation_id: input.organisationId,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 512) ?? null,
      expires_at: new Date(Date.now() + input.ttlHours * 3600_000),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session: row };
}

/** The session, its user and their membership in the session's organisation: one query per request. */
export function findSession(db: Q, token: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("memberships", (join) =>
      join
        .onRef("memberships.organisation_id", "=", "sessions.organisation_id")
        .onRef("memberships.user_id", "=", "sessions.user_id"),
    )
    .select([
      "memberships.id as membership_id",
      "memberships.role",
      "sessions.id",
      "sessions.organisation_id",
      "sessions.csrf_token",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.email",
      "users.name",
    ])
    .where("sessions.token_hash", "=", sha256(token))
    .where("sessions.expires_at", ">", new Date())
    .executeTakeFirst();
}

export function deleteSessionByToken(db: Q, token: string) {
  return db.deleteFrom("sessions").where("token_hash", "=", sha256(token)).execute();
}

/** Expired sessions are useless and only grow the table. */
export function deleteExpiredSessions(db: Q) {
  return db.deleteFrom("sessions").where("expires_at", "<", new Date()).execute();
}

export function deleteSessionsOfUser(db: Q, userId: string) {
  return db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export function setSessionOrganisation(db: Q, sessionId: string, organisationId: string) {
  return db
    .updateTable("sessions")
    .set({ organisation_id: organisationId })
    .where("id", "=", sessionId)
    .execute();
}

/** Updated at most every few minutes: a write per request would double the database load. */
export async function touchSession(db: Q, session: { id: string; last_seen_at: Date }) {
  if (Date.now() - session.last_seen_at.getTime() < 5 * 60_000) return;
  await db.updateTable("sessions").set({ last_seen_at: new Date() }).where("id", "=", session.id).execute();
}
