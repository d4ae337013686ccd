import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteEntry } from "../../server/http/types";
import { backend } from "../helpers/database";
import { addMember, createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

/**
 * Walks EVERY API route from the app's own route table (not a hand-picked list): a member of
 * organisation A addressing any resource of organisation B gets 404, lists show nothing of B,
 * and B's data is unchanged afterwards. A new route with a new kind of parameter fails this
 * test until a fixture for it is added below, so isolation cannot be forgotten.
 */
describe(`tenant isolation on ${backend}`, () => {
  let runtime: TestRuntime;
  let a: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  let b: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  const bIds: Record<string, string> = {};

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true } });
    a = await createOrganisationWithOwner(runtime, "Alpha Org");
    b = await createOrganisationWithOwner(runtime, "Bravo Org");
    const member = await addMember(runtime, b.owner, "analyst");
    const members = await b.owner.get("/api/members");
    bIds.member = members.body.data.find((m: { user: { id: string } }) => m.user.id === member.userId).id;
    bIds.userId = member.userId;
    bIds.invitation = (
      await b.owner.post("/api/invitations", { email: "pending@bravo.test", role: "agent" })
    ).body.invitation.id;
    bIds.token = (await b.owner.post("/api/tokens", { name: "bravo token" })).body.token.id;
    bIds.space = (await b.owner.post("/api/spaces", { name: "Bravo secret space" })).body.id;
    bIds.source = (
      await b.owner.post("/api/sources", {
        kind: "rss",
        name: "Bravo feed",
        settings: { url: "https://bravo.example/feed.xml" },
      })
    ).body.source.id;
    const csv = "id,text\n1,Bravo private mention\n";
    const query = `fileName=bravo.csv&format=csv&mapping=${encodeURIComponent(JSON.stringify({ text: "text", externalId: "id" }))}`;
    bIds.import = (
      await b.owner.post(`/api/imports?${query}`, undefined, {
        rawBody: csv,
        headers: { "content-type": "text/csv" },
      })
    ).body.id;
    bIds.topic = (
      await b.owner.post("/api/topics", { name: "Bravo brand", query: "bravo OR #bravo" })
    ).body.id;
    bIds.organisation = b.organisationId;
    bIds.digest = (await b.owner.post("/api/digests", { period: "daily" })).body.id;
    bIds.mention = String(
      (
        await runtime.ctx.db
          .selectFrom("mentions")
          .select("id")
          .where("organisation_id", "=", b.organisationId)
          .executeTakeFirstOrThrow()
      ).id,
    );
    bIds.alert = (
      await runtime.ctx.db
        .insertInto("alerts")
        .values({
          organisation_id: b.organisationId,
          topic_id: bIds.topic!,
          kind: "volume_spike",
          window_start: new Date(),
          window_end: new Date(),
          observed: 40,
          expected: 4,
          score: 9,
          message: "Bravo brand: 40 mentions in the hour, 10× the usual 4",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await b.owner.put("/api/alerts/settings", {
      emailRecipients: ["bravo-desk@bravo.test"],
      webhookUrl: "https://hooks.bravo.example/secret",
      crisisTerms: ["bravorecall"],
      enabled: true,
    });
  });
  afterAll(() => runtime?.close());

  // Which of B's ids fills a path parameter, by the route's collection.
  const idFor = (route: RouteEntry, param: string): string | undefined => {
    if (param === "userId") return bIds.userId;
    if (param !== "id") return undefined;
    const collection = route.url.split("/")[2];
    const byCollection: Record<string, string | undefined> = {
      members: bIds.member,
      invitations: bIds.invitation,
      tokens: bIds.token,
      spaces: bIds.space,
      sources: bIds.source,
      imports: bIds.import,
      topics: bIds.topic,
      mentions: bIds.mention,
      alerts: bIds.alert,
      digests: bIds.digest,
    };
    return byCollection[collection ?? ""];
  };

  // Valid bodies, so that validation passes and the request reaches the tenant check.
  const bodies: Record<string, unknown> = {
    "PATCH /api/members/:id": { role: "agent" },
    "PATCH /api/sources/:id": { name: "Renamed by A" },
    "POST /api/sources/:id/run": {},
    "PATCH /api/topics/:id": { name: "Renamed by A" },
    "PUT /api/mentions/:id/tags": { tags: ["taken-by-a"] },
    "POST /api/mentions/:id/handoff": { target: "care" },
    "POST /api/alerts/:id/acknowledge": {},
    "POST /api/session/organisation": { organisationId: "<organisation>" },
  };

  // Routes whose resource is addressed by a secret in the URL (capability links), not by org.
  const capabilityRoutes = new Set([
    "GET /api/auth/invitations/:token",
    "POST /api/auth/invitations/:token/accept",
  ]);

  it("answers 404 for every route that addresses one of B's resources", async () => {
    const routes = runtime.http!.routes.filter((r) => r.auth === "user" || r.auth === "member");
    expect(routes.length).toBeGreaterThan(15);
    const addressed: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (capabilityRoutes.has(key)) continue;
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const rawBody = bodies[key];
      const bodyNamesB = JSON.stringify(rawBody ?? {}).includes("<organisation>");
      if (params.length === 0 && !bodyNamesB) continue;
      let url = route.url;
      for (const param of params) {
        const id = idFor(route, param);
        expect(id, `no fixture of B for :${param} in ${key}; add one to this test`).toBeDefined();
        url = url.replace(`:${param}`, id!);
      }
      if (
        route.method !== "GET" &&
        route.method !== "DELETE" &&
        route.url.includes(":") &&
        !(key in bodies)
      ) {
        // PUT with no body is fine; other writes need a valid sample body.
        expect(route.method, `add a valid body for ${key}`).toBe("PUT");
      }
      const body =
        rawBody === undefined
          ? undefined
          : JSON.parse(JSON.stringify(rawBody).replace("<organisation>", bIds.organisation!));
      const response = await a.owner.request(route.method as "GET", url, body);
      expect(response.status, `${key} as A on B's resource → ${JSON.stringify(response.body)}`).toBe(404);
      addressed.push(key);
    }
    expect(addressed.length).toBeGreaterThanOrEqual(8);
  });

  it("shows nothing of B in any list or read that takes no id", async () => {
    const secrets = [
      bIds.member,
      bIds.invitation,
      bIds.token,
      bIds.space,
      bIds.source,
      bIds.import,
      bIds.topic,
      bIds.alert,
      "bravo-desk@bravo.test",
      "hooks.bravo.example",
      bIds.organisation,
      "Bravo",
      "pending@bravo.test",
    ];
    for (const route of runtime.http!.routes) {
      if (
        route.method !== "GET" ||
        route.url.includes(":") ||
        route.url === "/api/live" ||
        route.auth === undefined
      )
        continue;
      const response = await a.owner.get(route.url);
      const text = JSON.stringify(response.body);
      for (const secret of secrets) expect(text, `${route.url} leaks ${secret}`).not.toContain(secret);
    }
  });

  it("left B's data untouched", async () => {
    const org = await b.owner.get("/api/organisation");
    expect(org.body.name).toBe("Bravo Org");
    const invitations = await b.owner.get("/api/invitations");
    expect(invitations.body.data.find((i: { id: string }) => i.id === bIds.invitation).status).toBe(
      "pending",
    );
    const tokens = await b.owner.get("/api/tokens");
    expect(tokens.body.data.map((t: { id: string }) => t.id)).toContain(bIds.token);
    const members = await b.owner.get("/api/members");
    expect(members.body.data.find((m: { id: string }) => m.id === bIds.member).role).toBe("analyst");
    expect((await b.owner.get(`/api/spaces/${bIds.space}`)).status).toBe(200);
    expect((await b.owner.get(`/api/sources/${bIds.source}`)).body.name).toBe("Bravo feed");
    expect((await b.owner.get(`/api/imports/${bIds.import}`)).body.rowsOk).toBe(1);
    expect((await b.owner.get(`/api/topics/${bIds.topic}`)).body.name).toBe("Bravo brand");
    expect((await b.owner.get(`/api/alerts/${bIds.alert}`)).body.status).toBe("open");
    expect((await b.owner.get("/api/alerts/settings")).body.crisisTerms).toEqual(["bravorecall"]);
  });
});
