import type { AppContext } from "../../../context";
import { type Actor, recordEvent } from "../../../events/record";
import { conflict, notFound } from "../../../http/errors";
import { authorize, type PolicyActor } from "../../../policies/policy";

export async function revokeInvitation(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
) {
  authorize(actor, "revoke", "Invitation");
  await ctx.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom("invitations")
      .select(["id", "email", "accepted_at", "revoked_at"])
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) throw notFound("Invitation");
    if (invitation.accepted_at)
      throw conflict("This invitation was already accepted; remove the member instead");
    if (invitation.revoked_at) return;
    await trx.updateTable("invitations").set({ revoked_at: new Date() }).where("id", "=", id).execute();
    await recordEvent(trx, eventActor, {
      name: "invitation.revoked",
      subjectType: "invitation",
      subjectId: id,
      data: { email: invitation.email },
    });
  });
}
