import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "../context";
import { liveRoutes } from "../live/routes";
import { accountsRoutes } from "../modules/accounts/routes";
import { tokensRoutes } from "../modules/accounts/tokens.routes";
import { alertsRoutes } from "../modules/alerts/routes";
import { auditRoutes } from "../modules/audit/routes";
import { digestsRoutes } from "../modules/digests/routes";
import { importsRoutes } from "../modules/ingestion/imports.routes";
import { sourcesRoutes } from "../modules/ingestion/sources.routes";
import { webhookRoutes } from "../modules/ingestion/webhook.routes";
import { topicsRoutes } from "../modules/listening/routes";
import { dashboardRoutes } from "../modules/mentions/dashboard.routes";
import { mentionsRoutes } from "../modules/mentions/routes";
import { invitationsRoutes } from "../modules/organisations/invitations.routes";
import { organisationsRoutes } from "../modules/organisations/routes";
import { spacesRoutes } from "../modules/spaces/routes";
import { authPlugin } from "./plugins/auth";
import { apiNotFound, registerErrorHandler } from "./plugins/errors";
import { registerMetrics } from "./plugins/metrics";
import { registerSecurityHeaders } from "./plugins/securityHeaders";
import { systemRoutes } from "./system.routes";
import type { ChorusApp, RouteEntry, RouteModule } from "./types";
import "../policies/all";

const appDist = join(dirname(fileURLToPath(import.meta.url)), "../../app/dist");

const ROUTE_MODULES: RouteModule[] = [
  systemRoutes,
  accountsRoutes,
  tokensRoutes,
  organisationsRoutes,
  invitationsRoutes,
  spacesRoutes,
  topicsRoutes,
  alertsRoutes,
  dashboardRoutes,
  mentionsRoutes,
  digestsRoutes,
  sourcesRoutes,
  webhookRoutes,
  importsRoutes,
  auditRoutes,
  liveRoutes,
];

export interface HttpApp {
  app: ChorusApp;
  /** Every route with its auth level: the tenant-isolation test walks this table. */
  routes: RouteEntry[];
}

export async function buildHttpApp(ctx: AppContext, options: { serveApp?: boolean } = {}): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    // boolean | hops | addresses: Fastify takes all three; its overloads only type the boolean.
    trustProxy: ctx.config.TRUST_PROXY as boolean,
    logController: new LogController({
      // Per-request lines only when debugging; errors and slow paths log on their own.
      disableRequestLogging: ctx.config.LOG_LEVEL !== "debug" && ctx.config.LOG_LEVEL !== "trace",
      requestIdLogLabel: "requestId",
    }),
    // A client-sent id is kept only if it is short and plain (checked in onRequest).
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  const routes: RouteEntry[] = [];
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.method === "HEAD") return;
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      routes.push({ method, url: route.url, auth: route.config?.auth });
    }
  });
  app.addHook("onRequest", async (request, reply) => {
    if (!/^[\w.-]{1,64}$/.test(request.id)) request.id = randomUUID();
    reply.header("x-request-id", request.id);
  });

  // Writes commit events to the outbox; publish them now rather than at the next poll, so
  // live updates reach browsers within milliseconds.
  app.addHook("onResponse", async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") void ctx.relay.kick();
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(authPlugin, { db: ctx.db });
  registerMetrics(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Chorus API",
        version: "0.1.0",
        description:
          "The Chorus REST API. Authenticate with `Authorization: Bearer <token>` (create tokens in Settings → API tokens) or, from the web app, the session cookie plus `x-csrf-token` on writes.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  for (const register of ROUTE_MODULES) register(app, ctx);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (docs) => {
    // The reference page runs Scalar's bundled script inline; loosen CSP for it alone.
    docs.addHook("onSend", async (_request, reply) => {
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
    });
    await docs.register(scalar, { routePrefix: "/api/docs", configuration: { url: "/api/openapi.json" } });
  });

  const serveApp = options.serveApp ?? existsSync(join(appDist, "index.html"));
  // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
  // `index` serves the shell at "/" (a directory request would otherwise be refused with 403).
  if (serveApp) await app.register(fastifyStatic, { root: appDist, wildcard: true, index: "index.html" });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // The web app routes on the client: any non-API GET of a page (not a missing file) gets its shell.
    const isFile = /\.[a-z0-9]+$/i.test(path) || path.startsWith("/assets/");
    if (serveApp && request.method === "GET" && !path.startsWith("/api/") && !isFile) {
      return reply.type("text/html").sendFile("index.html");
    }
    return apiNotFound(request, reply);
  });

  await app.ready();
  return { app, routes };
}
