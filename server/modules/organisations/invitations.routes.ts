import { z } from "zod";
import { setSessionCookie } from "../../http/cookies";
import { encodeCursor, page, pageQuery } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { presentSession } from "../accounts/presenters";
import { idParams, sessionSchema } from "../accounts/schema";
import { presentInvitation } from "./presenters";
import {
  acceptInvitationBody,
  createInvitationBody,
  createInvitationResponse,
  invitationPage,
  invitationPreview,
  invitationTokenParams,
} from "./schema";
import { acceptInvitation, lookupInvitation } from "./useCases/acceptInvitation";
import { inviteMember } from "./useCases/inviteMember";
import { listInvitations } from "./useCases/listInvitations";
import { revokeInvitation } from "./useCases/revokeInvitation";

const tags = ["Invitations"];

export const invitationsRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/invitations",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "List invitations",
        querystring: pageQuery,
        response: { 200: invitationPage },
      },
    },
    async (request) => {
      const rows = await listInvitations(ctx, memberOf(request), request.query);
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(presentInvitation), nextCursor: result.nextCursor };
    },
  );

  app.post(
    "/api/invitations",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Invite someone by email",
        body: createInvitationBody,
        response: { 201: createInvitationResponse },
      },
    },
    async (request, reply) => {
      const result = await inviteMember(ctx, memberOf(request), actorOf(request), request.body);
      reply.code(201);
      return { invitation: presentInvitation(result.invitation), inviteUrl: result.inviteUrl };
    },
  );

  app.delete(
    "/api/invitations/:id",
    {
      config: { auth: "member" },
      schema: { tags, summary: "Revoke an invitation", params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeInvitation(ctx, memberOf(request), actorOf(request), request.params.id);
      reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/invitations/:token",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Preview an invitation link",
        params: invitationTokenParams,
        response: { 200: invitationPreview },
      },
    },
    async (request) => lookupInvitation(ctx, request.params.token),
  );

  app.post(
    "/api/auth/invitations/:token/accept",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Accept an invitation and sign in",
        params: invitationTokenParams,
        body: acceptInvitationBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(ctx, {
        token: request.params.token,
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setSessionCookie(reply, ctx.config, result.token);
      return presentSession(ctx.db, {
        user: { id: result.user.id, email: result.user.email, name: result.user.name },
        organisationId: result.session.organisation_id,
        csrfToken: result.session.csrf_token,
      });
    },
  );
};
