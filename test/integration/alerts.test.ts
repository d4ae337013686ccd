import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverAlerts } from "../../server/modules/alerts/deliverAlert";
import { evaluateAlerts } from "../../server/modules/alerts/evaluateAlerts";
import type { DemoCrisis } from "../../server/modules/ingestion/connectors/demo/crisis";
import { generateDemoPosts } from "../../server/modules/ingestion/connectors/demo/generate";
import { backend } from "../helpers/database";
import { addMember, createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

const HOUR = 3_600_000;
// Data time, not wall-clock time: a crisis two days ago, ten quiet days before it.
const CRISIS_START = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;
const CRISIS: DemoCrisis = {
  id: "test-crisis",
  kind: "stove-safety",
  productId: "ember",
  start: new Date(CRISIS_START).toISOString(),
  end: new Date(CRISIS_START + 8 * HOUR).toISOString(),
  peak: 4,
};

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`alerts on ${backend}`, () => {
  let runtime: TestRuntime;
  let org: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  let hook: Server;
  const received: { headers: Record<string, unknown>; body: any }[] = [];
  let hookUrl: string;
  const topic: Record<string, string> = {};

  beforeAll(async () => {
    hook = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ headers: request.headers, body: JSON.parse(body || "null") });
        response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    // The operator flag that lets sources reach internal hosts also lets alert webhooks do so;
    // the default (false) is tested below.
    runtime = await startTestRuntime({
      config: { CHORUS_OPEN_SIGNUP: true, CHORUS_ALLOW_PRIVATE_SOURCES: true },
    });
    org = await createOrganisationWithOwner(runtime, "Halcyon Alerts");
    for (const [name, kind, query] of [
      ["Ember stove", "product", "ember"],
      ["Trailblazer tent", "product", "trailblazer"],
      ["Aurora jacket", "product", "aurora"],
    ] as const)
      topic[name] = (await org.owner.post("/api/topics", { name, kind, query })).body.id;
    const saved = await org.owner.put("/api/alerts/settings", {
      emailRecipients: ["crisis-desk@halcyon.test"],
      webhookUrl: hookUrl,
      crisisTerms: ["recall", "burn", "fire", "lawsuit"],
      enabled: true,
    });
    expect(saved.status).toBe(200);

    // The demo market through the real pipeline (enrichment, matching, rollups), oldest first,
    // while the runtime's own evaluator judges each new batch as it lands.
    const posts = [
      ...generateDemoPosts({
        from: CRISIS_START - 10 * 24 * HOUR,
        to: CRISIS_START + 3 * HOUR,
        seed: 11,
        postsPerDay: 600,
        crisis: [CRISIS],
      }),
    ];
    for (let i = 0; i < posts.length; i += 500)
      await runtime.ctx.ingestion!.sink.ingest(org.organisationId, null, posts.slice(i, i + 500));
  }, 240_000);

  afterAll(async () => {
    await runtime?.close();
    await new Promise((r) => hook?.close(r));
  });

  const alertRows = () =>
    runtime.ctx.db
      .selectFrom("alerts")
      .selectAll()
      .where("organisation_id", "=", org.organisationId)
      .orderBy("created_at")
      .execute();

  it("raises a volume spike on the crisis product at the crisis start, and nothing in the quiet days", async () => {
    const result = await evaluateAlerts(runtime.ctx, org.organisationId);
    await deliverAlerts(runtime.ctx, org.organisationId, result.raised);

    const listed = await org.owner.get(`/api/alerts?topicId=${topic["Ember stove"]}&kind=volume_spike`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.length).toBe(1);
    const spike = listed.body.data[0];
    expect(spike.topic).toEqual({ id: topic["Ember stove"], name: "Ember stove" });
    expect(Date.parse(spike.windowStart)).toBeGreaterThanOrEqual(CRISIS_START);
    expect(Date.parse(spike.windowStart)).toBeLessThanOrEqual(CRISIS_START + 2 * HOUR);
    expect(spike.observed).toBeGreaterThan(spike.expected * 1.5);
    expect(spike.message).toMatch(/^Ember stove: \d+ mentions (so far )?in the hour from /);
    expect(spike.status).toBe("open");

    const all = await alertRows();
    const beforeCrisis = all.filter((a) => a.window_start.getTime() < CRISIS_START);
    expect(beforeCrisis.map((a) => a.message)).toEqual([]);
    // The crisis terms of the demo posts raise keyword alerts too, on the crisis topic only.
    expect(all.filter((a) => a.topic_id !== topic["Ember stove"]).map((a) => a.message)).toEqual([]);
  });

  it("is idempotent across passes and concurrent evaluations", async () => {
    const before = (await alertRows()).map((a) => `${a.id}:${a.observed}`);
    const results = await Promise.all([1, 2, 3].map(() => evaluateAlerts(runtime.ctx, org.organisationId)));
    expect(results.flatMap((r) => r.raised)).toEqual([]);
    const after = await alertRows();
    expect(after.map((a) => `${a.id}:${a.observed}`)).toEqual(before);
    const keys = after.map((a) => `${a.topic_id}|${a.kind}|${a.term}`);
    expect(new Set(keys).size).toBe(keys.length);
    const raisedEvents = await runtime.ctx.db
      .selectFrom("events")
      .select("subject_id")
      .where("organisation_id", "=", org.organisationId)
      .where("name", "=", "alert.raised")
      .execute();
    expect(raisedEvents.map((e) => e.subject_id).sort()).toEqual(after.map((a) => a.id).sort());
  });

  it("delivers each new alert once by webhook (Slack payload) and by email", async () => {
    // The message follows the peak as the spike grows; the delivery is of the alert as raised.
    await until(async () => (await alertRows()).every((a) => a.delivered_webhook_at && a.delivered_email_at));
    const alerts = await alertRows();
    expect(received.length).toBe(alerts.length);
    const payload = received.find((r) => r.body.text.includes("Volume spike: Ember stove"))!;
    expect(payload.headers["content-type"]).toBe("application/json");
    expect(payload.body.text).toMatch(/Ember stove: \d+ mentions/);
    expect(Array.isArray(payload.body.blocks)).toBe(true);
    expect(payload.body.blocks[0]).toMatchObject({ type: "header" });
    expect(JSON.stringify(payload.body.blocks)).toContain("/listen/alerts");
    expect(alerts.every((a) => a.delivery_error === null)).toBe(true);
    const mails = runtime.mailer.sent.filter((m) => m.subject.startsWith("[Chorus alert]"));
    expect(mails.map((m) => m.to)).toEqual(alerts.map(() => "crisis-desk@halcyon.test"));
    expect(mails.some((m) => /Ember stove: \d+ mentions/.test(m.text))).toBe(true);
  });

  it("refuses a webhook on a private address unless allowed, and records the error", async () => {
    const [alert] = await alertRows();
    const row = { ...alert!, topicName: "Ember stove" };
    await deliverAlerts(runtime.ctx, org.organisationId, [row], { allowPrivateNetworks: false });
    const after = await org.owner.get(`/api/alerts/${alert!.id}`);
    expect(after.body.delivery.error).toMatch(/Refusing to connect to 127\.0\.0\.1/);
  });

  it("acknowledges through the API with an event, role-gated and only once", async () => {
    const employee = await addMember(runtime, org.owner, "employee");
    const [alert] = await alertRows();
    expect((await employee.client.get(`/api/alerts/${alert!.id}`)).status).toBe(200);
    expect((await employee.client.post(`/api/alerts/${alert!.id}/acknowledge`)).status).toBe(403);
    const acked = await org.owner.post(`/api/alerts/${alert!.id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body.status).toBe("acknowledged");
    expect(acked.body.acknowledgedBy.name).toBe("Halcyon Alerts Owner");
    const again = await org.owner.post(`/api/alerts/${alert!.id}/acknowledge`);
    expect(again.body.acknowledgedAt).toBe(acked.body.acknowledgedAt);
    const events = await runtime.ctx.db
      .selectFrom("events")
      .selectAll()
      .where("name", "=", "alert.acknowledged")
      .where("subject_id", "=", alert!.id)
      .execute();
    expect(events.length).toBe(1);
    expect(events[0]!.organisation_id).toBe(org.organisationId);
    expect(events[0]!.audit).toBe(true);

    const open = await org.owner.get("/api/alerts?status=open");
    expect(open.body.data.map((a: { id: string }) => a.id)).not.toContain(alert!.id);
    const done = await org.owner.get("/api/alerts?status=acknowledged");
    expect(done.body.data.map((a: { id: string }) => a.id)).toEqual([alert!.id]);
    const count = await org.owner.get("/api/alerts/open-count");
    expect(count.body.open).toBe((await alertRows()).length - 1);
  });

  it("pages the history newest first with a cursor", async () => {
    const total = (await alertRows()).length;
    expect(total).toBeGreaterThanOrEqual(2);
    const first = await org.owner.get("/api/alerts?limit=1");
    expect(first.body.data.length).toBe(1);
    expect(first.body.nextCursor).toBeTypeOf("string");
    const second = await org.owner.get(`/api/alerts?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    expect(Date.parse(second.body.data[0].createdAt)).toBeLessThanOrEqual(
      Date.parse(first.body.data[0].createdAt),
    );
    expect((await org.owner.get("/api/alerts?cursor=bad")).status).toBe(400);
    expect((await org.owner.get("/api/alerts?kind=nonsense")).status).toBe(422);
  });

  it("validates and stores the settings, with an event; members without the role cannot read them", async () => {
    const analyst = await addMember(runtime, org.owner, "analyst");
    const agent = await addMember(runtime, org.owner, "agent");
    const valid = {
      emailRecipients: [],
      webhookUrl: null,
      crisisTerms: ["Recall", "recall", "outage"],
      enabled: false,
    };
    for (const [body, field] of [
      [{ ...valid, webhookUrl: "ftp://hooks.example/x" }, "body.webhookUrl"],
      [{ ...valid, webhookUrl: "javascript:alert(1)" }, "body.webhookUrl"],
      [{ ...valid, webhookUrl: "not a url" }, "body.webhookUrl"],
      [{ ...valid, emailRecipients: ["nobody"] }, "body.emailRecipients.0"],
      [{ ...valid, crisisTerms: ["two words"] }, "body.crisisTerms.0"],
      [{ ...valid, enabled: "yes" }, "body.enabled"],
    ] as const) {
      const response = await analyst.client.put("/api/alerts/settings", body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(response.body.error.details)).toContain(field);
    }
    const bad = await analyst.client.put("/api/alerts/settings", { ...valid, webhookUrl: "ftp://x.example" });
    expect(bad.body.error.message).toMatch(/http:\/\/ or https:\/\//);

    const saved = await analyst.client.put("/api/alerts/settings", {
      ...valid,
      webhookUrl: "https://hooks.slack.example/services/T0/B0/secret",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ crisisTerms: ["recall", "outage"], enabled: false });
    const read = await org.owner.get("/api/alerts/settings");
    expect(read.body.webhookUrl).toBe("https://hooks.slack.example/services/T0/B0/secret");
    expect((await agent.client.get("/api/alerts/settings")).status).toBe(403);
    expect((await agent.client.put("/api/alerts/settings", valid)).status).toBe(403);
    const event = await runtime.ctx.db
      .selectFrom("events")
      .selectAll()
      .where("organisation_id", "=", org.organisationId)
      .where("name", "=", "alert_settings.updated")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event.data)).not.toContain("secret");

    // Disabled: a pass raises nothing even though the spike is still there.
    await runtime.ctx.db.deleteFrom("alerts").where("organisation_id", "=", org.organisationId).execute();
    expect((await evaluateAlerts(runtime.ctx, org.organisationId)).raised).toEqual([]);
  });
});
