import { sql } from "kysely";
import type { AppContext } from "../../../context";
import { recordEvent } from "../../../events/record";
import { conflict, forbidden } from "../../../http/errors";
import { organisationsRepo } from "../../organisations/repository";
import { hashPassword } from "../passwords";
import { usersRepo } from "../repository";
import { createSession } from "../sessions";

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  organisationName: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Creates a user, their organisation and their owner membership. Allowed for the very first
 * user of an instance (setup), or for anyone when CHORUS_OPEN_SIGNUP is on.
 */
export async function signUp(ctx: Pick<AppContext, "db" | "config">, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise sign-ups so two "first owners" cannot both pass the check.
    await sql`select pg_advisory_xact_lock(hashtext('chorus.signup'))`.execute(trx);
    if (!ctx.config.CHORUS_OPEN_SIGNUP && (await usersRepo.any(trx))) {
      throw forbidden("Sign-up is closed on this instance: ask an admin for an invitation");
    }
    if (await usersRepo.findByEmail(trx, input.email))
      throw conflict("An account with this email already exists");
    const user = await usersRepo.insert(trx, { email: input.email, name: input.name, passwordHash });
    const organisation = await organisationsRepo.insert(trx, input.organisationName.trim());
    await organisationsRepo.insertMembership(trx, organisation.id, user.id, "owner");
    const actor = { userId: user.id, organisationId: organisation.id, ip: input.ip };
    await recordEvent(trx, actor, {
      name: "organisation.created",
      subjectType: "organisation",
      subjectId: organisation.id,
      data: { name: organisation.name },
    });
    await recordEvent(trx, actor, {
      name: "user.signed_up",
      subjectType: "user",
      subjectId: user.id,
      data: {},
    });
    const { token, session } = await createSession(trx, {
      userId: user.id,
      organisationId: organisation.id,
      ip: input.ip,
      userAgent: input.userAgent,
      ttlHours: ctx.config.SESSION_TTL_HOURS,
    });
    return { token, session, user };
  });
}
