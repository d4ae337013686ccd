import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../../server/modules/ingestion/connectors/webhook/verify";
import { BackfillRunner } from "../../server/modules/listening/backfillRunner";
import { compareRollupsWithRecount } from "../../server/modules/mentions/recount";
import { backend } from "../helpers/database";
import { createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

const RSS = readFileSync("test/fixtures/connectors/feeds/rss2.xml");

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`ingestion through the API on ${backend}`, () => {
  let runtime: TestRuntime;
  let org: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  let feedServer: Server;
  let feedUrl: string;

  beforeAll(async () => {
    feedServer = createServer((request, response) => {
      if (request.url === "/feed.xml")
        response.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS);
      else response.writeHead(500).end("boom");
    });
    await new Promise<void>((r) => feedServer.listen(0, "127.0.0.1", r));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true }, runSources: true });
    org = await createOrganisationWithOwner(runtime, "Ingest Org");
  });
  afterAll(async () => {
    await runtime?.close();
    await new Promise((r) => feedServer?.close(r));
  });

  const mentions = async () =>
    Number(
      (
        await runtime.ctx.db
          .selectFrom("mentions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("organisation_id", "=", org.organisationId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("accepts signed webhook deliveries and refuses forged, stale and replayed ones", async () => {
    const created = await org.owner.post("/api/sources", { kind: "webhook", name: "CRM hook", settings: {} });
    expect(created.status).toBe(201);
    const { url, secret } = created.body.webhook;
    const path = new URL(url).pathname;
    const body = JSON.stringify([
      { id: "w1", text: "Halcyon support sorted my order in minutes", author: "happy_hiker" },
      { id: "w2", text: "" },
    ]);
    const send = (payload: string, headers: Record<string, string>) =>
      runtime.client().post(path, undefined, {
        rawBody: payload,
        headers: { "content-type": "application/json", ...headers },
      });
    const now = Math.floor(Date.now() / 1000);
    const signed = {
      "x-chorus-timestamp": String(now),
      "x-hub-signature-256": signWebhook(secret, body, now),
    };

    const ok = await send(body, signed);
    expect(ok.status).toBe(202);
    expect(ok.body.accepted).toBe(1);
    expect(ok.body.errors).toEqual([expect.objectContaining({ index: 1 })]);

    expect((await send(body, signed)).status).toBe(401); // replay of the same delivery
    const forged = await send(body.replace("minutes", "seconds"), signed);
    expect(forged.status).toBe(401);
    expect(forged.body.error.details.reason).toBe("bad_signature");
    const old = now - 3600;
    const stale = await send(body, {
      "x-chorus-timestamp": String(old),
      "x-hub-signature-256": signWebhook(secret, body, old),
    });
    expect(stale.body.error.details.reason).toBe("stale_timestamp");
    const bad = "{not json";
    const malformed = await send(bad, {
      "x-chorus-timestamp": String(now),
      "x-hub-signature-256": signWebhook(secret, bad, now),
    });
    expect(malformed.status).toBe(400);
    expect(await mentions()).toBe(1);
  });

  it("imports a CSV, keeping good lines and reporting bad ones by line number", async () => {
    const csv =
      'id,text,date\n1,"Halcyon tent, great in the rain",2026-11-01\n2,Broken date here,not-a-date\n3,"Multi\nline Halcyon review",2026-11-02\n4,Halcyon stove is fine,2026-11-03\n';
    const query = `fileName=posts.csv&format=csv&mapping=${encodeURIComponent(JSON.stringify({ text: "text", externalId: "id", createdAt: "date" }))}`;
    const response = await org.owner.post(`/api/imports?${query}`, undefined, {
      rawBody: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: "done", rowsOk: 3, rowsFailed: 1 });
    expect(response.body.errors).toEqual([{ line: 3, message: expect.stringMatching(/date/) }]);
    const badMapping = await org.owner.post(
      `/api/imports?fileName=x.csv&format=csv&mapping=nope`,
      undefined,
      { rawBody: csv, headers: { "content-type": "text/csv" } },
    );
    expect(badMapping.status).toBe(422);
  });

  it("validates topic queries with positions, then backfills stored mentions", async () => {
    const invalid = await org.owner.post("/api/topics", { name: "Broken", query: "halcyon AND (tent OR" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].position.start).toBeGreaterThan(0);
    const check = await org.owner.post("/api/topics/validate", { query: "halcyon   and tent" });
    expect(check.body.ok).toBe(true);
    expect(check.body.warnings.length).toBeGreaterThan(0);

    const topic = await org.owner.post("/api/topics", {
      name: "Halcyon",
      kind: "brand",
      query: "halcyon NOT stove",
    });
    expect(topic.status).toBe(201);
    const runner = new BackfillRunner(runtime.ctx);
    while (await runner.runOne()) {}
    const after = await org.owner.get(`/api/topics/${topic.body.id}`);
    expect(after.body.backfill).toMatchObject({ status: "done", matched: 3 });
    expect(await compareRollupsWithRecount(runtime.ctx.db, org.organisationId)).toEqual([]);

    // Editing the query re-matches from scratch.
    await org.owner.patch(`/api/topics/${topic.body.id}`, { query: "halcyon" });
    while (await runner.runOne()) {}
    expect((await org.owner.get(`/api/topics/${topic.body.id}`)).body.backfill).toMatchObject({
      status: "done",
      matched: 4,
    });
    expect(await compareRollupsWithRecount(runtime.ctx.db, org.organisationId)).toEqual([]);
  });

  it("polls an RSS source, and shows a failing one's error on its status", async () => {
    const good = await org.owner.post("/api/sources", {
      kind: "rss",
      name: "Blog",
      settings: { url: `${feedUrl}/feed.xml`, allowPrivateNetworks: true },
    });
    const broken = await org.owner.post("/api/sources", {
      kind: "rss",
      name: "Broken",
      settings: { url: `${feedUrl}/missing.xml`, allowPrivateNetworks: true },
    });
    const guarded = await org.owner.post("/api/sources", {
      kind: "rss",
      name: "Private",
      settings: { url: `${feedUrl}/feed.xml` },
    });
    await until(
      async () => (await org.owner.get(`/api/sources/${good.body.source.id}`)).body.postsIngested > 0,
    );
    await until(
      async () => (await org.owner.get(`/api/sources/${broken.body.source.id}`)).body.status === "error",
    );
    expect((await org.owner.get(`/api/sources/${broken.body.source.id}`)).body.lastError).toMatch(
      /500|fail/i,
    );
    await until(
      async () => (await org.owner.get(`/api/sources/${guarded.body.source.id}`)).body.status === "error",
    );
    expect((await org.owner.get(`/api/sources/${guarded.body.source.id}`)).body.lastError).toMatch(
      /private|loopback|not allowed|refus/i,
    );
    const invalid = await org.owner.post("/api/sources", {
      kind: "rss",
      name: "x",
      settings: { url: "not a url" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].path).toBe("body.settings.url");
  });
});
