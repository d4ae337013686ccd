import type { Database } from "../../db/database";

/** Email addresses of an organisation's owners and admins: who hears from Chorus by default. */
export async function managerEmails(db: Database, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select("users.email")
    .where("memberships.organisation_id", "=", organisationId)
    .where("memberships.role", "in", ["owner", "admin"])
    .orderBy("users.email")
    .execute();
  return rows.map((r) => r.email);
}
