import type { Role } from "../../../shared/roles";
import type { Database } from "../../db/database";
import { sha256 } from "../../lib/crypto";
import { findSession, touchSession } from "./sessions";

/** Who is calling: resolved once per request from the session cookie or a bearer token. */
export interface AuthContext {
  user: { id: string; email: string; name: string };
  via: "session" | "token";
  sessionId: string | null;
  csrfToken: string | null;
  tokenId: string | null;
  organisationId: string | null;
  role: Role | null;
  membershipId: string | null;
}

export const API_TOKEN_PREFIX = "chorus_";

export async function authenticateSession(db: Database, token: string): Promise<AuthContext | null> {
  const session = await findSession(db, token);
  if (!session) return null;
  await touchSession(db, session);
  return {
    user: { id: session.user_id, email: session.email, name: session.name },
    via: "session",
    sessionId: session.id,
    csrfToken: session.csrf_token,
    tokenId: null,
    // A session pointing at an organisation the user has left acts as if none were chosen.
    organisationId: session.membership_id ? session.organisation_id : null,
    role: session.role ?? null,
    membershipId: session.membership_id ?? null,
  };
}

export async function authenticateApiToken(db: Database, secret: string): Promise<AuthContext | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .innerJoin("memberships", (join) =>
      join
        .onRef("memberships.user_id", "=", "api_tokens.user_id")
        .onRef("memberships.organisation_id", "=", "api_tokens.organisation_id"),
    )
    .select([
      "api_tokens.id",
      "api_tokens.organisation_id",
      "api_tokens.last_used_at",
      "users.id as user_id",
      "users.email",
      "users.name",
      "memberships.id as membership_id",
      "memberships.role",
    ])
    .where("api_tokens.token_hash", "=", sha256(secret))
    .where("api_tokens.revoked_at", "is", null)
    .where((eb) =>
      eb.or([eb("api_tokens.expires_at", "is", null), eb("api_tokens.expires_at", ">", new Date())]),
    )
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable("api_tokens").set({ last_used_at: new Date() }).where("id", "=", row.id).execute();
  }
  return {
    user: { id: row.user_id, email: row.email, name: row.name },
    via: "token",
    sessionId: null,
    csrfToken: null,
    tokenId: row.id,
    organisationId: row.organisation_id,
    role: row.role,
    membershipId: row.membership_id,
  };
}
