import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../../../context";
import { keysetPage } from "../../../db/keyset";
import type { DB } from "../../../db/schema";
import { authorize, type PolicyActor } from "../../../policies/policy";

export function invitationsQuery(db: Kysely<DB> | Transaction<DB>, organisationId: string) {
  return db
    .selectFrom("invitations")
    .leftJoin("users", "users.id", "invitations.invited_by")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.role",
      "invitations.created_at",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.revoked_at",
      "invitations.invited_by",
      "users.name as invited_by_name",
    ])
    .where("invitations.organisation_id", "=", organisationId);
}

export async function listInvitations(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  query: { cursor?: string; limit: number },
) {
  authorize(actor, "read", "Invitation");
  const q = invitationsQuery(ctx.db, actor.organisationId);
  return keysetPage(q, query, "invitations").execute();
}
