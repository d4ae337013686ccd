import { afterEach, describe, expect, it } from "vitest";
import { createTestContext, take, waitFor } from "../testing/context";
import { type LocalMastodonServer, makeStatus, startMastodonServer } from "../testing/mastodonServer";
import { ConnectorError } from "../types";
import { mastodonSettings } from "./settings";
import { createMastodonStreamingConnector } from "./stream";

const connector = createMastodonStreamingConnector({
  backoffBaseMs: 20,
  backoffMaxMs: 100,
  idleTimeoutMs: 2_000,
});
let server: LocalMastodonServer;
afterEach(() => server?.close());

const settingsFor = (extra: Record<string, unknown> = {}) =>
  mastodonSettings.parse({
    instanceUrl: server.url,
    accessToken: "test-token",
    hashtags: ["#halcyon"],
    ...extra,
  });

describe("mastodon streaming connector", () => {
  it("streams updates, ignores heartbeats and deletes, and sends the bearer token", async () => {
    server = await startMastodonServer({ heartbeatMs: 10 });
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const first = take(it, 2);
    await waitFor(() => server.openStreams() === 1);
    server.sendRaw("event: delete\ndata: 123\n\n");
    server.publish(makeStatus({ content: "<p>one</p>" }));
    server.publish(makeStatus({ content: "<p>elsewhere</p>", tags: [{ name: "other" }] }));
    server.publish(makeStatus({ content: "<p>two &amp; more</p>" }));
    const items = await first;
    expect(items.map((i) => i.post.text)).toEqual(["one", "two & more"]);
    expect(items[1]!.cursor).toBe(server.statuses[2]!.id);
    expect(server.requests[0]).toMatchObject({
      path: "/api/v1/streaming/hashtag?tag=halcyon",
      auth: "Bearer test-token",
    });
    ctx.abort();
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("skips malformed frames with a log line and keeps streaming", async () => {
    server = await startMastodonServer();
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const pending = take(it, 1);
    await waitFor(() => server.openStreams() === 1);
    server.sendRaw("event: update\ndata: {not json\n\n");
    server.sendRaw('event: update\ndata: {"id": 5}\n\n');
    server.publish(makeStatus({ content: "<p>after the junk</p>" }));
    expect((await pending)[0]!.post.text).toBe("after the junk");
    expect(ctx.logs.filter((l) => l.level === "warn").map((l) => l.message)).toEqual([
      "mastodon stream: skipped malformed update",
      "mastodon stream: update is not a status",
    ]);
    ctx.abort();
  });

  it("reconnects after a drop and fills the gap from the tag timeline without loss", async () => {
    server = await startMastodonServer();
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    let pending = take(it, 1);
    await waitFor(() => server.openStreams() === 1);
    server.publish(makeStatus({ content: "<p>live 1</p>" }));
    const [live] = await pending;
    server.dropStreams();
    // Posted while the client is away; then one more arrives right as it returns (overlap).
    await waitFor(() => server.openStreams() === 0);
    for (let i = 0; i < 45; i++) server.store(makeStatus({ content: `<p>missed ${i}</p>` }));
    pending = take(it, 46);
    await waitFor(() => server.openStreams() === 1);
    server.publish(makeStatus({ content: "<p>live 2</p>" }));
    const items = await pending;
    const texts = items.map((i) => i.post.text);
    expect(texts.slice(0, 45)).toEqual(Array.from({ length: 45 }, (_, i) => `missed ${i}`));
    expect(texts.at(-1)).toBe("live 2");
    const gapCalls = server.requests.filter((r) => r.path.startsWith("/api/v1/timelines/tag/halcyon"));
    expect(gapCalls[0]!.path).toContain(`min_id=${live!.cursor}`);
    expect(gapCalls.length).toBe(2);
    expect(new Set(items.map((i) => i.post.externalId)).size).toBe(46);
    ctx.abort();
  });

  it("resumes from a persisted cursor after a restart", async () => {
    server = await startMastodonServer();
    const before = makeStatus({ content: "<p>seen</p>" });
    server.store(before);
    server.store(makeStatus({ content: "<p>missed while stopped</p>" }));
    const ctx = createTestContext();
    const it = connector.stream(settingsFor({ timeline: "local" }), before.id, ctx)[Symbol.asyncIterator]();
    const items = await take(it, 1);
    expect(items[0]!.post.text).toBe("missed while stopped");
    expect(server.requests.some((r) => r.path.startsWith("/api/v1/streaming/public/local"))).toBe(true);
    ctx.abort();
  });

  it("retries 5xx and 429 with backoff, then connects", async () => {
    server = await startMastodonServer();
    server.faults.push({ status: 503 }, { status: 429, headers: { "retry-after": "0" } });
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const pending = take(it, 1);
    await waitFor(() => server.openStreams() === 1);
    server.publish(makeStatus({ content: "<p>finally</p>" }));
    expect((await pending)[0]!.post.text).toBe("finally");
    expect(ctx.logs.filter((l) => l.message === "mastodon stream failed; reconnecting")).toHaveLength(2);
    ctx.abort();
  });

  it("fails fatally on 401", async () => {
    server = await startMastodonServer({ accessToken: "other" });
    const ctx = createTestContext();
    const it = connector.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const err = await it.next().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe("fatal");
  });

  it("reconnects when the stream goes silent (no heartbeat)", async () => {
    server = await startMastodonServer();
    const quick = createMastodonStreamingConnector({ backoffBaseMs: 10, idleTimeoutMs: 150 });
    const ctx = createTestContext();
    const it = quick.stream(settingsFor(), null, ctx)[Symbol.asyncIterator]();
    const pending = take(it, 1);
    await waitFor(() => server.requests.filter((r) => r.path.includes("streaming")).length >= 2);
    server.publish(makeStatus({ content: "<p>still here</p>" }));
    expect((await pending)[0]!.post.text).toBe("still here");
    expect(ctx.logs.some((l) => l.message === "mastodon stream idle; reconnecting")).toBe(true);
    ctx.abort();
  });

  it("rejects settings without a stream source", async () => {
    server = await startMastodonServer();
    const ctx = createTestContext();
    const s = mastodonSettings.parse({ instanceUrl: server.url, accessToken: "t", query: "halcyon" });
    await expect(connector.stream(s, null, ctx)[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      kind: "fatal",
    });
    expect(() => mastodonSettings.parse({ instanceUrl: server.url, accessToken: "t" })).toThrow();
  });
});
