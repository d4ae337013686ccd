import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../../db/database";
import type { Actor } from "../../events/record";
import { safeEqual } from "../../lib/crypto";
import {
  type AuthContext,
  authenticateApiToken,
  authenticateSession,
} from "../../modules/accounts/authenticate";
import { SESSION_COOKIE } from "../../modules/accounts/sessions";
import type { PolicyActor } from "../../policies/policy";
import { AppError, forbidden, unauthorized } from "../errors";

/**
 * Route auth levels, set per route as `config: { auth }`:
 *  - public: anyone (auth is resolved if present);
 *  - user:   a logged-in user, with or without an active organisation;
 *  - member: a user acting inside an organisation (member or outside member).
 */
export type AuthLevel = "public" | "user" | "member";

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    auth?: AuthLevel;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

async function resolve(db: Database, request: FastifyRequest): Promise<AuthContext | null> {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, secret] = header.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !secret)
      throw unauthorized("Authorization must be 'Bearer <token>'");
    const auth = await authenticateApiToken(db, secret.trim());
    if (!auth) throw unauthorized("The API token is invalid, expired or revoked");
    return auth;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(db, cookie) : null;
}

/**
 * CSRF: a cookie-authenticated write must carry the session's token in `x-csrf-token`
 * (synchroniser token). Browsers' Sec-Fetch-Site also blocks cross-site writes outright,
 * which covers the login and sign-up forms that have no session yet.
 */
function checkCsrf(request: FastifyRequest) {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers["sec-fetch-site"] === "cross-site") {
    throw new AppError(403, "csrf_failed", "Cross-site requests cannot change data");
  }
  const auth = request.auth;
  if (auth?.via !== "session" || !auth.csrfToken) return;
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !safeEqual(sent, auth.csrfToken)) {
    throw new AppError(403, "csrf_failed", "Missing or invalid CSRF token (send the x-csrf-token header)");
  }
}

export const authPlugin = fp(async (app: FastifyInstance, options: { db: Database }) => {
  app.decorateRequest("auth", null);
  app.addHook("preHandler", async (request) => {
    const level = request.routeOptions.config.auth;
    if (!level) return; // not an API route (static files, health)
    request.auth = await resolve(options.db, request);
    checkCsrf(request);
    if (level === "public") return;
    if (!request.auth) throw unauthorized();
    if (level === "member" && !request.auth.organisationId) {
      throw forbidden("Choose an organisation first (POST /api/session/organisation)");
    }
  });
});

/** For `member` routes: the caller as policies see them. */
export function memberOf(request: FastifyRequest): PolicyActor & { auth: AuthContext } {
  const auth = request.auth;
  if (!auth?.organisationId || !auth.role) throw unauthorized();
  return { userId: auth.user.id, organisationId: auth.organisationId, role: auth.role, auth };
}

export function userOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** The event actor for use cases: who, in which organisation, from where. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.auth?.user.id ?? null,
    organisationId: request.auth?.organisationId ?? null,
    ip: request.ip,
    requestId: request.id,
  };
}
