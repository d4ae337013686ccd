import { z } from "zod";
import { notFound } from "../../http/errors";
import { encodeCursor, page, pageQuery } from "../../http/pagination";
import { actorOf, memberOf, userOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { idParams } from "../accounts/schema";
import { presentMember, presentOrganisation } from "./presenters";
import { organisationsRepo } from "./repository";
import {
  changeRoleBody,
  createOrganisationBody,
  memberPage,
  memberSchema,
  organisationSchema,
  updateOrganisationBody,
} from "./schema";
import { createOrganisation } from "./useCases/createOrganisation";
import { changeMemberRole, listMembers, removeMember } from "./useCases/manageMembers";
import { updateOrganisation } from "./useCases/updateOrganisation";

const tags = ["Organisations"];

export const organisationsRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/api/organisations",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "Create an organisation (you become its owner)",
        body: createOrganisationBody,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const auth = userOf(request);
      const organisation = await createOrganisation(
        ctx,
        { ...actorOf(request), userId: auth.user.id },
        request.body.name,
      );
      reply.code(201);
      return presentOrganisation(organisation);
    },
  );

  app.get(
    "/api/organisation",
    {
      config: { auth: "member" },
      schema: { tags, summary: "The active organisation", response: { 200: organisationSchema } },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Organisation");
      const organisation = await organisationsRepo.findById(ctx.db, actor.organisationId);
      if (!organisation) throw notFound("Organisation");
      return presentOrganisation(organisation);
    },
  );

  app.patch(
    "/api/organisation",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Rename the active organisation",
        body: updateOrganisationBody,
        response: { 200: organisationSchema },
      },
    },
    async (request) =>
      presentOrganisation(await updateOrganisation(ctx, memberOf(request), actorOf(request), request.body)),
  );

  app.get(
    "/api/members",
    {
      config: { auth: "member" },
      schema: { tags, summary: "List members", querystring: pageQuery, response: { 200: memberPage } },
    },
    async (request) => {
      const rows = await listMembers(ctx, memberOf(request), request.query);
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(presentMember), nextCursor: result.nextCursor };
    },
  );

  app.patch(
    "/api/members/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Change a member's role",
        params: idParams,
        body: changeRoleBody,
        response: { 200: memberSchema },
      },
    },
    async (request) =>
      presentMember(
        await changeMemberRole(ctx, memberOf(request), actorOf(request), {
          membershipId: request.params.id,
          role: request.body.role,
        }),
      ),
  );

  app.delete(
    "/api/members/:id",
    {
      config: { auth: "member" },
      schema: { tags, summary: "Remove a member, or leave", params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeMember(ctx, memberOf(request), actorOf(request), request.params.id);
      reply.code(204).send(null);
    },
  );
};
