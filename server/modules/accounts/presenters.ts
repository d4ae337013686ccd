import type { Role } from "../../../shared/roles";
import type { Database } from "../../db/database";
import { organisationsRepo } from "../organisations/repository";

export interface SessionPayload {
  user: { id: string; email: string; name: string };
  organisation: { id: string; name: string; slug: string } | null;
  role: Role | null;
  csrfToken: string;
  organisations: { id: string; name: string; slug: string; role: Role }[];
}

/** What the web app knows about its user: who, where, as what, and where else they could be. */
export async function presentSession(
  db: Database,
  input: {
    user: { id: string; email: string; name: string };
    organisationId: string | null;
    csrfToken: string;
  },
): Promise<SessionPayload> {
  const organisations = await organisationsRepo.listForUser(db, input.user.id);
  const current = organisations.find((o) => o.id === input.organisationId) ?? null;
  return {
    user: input.user,
    organisation: current ? { id: current.id, name: current.name, slug: current.slug } : null,
    role: current?.role ?? null,
    csrfToken: input.csrfToken,
    organisations,
  };
}

export function presentApiToken(row: {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  user_id: string;
  user_name: string;
}) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    user: { id: row.user_id, name: row.user_name },
  };
}
