import type { FastifyReply } from "fastify";
import type { Config } from "../config/env";
import { SESSION_COOKIE } from "../modules/accounts/sessions";

function secure(config: Config) {
  return config.CHORUS_SECURE_COOKIES ?? config.PUBLIC_URL?.startsWith("https://") ?? false;
}

/** HttpOnly so scripts cannot read it; SameSite=Lax so links from mails still log you in. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secure(config),
    maxAge: config.SESSION_TTL_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: secure(config) });
}
