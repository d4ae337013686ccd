import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTestContext, take, waitFor } from "../testing/context";
import { type LocalJetstreamServer, makePostEvent, startJetstreamServer } from "../testing/jetstreamServer";
import { ConnectorError } from "../types";
import { applyFacets, eventToPost, isPostCreate, type JetstreamEvent } from "./map";
import { blueskySettings } from "./settings";
import { createBlueskyStreamingConnector, subscribeUrl } from "./stream";

const fixtures = readFileSync(
  new URL("../../../../../test/fixtures/connectors/bluesky/events.jsonl", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as JetstreamEvent);

const connector = createBlueskyStreamingConnector({ backoffBaseMs: 20, backoffMaxMs: 100, pingMs: 1_000 });
let server: LocalJetstreamServer;
afterEach(() => server?.close());
const settingsFor = (extra: Record<string, unknown> = {}) =>
  blueskySettings.parse({ endpoint: server.url, ...extra });

describe("jetstream mapping", () => {
  it("maps a post create with facets, langs and reply refs; ignores deletes, identity and account", () => {
    const posts = fixtures.filter(isPostCreate).map(eventToPost);
    expect(posts).toHaveLength(3);
    expect(posts[0]).toMatchObject({
      channel: "bluesky",
      externalId: "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b",
      url: "https://bsky.app/profile/did:plc:eygmaihciaxprqvxpfvl6flk/post/3l3qo2vuowo2b",
      text: "Pitched the Halcyon Trailblazer 2 at 3,000m 🏔️ review: https://halcyon-outdoor.example/trailblazer-2-review #camping",
      language: "en",
      createdAt: "2024-09-09T19:46:02.102Z",
    });
    expect(posts[1]).toMatchObject({
      language: "de",
      replyToExternalId: "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b",
      threadExternalId: "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b",
    });
    expect(posts[2]!.text).toBe(
      "Mon avis sur la doudoune Aurora 👉 mon blog (https://blog.example.fr/aurora) #halcyon",
    );
  });

  it("survives bad facet offsets and clamps a future createdAt to the relay time", () => {
    const bad = [
      {
        index: { byteStart: 5, byteEnd: 500 },
        features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://x" }],
      },
    ];
    expect(applyFacets("héllo 👋", bad, undefined)).toBe("héllo 👋");
    const ev = makePostEvent({ createdAt: "2999-01-01T00:00:00Z" }, { time_us: 1_700_000_000_000_000 });
    expect(eventToPost(ev as Parameters<typeof eventToPost>[0]).createdAt).toBe("2023-11-14T22:13:20.000Z");
  });

  it("builds the subscribe URL with collections, DIDs and cursor", () => {
    const url = new URL(
      subscribeUrl(
        blueskySettings.parse({ endpoint: "wss://jet.example/subscribe/", wantedDids: ["did:plc:abc"] }),
        17.9,
      ),
    );
    expect(url.origin + url.pathname).toBe("wss://jet.example/subscribe");
    expect(url.searchParams.getAll("wantedCollections")).toEqual(["app.bsky.feed.post"]);
    expect(url.searchParams.getAll("wantedDids")).toEqual(["did:plc:abc"]);
    expect(url.searchParams.get("cursor")).toBe("17");
  });
});

describe("jetstream streaming connector", () => {
  it("streams post creates only, skips malformed frames with a log line", async () => {
    server = await startJetstreamServer();
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const pending = take(it, 3);
    await waitFor(() => server.openSockets() === 1);
    server.sendRaw("{oops");
    server.sendRaw('{"kind":"commit"}');
    for (const e of fixtures) server.emit(e);
    const items = await pending;
    expect(items.map((i) => i.cursor)).toEqual([
      fixtures[0]!.time_us,
      fixtures[1]!.time_us,
      fixtures[5]!.time_us,
    ]);
    expect(ctx.logs.filter((l) => l.message === "bluesky stream: skipped malformed frame")).toHaveLength(2);
    expect(server.subscriptions[0]!.get("cursor")).toBeNull();
    ctx.abort();
    expect((await it.next()).done).toBe(true);
  });

  it("filters by keyword and passes wantedDids to the server", async () => {
    server = await startJetstreamServer();
    const ctx = createTestContext();
    const it = connector
      .stream(
        settingsFor({ keywords: ["EMBER"], wantedDids: ["did:plc:4hqjfn7m6n5hno3doamuhgef"] }),
        null,
        ctx,
      )
      [Symbol.asyncIterator]();
    const pending = take(it, 1);
    await waitFor(() => server.openSockets() === 1);
    for (const e of fixtures) server.emit(e);
    server.emit(makePostEvent({ text: "ember" }, { did: "did:plc:someoneelse" }));
    expect((await pending)[0]!.post.text).toContain("Ember-Kocher");
    expect(server.subscriptions[0]!.getAll("wantedDids")).toEqual(["did:plc:4hqjfn7m6n5hno3doamuhgef"]);
    ctx.abort();
  });

  it("reconnects after a drop, rewinds the cursor, and dedupes the replay without loss", async () => {
    server = await startJetstreamServer();
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    let pending = take(it, 3);
    await waitFor(() => server.openSockets() === 1);
    for (let i = 0; i < 3; i++) server.emit(makePostEvent({ text: `before ${i}` }));
    const before = await pending;
    server.dropAll();
    await waitFor(() => server.openSockets() === 0);
    for (let i = 0; i < 3; i++) server.store(makePostEvent({ text: `during ${i}` }));
    pending = take(it, 4);
    await waitFor(() => server.openSockets() === 1);
    server.emit(makePostEvent({ text: "after" }));
    const texts = (await pending).map((i) => i.post.text);
    expect(texts).toEqual(["during 0", "during 1", "during 2", "after"]);
    const resumeCursor = Number(server.subscriptions[1]!.get("cursor"));
    expect(resumeCursor).toBe(before[2]!.cursor - 5_000_000);
    ctx.abort();
  });

  it("resumes from a persisted cursor after a restart", async () => {
    server = await startJetstreamServer();
    const seen = makePostEvent({ text: "seen" });
    server.store(seen);
    server.store(makePostEvent({ text: "new" }));
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), seen.time_us, ctx)[Symbol.asyncIterator]();
    // The rewind replays "seen" too; the pipeline's dedupe drops it, here it simply comes first.
    const items = await take(it, 2);
    expect(items.map((i) => i.post.text)).toEqual(["seen", "new"]);
    ctx.abort();
  });

  it("retries a 503 handshake and fails fatally on 401", async () => {
    server = await startJetstreamServer();
    server.faults.push({ status: 503, headers: { "retry-after": "0" } });
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const pending = take(it, 1);
    await waitFor(() => server.openSockets() === 1);
    server.emit(makePostEvent({ text: "through" }));
    expect((await pending)[0]!.post.text).toBe("through");
    ctx.abort();

    server.faults.push({ status: 401 });
    const denied = await connector
      .stream(settingsFor(), null, createTestContext())
      [Symbol.asyncIterator]()
      .next()
      .catch((e) => e);
    expect(denied).toBeInstanceOf(ConnectorError);
    expect(denied.kind).toBe("fatal");
  });

  it("keeps reconnecting while the server is down", async () => {
    server = await startJetstreamServer();
    const endpoint = server.url;
    await server.close();
    const ctx = createTestContext();
    const it = connector.stream(blueskySettings.parse({ endpoint }), null, ctx)[Symbol.asyncIterator]();
    const next = it.next();
    await waitFor(
      () => ctx.logs.filter((l) => l.message === "bluesky stream closed; reconnecting").length >= 3,
    );
    ctx.abort();
    expect((await next).done).toBe(true);
  });

  it("pauses the socket when the consumer is slow and delivers everything in order", async () => {
    server = await startJetstreamServer();
    const slow = createBlueskyStreamingConnector({ highWaterMark: 50, lowWaterMark: 10 });
    const ctx = createTestContext();
    const it = slow.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const first = it.next();
    await waitFor(() => server.openSockets() === 1);
    const total = 3_000;
    for (let i = 0; i < total; i++) server.emit(makePostEvent({ text: `bulk ${i} ${"x".repeat(400)}` }));
    await first;
    await waitFor(() => ctx.logs.some((l) => l.message.startsWith("bluesky stream paused")), 5_000, "pause");
    const rest = await take(it, total - 1, 15_000);
    expect(rest.at(-1)!.post.text.startsWith(`bulk ${total - 1} `)).toBe(true);
    expect(ctx.logs.some((l) => l.message === "bluesky stream resumed")).toBe(true);
    ctx.abort();
  });
});
