import type { Role } from "../../../shared/roles";

export function presentOrganisation(row: {
  id: string;
  name: string;
  slug: string;
  retention_days: number | null;
  created_at: Date;
}) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    retentionDays: row.retention_days,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentMember(row: {
  id: string;
  role: Role;
  created_at: Date;
  user_id: string;
  email: string;
  name: string;
}) {
  return {
    id: row.id,
    user: { id: row.user_id, email: row.email, name: row.name },
    role: row.role,
    createdAt: row.created_at.toISOString(),
  };
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(row: {
  accepted_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
}): InvitationStatus {
  if (row.accepted_at) return "accepted";
  if (row.revoked_at) return "revoked";
  return row.expires_at < new Date() ? "expired" : "pending";
}

export function presentInvitation(row: {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  invited_by: string | null;
  invited_by_name: string | null;
}) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    invitedBy: row.invited_by ? { id: row.invited_by, name: row.invited_by_name ?? "" } : null,
  };
}
