import type { AppContext } from "../../../context";
import { recordEvent } from "../../../events/record";
import { rateLimited, unauthorized } from "../../../http/errors";
import { organisationsRepo } from "../../organisations/repository";
import { verifyPassword } from "../passwords";
import { loginAttemptsRepo, usersRepo } from "../repository";
import { createSession, deleteSessionByToken } from "../sessions";

export interface LogInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session cookie the browser sent, if any: it is destroyed (session rotation). */
  previousToken: string | undefined;
}

// An IP may fail for several accounts (an office behind one NAT), so it gets a wider budget.
const IP_FACTOR = 4;

/** The login throttle, shared by every place that checks a password. */
export async function assertNotLimited(ctx: Pick<AppContext, "db" | "config">, email: string, ip: string) {
  const windowMinutes = ctx.config.LOGIN_WINDOW_MINUTES;
  const max = ctx.config.LOGIN_MAX_ATTEMPTS;
  for (const [key, value, limit] of [
    ["email", email, max],
    ["ip", ip, max * IP_FACTOR],
  ] as const) {
    const { count, oldest } = await loginAttemptsRepo.recentFailures(ctx.db, key, value, windowMinutes);
    if (count >= limit && oldest) {
      const retryAfter = Math.ceil((oldest.getTime() + windowMinutes * 60_000 - Date.now()) / 1000);
      throw rateLimited(Math.max(1, retryAfter));
    }
  }
}

export async function logIn(ctx: Pick<AppContext, "db" | "config">, input: LogInInput) {
  const email = input.email.trim().toLowerCase();
  await assertNotLimited(ctx, email, input.ip);
  const user = await usersRepo.findByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.password_hash, input.password);
  await loginAttemptsRepo.record(ctx.db, { email, ip: input.ip, succeeded: ok });
  if (!user || !ok) throw unauthorized("Email or password is incorrect");

  return ctx.db.transaction().execute(async (trx) => {
    if (input.previousToken) await deleteSessionByToken(trx, input.previousToken);
    const organisations = await organisationsRepo.listForUser(trx, user.id);
    const organisationId = organisations[0]?.id ?? null;
    const { token, session } = await createSession(trx, {
      userId: user.id,
      organisationId,
      ip: input.ip,
      userAgent: input.userAgent,
      ttlHours: ctx.config.SESSION_TTL_HOURS,
    });
    await trx.updateTable("users").set({ last_login_at: new Date() }).where("id", "=", user.id).execute();
    await recordEvent(
      trx,
      { userId: user.id, organisationId, ip: input.ip },
      { name: "user.logged_in", subjectType: "user", subjectId: user.id, data: { via: "password" } },
    );
    return { token, session, user };
  });
}
