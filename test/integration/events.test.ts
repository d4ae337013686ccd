import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChorusEvent } from "../../server/events/types";
import { backend } from "../helpers/database";
import { createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

/** Reads an SSE stream over real HTTP, collecting `invalidate` messages. */
async function openStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  const messages: { keys: string[][]; event: string }[] = [];
  const ready = new Promise<void>((resolve) => {
    (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes("event: ready")) resolve();
            const data = block.split("\n").find((l) => l.startsWith("data: "));
            if (block.includes("event: invalidate") && data) messages.push(JSON.parse(data.slice(6)));
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // aborted
      }
    })();
  });
  await ready;
  return { status: response.status, messages, close: () => controller.abort() };
}

async function until(check: () => boolean, ms = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const buses = process.env.NATS_URL ? (["in-process", "nats"] as const) : (["in-process"] as const);

describe.each(buses)(`events and live updates on ${backend}, %s bus`, (bus) => {
  let runtime: TestRuntime;

  beforeAll(async () => {
    const nats = bus === "nats" ? { NATS_URL: process.env.NATS_URL } : {};
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true, ...nats }, listen: true });
    expect(runtime.ctx.bus.kind).toBe(bus);
  });
  afterAll(() => runtime?.close());

  it("relays each committed event to subscribers exactly once and stamps it", async () => {
    const seen: ChorusEvent[] = [];
    const stop = await runtime.ctx.bus.subscribe((e) => void seen.push(e), { names: ["space.*"] });
    const org = await createOrganisationWithOwner(runtime, "Relay Org");
    await org.owner.post("/api/spaces", { name: "one" });
    await org.owner.post("/api/spaces", { name: "two" });
    await until(() => seen.length >= 2);
    await runtime.ctx.relay.kick();
    expect(seen.map((e) => e.data.name)).toEqual(["one", "two"]);
    expect(seen[0]!.organisationId).toBe(org.organisationId);
    const unpublished = await runtime.ctx.db
      .selectFrom("events")
      .select("id")
      .where("published_at", "is", null)
      .execute();
    expect(unpublished).toEqual([]);
    await stop();
  });

  it("does not write an event when the mutation fails", async () => {
    const org = await createOrganisationWithOwner(runtime, "Failing Org");
    const before = await runtime.ctx.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const members = (await org.owner.get("/api/members")).body.data;
    expect((await org.owner.delete(`/api/members/${members[0].id}`)).status).toBe(409);
    const after = await runtime.ctx.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("pushes invalidations over SSE to the organisation's browsers only", async () => {
    const a = await createOrganisationWithOwner(runtime, "Live A");
    const b = await createOrganisationWithOwner(runtime, "Live B");
    const streamA = await openStream(`${runtime.url}/api/live`, a.owner.cookie!);
    const streamB = await openStream(`${runtime.url}/api/live`, b.owner.cookie!);
    expect(streamA.status).toBe(200);
    await a.owner.post("/api/invitations", { email: "live@example.test", role: "analyst" });
    await until(() => streamA.messages.some((m) => m.event === "invitation.created"));
    const message = streamA.messages.find((m) => m.event === "invitation.created")!;
    expect(message.keys).toEqual(expect.arrayContaining([["audit"], ["invitations"]]));
    await new Promise((r) => setTimeout(r, 200));
    expect(streamB.messages.filter((m) => m.event === "invitation.created")).toEqual([]);
    streamA.close();
    streamB.close();
  });

  it("refuses the live stream without a session", async () => {
    const response = await fetch(`${runtime.url}/api/live`);
    expect(response.status).toBe(401);
  });
});
