import { z } from "zod";
import { ROLES } from "../../../shared/roles";
import { pageResponse } from "../../http/pagination";
import { passwordSchema } from "../accounts/passwords";
import { email, personName } from "../accounts/schema";

export const organisationName = z.string().trim().min(1, "Name is required").max(120);
export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  /** Mentions older than this many days are deleted; null keeps them for ever. */
  retentionDays: z.number().nullable(),
  createdAt: z.string(),
});
export const createOrganisationBody = z.object({ name: organisationName });
export const updateOrganisationBody = z.object({
  name: organisationName.optional(),
  retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const memberSchema = z.object({
  id: z.uuid(),
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  createdAt: z.string(),
});
export const memberPage = pageResponse(memberSchema);
export const changeRoleBody = z.object({ role: z.enum(ROLES) });

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export const invitationPage = pageResponse(invitationSchema);
export const createInvitationBody = z.object({ email, role: z.enum(ROLES) });
/** `inviteUrl` only when no SMTP is configured: otherwise the mail proves the address is the invitee's. */
export const createInvitationResponse = z.object({
  invitation: invitationSchema,
  inviteUrl: z.string().nullable(),
});

export const invitationTokenParams = z.object({ token: z.string().min(10).max(200) });
export const invitationPreview = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ name: z.string() }),
  existingUser: z.boolean(),
});
export const acceptInvitationBody = z.object({ name: personName.optional(), password: passwordSchema });
