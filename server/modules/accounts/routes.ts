import { z } from "zod";
import { clearSessionCookie, setSessionCookie } from "../../http/cookies";
import { notFound } from "../../http/errors";
import { userOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { organisationsRepo } from "../organisations/repository";
import { presentSession } from "./presenters";
import { usersRepo } from "./repository";
import {
  logInBody,
  passwordResetBody,
  passwordResetConfirmBody,
  sessionSchema,
  setupResponse,
  signUpBody,
  switchOrganisationBody,
} from "./schema";
import { deleteSessionByToken, SESSION_COOKIE, setSessionOrganisation } from "./sessions";
import { logIn } from "./useCases/logIn";
import { requestPasswordReset, resetPassword } from "./useCases/passwordReset";
import { signUp } from "./useCases/signUp";

const tags = ["Accounts"];

export const accountsRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/setup",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Whether the instance still needs its first owner",
        response: { 200: setupResponse },
      },
    },
    async () => ({ needsSetup: !(await usersRepo.any(ctx.db)), openSignup: ctx.config.CHORUS_OPEN_SIGNUP }),
  );

  app.get(
    "/api/session",
    {
      config: { auth: "user" },
      schema: { tags, summary: "The current user, organisation and role", response: { 200: sessionSchema } },
    },
    async (request) => {
      const auth = userOf(request);
      return presentSession(ctx.db, {
        user: auth.user,
        organisationId: auth.organisationId,
        csrfToken: auth.csrfToken ?? "",
      });
    },
  );

  app.post(
    "/api/auth/signup",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Create the first owner and organisation",
        body: signUpBody,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => {
      const result = await signUp(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setSessionCookie(reply, ctx.config, result.token);
      reply.code(201);
      return presentSession(ctx.db, {
        user: result.user,
        organisationId: result.session.organisation_id,
        csrfToken: result.session.csrf_token,
      });
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Log in with email and password (rate limited)",
        body: logInBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const result = await logIn(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, ctx.config, result.token);
      return presentSession(ctx.db, {
        user: { id: result.user.id, email: result.user.email, name: result.user.name },
        organisationId: result.session.organisation_id,
        csrfToken: result.session.csrf_token,
      });
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { auth: "public" },
      schema: { tags, summary: "End the current session", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSessionByToken(ctx.db, token);
      clearSessionCookie(reply, ctx.config);
      reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Mail a password reset link",
        body: passwordResetBody,
        response: { 202: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email);
      reply.code(202);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/password-reset/confirm",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Set a new password with a reset token",
        body: passwordResetConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, { ...request.body, ip: request.ip });
      reply.code(204).send(null);
    },
  );

  app.post(
    "/api/session/organisation",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "Switch the active organisation",
        body: switchOrganisationBody,
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const auth = userOf(request);
      const membership = await organisationsRepo.findMembership(
        ctx.db,
        request.body.organisationId,
        auth.user.id,
      );
      if (!membership || !auth.sessionId) throw notFound("Organisation");
      await setSessionOrganisation(ctx.db, auth.sessionId, membership.organisation_id);
      return presentSession(ctx.db, {
        user: auth.user,
        organisationId: membership.organisation_id,
        csrfToken: auth.csrfToken ?? "",
      });
    },
  );
};
