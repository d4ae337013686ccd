import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backend } from "../helpers/database";
import { createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

describe(`HTTP edges on ${backend}`, () => {
  let runtime: TestRuntime;
  let owner: Awaited<ReturnType<typeof createOrganisationWithOwner>>["owner"];

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true, BODY_LIMIT_BYTES: 4096 } });
    ({ owner } = await createOrganisationWithOwner(runtime, "Edges Inc"));
  });
  afterAll(() => runtime?.close());

  it("answers malformed JSON with 400 and a message", async () => {
    const response = await owner.post("/api/invitations", undefined, {
      rawBody: '{"email": "a@b.c", role: }',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("bad_request");
    expect(response.body.error.message).toMatch(/JSON/);
    expect(response.body.requestId).toBeTruthy();
  });

  it("answers oversized bodies with 413", async () => {
    const response = await owner.post("/api/spaces", { name: "x", description: "y".repeat(10_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  it("answers invalid fields with 422 naming each field", async () => {
    const response = await owner.post("/api/invitations", { email: "not-an-email", role: "emperor" });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    const paths = response.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.role"]));
  });

  it("answers a wrong content type with 415", async () => {
    const response = await owner.post("/api/spaces", undefined, {
      rawBody: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
  });

  it("keeps odd Unicode and HTML as text", async () => {
    const name = "<img src=x onerror=alert(1)> Ünïcödé 👩🏽‍🚀 \u202Eevil";
    const created = await owner.post("/api/spaces", { name });
    expect(created.status).toBe(201);
    expect((await owner.get(`/api/spaces/${created.body.id}`)).body.name).toBe(name.trim());
  });

  it("answers unknown API routes and bad ids with the error shape", async () => {
    const missing = await owner.get("/api/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const badId = await owner.get("/api/spaces/not-a-uuid");
    expect(badId.status).toBe(422);
  });

  it("echoes a sane request id and replaces a hostile one", async () => {
    const kept = await owner.get("/api/session", { headers: { "x-request-id": "abc-123" } });
    expect(kept.headers["x-request-id"]).toBe("abc-123");
    const replaced = await owner.get("/api/session", {
      headers: { "x-request-id": "a\nb<script>".padEnd(80, "x") },
    });
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends security headers", async () => {
    const response = await owner.get("/api/session");
    expect(response.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("serves health, readiness and metrics", async () => {
    const client = runtime.client();
    expect((await client.get("/healthz")).body).toEqual({ status: "ok" });
    const ready = await client.get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toMatch(/^ok/);
    const metrics = await client.get("/metrics");
    expect(metrics.body).toMatch(/chorus_http_request_duration_seconds_bucket\{.*route="\/api\/session"/);
  });

  it("publishes an OpenAPI document for every API route, and its reference page", async () => {
    const client = runtime.client();
    const spec = await client.get("/api/openapi.json");
    expect(spec.body.openapi).toMatch(/^3\./);
    for (const route of runtime.http!.routes) {
      if (route.url === "/api/openapi.json" || route.url.startsWith("/api/docs")) continue;
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      expect(spec.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    expect((await client.get("/api/docs")).status).toBe(301);
    const docs = await client.get("/api/docs/");
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toMatch(/<html/i);
  });
});
