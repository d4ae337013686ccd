import type { Role } from "../../../../shared/roles";
import type { AppContext } from "../../../context";
import { keysetPage } from "../../../db/keyset";
import { type Actor, recordEvent } from "../../../events/record";
import { conflict, notFound } from "../../../http/errors";
import { authorize, can, type PolicyActor } from "../../../policies/policy";
import { revokeTokensOfMember } from "../../accounts/apiTokens";
import { organisationsRepo } from "../repository";

export async function listMembers(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  query: { cursor?: string; limit: number },
) {
  authorize(actor, "read", "Membership");
  const q = ctx.db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "memberships.id",
      "memberships.role",
      "memberships.created_at",
      "memberships.user_id",
      "users.email",
      "users.name",
    ])
    .where("memberships.organisation_id", "=", actor.organisationId);
  return keysetPage(q, query, "memberships", "asc").execute();
}

export async function changeMemberRole(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { membershipId: string; role: Role },
) {
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise role changes per organisation: two owners demoting each other at once must not
    // both see "another owner remains".
    await trx
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", actor.organisationId)
      .forUpdate()
      .execute();
    const member = await organisationsRepo.findMembershipById(trx, actor.organisationId, input.membershipId);
    if (!member) throw notFound("Member");
    authorize(actor, "changeRole", "Membership", { role: member.role, newRole: input.role });
    if (member.role === input.role) return member;
    if (member.role === "owner" && (await organisationsRepo.countOwners(trx, actor.organisationId)) <= 1) {
      throw conflict("An organisation needs at least one owner: make someone else owner first");
    }
    await trx
      .updateTable("memberships")
      .set({ role: input.role, updated_at: new Date() })
      .where("id", "=", member.id)
      .execute();
    await recordEvent(trx, eventActor, {
      name: "member.role_changed",
      subjectType: "membership",
      subjectId: member.id,
      data: { email: member.email, from: member.role, to: input.role },
    });
    return { ...member, role: input.role };
  });
}

export async function removeMember(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  membershipId: string,
) {
  await ctx.db.transaction().execute(async (trx) => {
    // Serialise role changes per organisation: two owners demoting each other at once must not
    // both see "another owner remains".
    await trx
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", actor.organisationId)
      .forUpdate()
      .execute();
    const member = await organisationsRepo.findMembershipById(trx, actor.organisationId, membershipId);
    if (!member) throw notFound("Member");
    const leaving = member.user_id === actor.userId;
    if (!(leaving && can(actor, "leave", "Membership", { userId: member.user_id }))) {
      authorize(actor, "remove", "Membership", { role: member.role });
    }
    if (member.role === "owner" && (await organisationsRepo.countOwners(trx, actor.organisationId)) <= 1) {
      throw conflict("The last owner cannot leave or be removed");
    }
    await trx.deleteFrom("memberships").where("id", "=", member.id).execute();
    // Their tokens for this organisation die with the membership.
    await revokeTokensOfMember(trx, actor.organisationId, member.user_id);
    await recordEvent(trx, eventActor, {
      name: leaving ? "member.left" : "member.removed",
      subjectType: "membership",
      subjectId: member.id,
      data: { email: member.email, role: member.role },
    });
  });
}
