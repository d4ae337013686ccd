import type { Role } from "../../../shared/roles";

/** Mirrors the server's API contract (see docs in the app README); keep in sync with server/. */

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  slug: string;
}

export interface Session {
  user: User;
  organisation: OrganisationSummary | null;
  role: Role | null;
  csrfToken: string;
  organisations: Array<OrganisationSummary & { role: Role }>;
}

export interface SetupStatus {
  needsSetup: boolean;
  openSignup: boolean;
}

export interface Organisation extends OrganisationSummary {
  /** Mentions older than this many days are deleted; null keeps them for ever. */
  retentionDays: number | null;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Member {
  id: string;
  user: User;
  role: Role;
  createdAt: string;
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  invitedBy: { id: string; name: string } | null;
}

export interface InvitationPreview {
  email: string;
  role: Role;
  organisation: { name: string };
  existingUser: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  user: { id: string; name: string };
}

export interface AuditEntry {
  id: string;
  name: string;
  actor: { id: string; name: string } | null;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
}

export type ErrorCode =
  | "not_found"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "conflict"
  | "rate_limited"
  | "csrf_failed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "bad_request"
  | "internal"
  | "network_error";

export interface ValidationIssue {
  path: string;
  message: string;
}
