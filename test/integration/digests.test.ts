import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueDigests } from "../../server/modules/digests/sendDigests";
import { backend } from "../helpers/database";
import { addMember, createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

const HOUR = 3_600_000;
const noAlerts = async () => [];

describe(`digests on ${backend}`, () => {
  let runtime: TestRuntime;
  let org: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  const now = new Date();

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true } });
    org = await createOrganisationWithOwner(runtime, "Digest Org");
    await org.owner.post("/api/topics", { name: "Halcyon", kind: "brand", query: "halcyon" });
    await org.owner.post("/api/topics", { name: "Ridgeline", kind: "competitor", query: "ridgeline" });
    // This week: 6 Halcyon, 2 Ridgeline; the week before: 2 Halcyon.
    const rows = ["id,text,date"];
    for (let i = 0; i < 6; i++)
      rows.push(`h${i},Halcyon tent is great,${new Date(now.getTime() - (i + 1) * 5 * HOUR).toISOString()}`);
    for (let i = 0; i < 2; i++)
      rows.push(`r${i},Ridgeline pack broke,${new Date(now.getTime() - (i + 2) * HOUR).toISOString()}`);
    for (let i = 0; i < 2; i++)
      rows.push(`o${i},Halcyon old news,${new Date(now.getTime() - (8 * 24 + i) * HOUR).toISOString()}`);
    const mapping = encodeURIComponent(JSON.stringify({ text: "text", externalId: "id", createdAt: "date" }));
    const imported = await org.owner.post(
      `/api/imports?fileName=d.csv&format=csv&mapping=${mapping}`,
      undefined,
      {
        rawBody: `${rows.join("\n")}\n`,
        headers: { "content-type": "text/csv" },
      },
    );
    expect(imported.body.rowsOk).toBe(10);
  });
  afterAll(() => runtime?.close());

  it("validates settings and lets only managers change them", async () => {
    expect(
      (await org.owner.put("/api/digests/settings", { frequency: "hourly", recipients: [] })).status,
    ).toBe(422);
    expect(
      (await org.owner.put("/api/digests/settings", { frequency: "weekly", recipients: ["not an email"] }))
        .status,
    ).toBe(422);
    const employee = await addMember(runtime, org.owner, "employee");
    expect(
      (await employee.client.put("/api/digests/settings", { frequency: "daily", recipients: [] })).status,
    ).toBe(403);
    expect((await employee.client.get("/api/digests/settings")).body.frequency).toBe("off");
    const saved = await org.owner.put("/api/digests/settings", {
      frequency: "weekly",
      recipients: ["team@digest.test"],
    });
    expect(saved.body).toMatchObject({
      frequency: "weekly",
      recipients: ["team@digest.test"],
      lastSentAt: null,
    });
  });

  it("sends a due weekly digest once, with changes and share of voice, and keeps it for the app", async () => {
    const before = runtime.mailer.sent.length;
    expect(await sendDueDigests(runtime.ctx, noAlerts, now)).toBe(1);
    expect(await sendDueDigests(runtime.ctx, noAlerts, now)).toBe(0);
    const mails = runtime.mailer.sent.slice(before);
    expect(mails.map((m) => m.to)).toEqual(["team@digest.test"]);
    expect(mails[0]!.subject).toMatch(/^Weekly digest/);
    const list = await org.owner.get("/api/digests");
    expect(list.body.data).toHaveLength(1);
    const digest = (await org.owner.get(`/api/digests/${list.body.data[0].id}`)).body;
    const content = digest.content as {
      topics: { name: string; volume: number; previous: number }[];
      shareOfVoice: { name: string; share: number }[];
    };
    // The scheduled digest covers the week ending at the last Monday 07:00 UTC, so compare with a recount of that window.
    const end = Date.parse(digest.periodEnd);
    const inWindow = (t: number) => t > end - 7 * 24 * HOUR && t <= end;
    const halcyonTimes = [
      ...Array.from({ length: 6 }, (_, i) => now.getTime() - (i + 1) * 5 * HOUR),
      ...Array.from({ length: 2 }, (_, i) => now.getTime() - (8 * 24 + i) * HOUR),
    ];
    expect(content.topics.find((t) => t.name === "Halcyon")!.volume).toBe(
      halcyonTimes.filter(inWindow).length,
    );
    expect(content.shareOfVoice.map((s) => s.name).sort()).toEqual(["Halcyon", "Ridgeline"]);
    expect(mails[0]!.text).toContain("Share of voice");
  });

  it("sends one now for the period ending with the newest data: changes against the week before", async () => {
    const res = await org.owner.post("/api/digests", { period: "weekly" });
    expect(res.status).toBe(201);
    const topics = res.body.content.topics as {
      name: string;
      volume: number;
      previous: number;
      change: number | null;
    }[];
    const halcyon = topics.find((t) => t.name === "Halcyon")!;
    expect(halcyon).toMatchObject({ volume: 6, previous: 2, change: 200 });
    expect(topics.find((t) => t.name === "Ridgeline")).toMatchObject({
      volume: 2,
      previous: 0,
      change: null,
    });
    expect(res.body.content.shareOfVoice).toEqual([
      { name: "Halcyon", share: 75 },
      { name: "Ridgeline", share: 25 },
    ]);
    const other = await createOrganisationWithOwner(runtime, "Nosy Org");
    expect((await other.owner.get(`/api/digests/${res.body.id}`)).status).toBe(404);
    expect((await other.owner.get("/api/digests")).body.data).toEqual([]);
  });
});
