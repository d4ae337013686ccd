import { z } from "zod";
import { ROLES } from "../../../shared/roles";
import { pageResponse } from "../../http/pagination";
import { passwordSchema } from "./passwords";

/** One schema per endpoint: validation, TypeScript types and the OpenAPI document. */
export const email = z.email("Enter a valid email address").max(320).trim();
export const personName = z.string().trim().min(1, "Name is required").max(120);

const organisationRef = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
export const sessionSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  organisation: organisationRef.nullable(),
  role: z.enum(ROLES).nullable(),
  csrfToken: z.string(),
  organisations: z.array(organisationRef.extend({ role: z.enum(ROLES) })),
});

export const setupResponse = z.object({ needsSetup: z.boolean(), openSignup: z.boolean() });

export const signUpBody = z.object({
  name: personName,
  email,
  password: passwordSchema,
  organisationName: z.string().trim().min(1, "Organisation name is required").max(120),
});

export const logInBody = z.object({ email: z.string().trim().max(320), password: z.string().max(256) });

export const passwordResetBody = z.object({ email: z.string().trim().max(320) });
export const passwordResetConfirmBody = z.object({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});

export const switchOrganisationBody = z.object({ organisationId: z.uuid() });

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  user: z.object({ id: z.uuid(), name: z.string() }),
});
export const apiTokenPage = pageResponse(apiTokenSchema);
export const createApiTokenBody = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const createApiTokenResponse = z.object({ token: apiTokenSchema, secret: z.string() });
export const idParams = z.object({ id: z.uuid("Not a valid id") });
