import type { Role } from "../../../../shared/roles";
import { ROLE_INFO } from "../../../../shared/roles";
import type { AppContext } from "../../../context";
import { publicUrl } from "../../../context";
import { type Actor, recordEvent } from "../../../events/record";
import { conflict } from "../../../http/errors";
import { randomToken, sha256 } from "../../../lib/crypto";
import { authorize, type PolicyActor } from "../../../policies/policy";
import { invitationsQuery } from "./listInvitations";

const INVITATION_TTL_DAYS = 14;

export async function inviteMember(
  ctx: Pick<AppContext, "db" | "config" | "mailer">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { email: string; role: Role },
) {
  authorize(actor, "create", "Invitation", { role: input.role });
  const email = input.email.trim().toLowerCase();
  const token = randomToken();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select("memberships.id")
      .where("memberships.organisation_id", "=", actor.organisationId)
      .where((eb) => eb(eb.fn("lower", ["users.email"]), "=", email))
      .executeTakeFirst();
    if (existing) throw conflict(`${email} is already a member of this organisation`);
    // A new invitation replaces any pending one for the same address: one live link per person.
    await trx
      .updateTable("invitations")
      .set({ revoked_at: new Date() })
      .where("organisation_id", "=", actor.organisationId)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    const row = await trx
      .insertInto("invitations")
      .values({
        organisation_id: actor.organisationId,
        email,
        role: input.role,
        token_hash: sha256(token),
        invited_by: actor.userId,
        expires_at: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "invitation.created",
      subjectType: "invitation",
      subjectId: row.id,
      data: { email, role: input.role },
    });
    const invitation = await invitationsQuery(trx, actor.organisationId)
      .where("invitations.id", "=", row.id)
      .executeTakeFirstOrThrow();
    const organisation = await trx
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", actor.organisationId)
      .executeTakeFirstOrThrow();
    return { invitation, organisationName: organisation.name };
  });
  const inviteUrl = `${publicUrl(ctx.config)}/invite/${token}`;
  await ctx.mailer.send({
    to: email,
    subject: `You are invited to ${result.organisationName} on Chorus`,
    text: `You have been invited to join ${result.organisationName} on Chorus as ${ROLE_INFO[input.role].label}.\n\nAccept within ${INVITATION_TTL_DAYS} days:\n\n${inviteUrl}`,
  });
  // With SMTP the link goes only to the invitee: an inviter holding it could accept in their name.
  return { invitation: result.invitation, inviteUrl: ctx.mailer.kind === "log" ? inviteUrl : null };
}
