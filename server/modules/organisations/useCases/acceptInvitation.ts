import type { AppContext } from "../../../context";
import { recordEvent } from "../../../events/record";
import { notFound, unauthorized, validationFailed } from "../../../http/errors";
import { sha256 } from "../../../lib/crypto";
import { hashPassword, verifyPassword } from "../../accounts/passwords";
import { loginAttemptsRepo, usersRepo } from "../../accounts/repository";
import { createSession } from "../../accounts/sessions";
import { assertNotLimited } from "../../accounts/useCases/logIn";
import { organisationsRepo } from "../repository";

async function findPending(db: AppContext["db"], token: string) {
  const invitation = await db
    .selectFrom("invitations")
    .innerJoin("organisations", "organisations.id", "invitations.organisation_id")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.role",
      "invitations.organisation_id",
      "invitations.expires_at",
      "organisations.name as organisation_name",
    ])
    .where("invitations.token_hash", "=", sha256(token))
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .executeTakeFirst();
  if (!invitation || invitation.expires_at < new Date()) throw notFound("Invitation");
  return invitation;
}

/** Public preview of an invitation link: enough to render the accept page, nothing more. */
export async function lookupInvitation(ctx: Pick<AppContext, "db">, token: string) {
  const invitation = await findPending(ctx.db, token);
  const user = await usersRepo.findByEmail(ctx.db, invitation.email);
  return {
    email: invitation.email,
    role: invitation.role,
    organisation: { name: invitation.organisation_name },
    existingUser: Boolean(user),
  };
}

/**
 * Accepting signs the person in: a new user chooses a name and password; an existing user
 * proves who they are with their password. Either way the result is a fresh session.
 */
export async function acceptInvitation(
  ctx: Pick<AppContext, "db" | "config">,
  input: {
    token: string;
    name?: string | undefined;
    password: string;
    ip: string | null;
    userAgent: string | null;
  },
) {
  const invitation = await findPending(ctx.db, input.token);
  const existing = await usersRepo.findByEmail(ctx.db, invitation.email);
  if (existing) {
    // A password check like a login: same throttle, same record, or this would be an oracle.
    const email = invitation.email.toLowerCase();
    const ip = input.ip ?? "unknown";
    await assertNotLimited(ctx, email, ip);
    const ok = await verifyPassword(existing.password_hash, input.password);
    await loginAttemptsRepo.record(ctx.db, { email, ip, succeeded: ok });
    if (!ok) throw unauthorized("Password is incorrect for this account");
  } else if (!input.name?.trim()) {
    throw validationFailed("Your name is required", [
      { path: "name", message: "Required for a new account" },
    ]);
  }
  const passwordHash = existing ? null : await hashPassword(input.password);

  return ctx.db.transaction().execute(async (trx) => {
    // Lock the invitation: two tabs accepting at once must not create two memberships.
    const locked = await trx
      .selectFrom("invitations")
      .select(["id", "accepted_at", "revoked_at", "expires_at"])
      .where("id", "=", invitation.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // Re-checked under the lock: a revoke during the password hashing above must win.
    if (locked.accepted_at || locked.revoked_at || locked.expires_at < new Date())
      throw notFound("Invitation");
    const user =
      existing ??
      (await usersRepo.insert(trx, { email: invitation.email, name: input.name ?? "", passwordHash }));
    const actor = { userId: user.id, organisationId: invitation.organisation_id, ip: input.ip };
    const already = await organisationsRepo.findMembership(trx, invitation.organisation_id, user.id);
    const membership =
      already ??
      (await organisationsRepo.insertMembership(trx, invitation.organisation_id, user.id, invitation.role));
    await trx
      .updateTable("invitations")
      .set({ accepted_at: new Date(), accepted_by: user.id })
      .where("id", "=", invitation.id)
      .execute();
    await recordEvent(trx, actor, {
      name: "invitation.accepted",
      subjectType: "invitation",
      subjectId: invitation.id,
      data: { email: invitation.email, role: invitation.role },
    });
    if (!already) {
      await recordEvent(trx, actor, {
        name: "member.joined",
        subjectType: "membership",
        subjectId: membership.id,
        data: { email: user.email, role: membership.role },
      });
    }
    const { token, session } = await createSession(trx, {
      userId: user.id,
      organisationId: invitation.organisation_id,
      ip: input.ip,
      userAgent: input.userAgent,
      ttlHours: ctx.config.SESSION_TTL_HOURS,
    });
    return { token, session, user };
  });
}
