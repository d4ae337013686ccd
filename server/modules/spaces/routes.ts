import { z } from "zod";
import { encodeCursor, page, pageQuery, pageResponse } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { idParams } from "../accounts/schema";
import { createSpace, getSpace, listSpaces, setSpaceMember } from "./spaces";

const tags = ["Spaces"];
const spaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
const createSpaceBody = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
});
const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });

function present(row: { id: string; name: string; description: string; created_at: Date }) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at.toISOString(),
  };
}

export const spacesRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/spaces",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Spaces you can see",
        querystring: pageQuery,
        response: { 200: pageResponse(spaceSchema) },
      },
    },
    async (request) => {
      const rows = await listSpaces(ctx, memberOf(request), request.query);
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(present), nextCursor: result.nextCursor };
    },
  );

  app.post(
    "/api/spaces",
    {
      config: { auth: "member" },
      schema: { tags, summary: "Create a space", body: createSpaceBody, response: { 201: spaceSchema } },
    },
    async (request, reply) => {
      const space = await createSpace(ctx, memberOf(request), actorOf(request), request.body);
      reply.code(201);
      return present(space);
    },
  );

  app.get(
    "/api/spaces/:id",
    {
      config: { auth: "member" },
      schema: { tags, summary: "One space", params: idParams, response: { 200: spaceSchema } },
    },
    async (request) => present(await getSpace(ctx, memberOf(request), request.params.id)),
  );

  app.put(
    "/api/spaces/:id/members/:userId",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Add a member of the organisation to a space",
        params: memberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setSpaceMember(ctx, memberOf(request), actorOf(request), {
        spaceId: request.params.id,
        userId: request.params.userId,
        present: true,
      });
      reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/spaces/:id/members/:userId",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Remove someone from a space",
        params: memberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setSpaceMember(ctx, memberOf(request), actorOf(request), {
        spaceId: request.params.id,
        userId: request.params.userId,
        present: false,
      });
      reply.code(204).send(null);
    },
  );
};
