import { z } from "zod";
import { forbidden } from "../../http/errors";
import { encodeCursor, page, pageQuery } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { createApiToken, listApiTokens, revokeApiToken } from "./apiTokens";
import { presentApiToken } from "./presenters";
import { apiTokenPage, createApiTokenBody, createApiTokenResponse, idParams } from "./schema";

const tags = ["API tokens"];

export const tokensRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/api/tokens",
    {
      config: { auth: "member" },
      schema: { tags, summary: "List API tokens", querystring: pageQuery, response: { 200: apiTokenPage } },
    },
    async (request) => {
      const rows = await listApiTokens(ctx, memberOf(request), request.query);
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(presentApiToken), nextCursor: result.nextCursor };
    },
  );

  app.post(
    "/api/tokens",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Create an API token (the secret is shown once)",
        body: createApiTokenBody,
        response: { 201: createApiTokenResponse },
      },
    },
    async (request, reply) => {
      const actor = memberOf(request);
      // A leaked token must not be able to mint successors that outlive its revocation.
      if (actor.auth.via === "token")
        throw forbidden("API tokens cannot create API tokens; create them in the web app");
      const { token, secret } = await createApiToken(ctx, actor, actorOf(request), request.body);
      reply.code(201);
      return { token: presentApiToken(token), secret };
    },
  );

  app.delete(
    "/api/tokens/:id",
    {
      config: { auth: "member" },
      schema: { tags, summary: "Revoke an API token", params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, memberOf(request), actorOf(request), request.params.id);
      reply.code(204).send(null);
    },
  );
};
