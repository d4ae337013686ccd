import { afterEach, describe, expect, it } from "vitest";
import { createTestContext } from "../testing/context";
import { type LocalMastodonServer, makeStatus, startMastodonServer } from "../testing/mastodonServer";
import { ConnectorError } from "../types";
import { createMastodonPollingConnector, nextPollMs } from "./poll";
import { mastodonSettings } from "./settings";

const connector = createMastodonPollingConnector({ intervalMs: 30_000, maxPages: 3 });
let server: LocalMastodonServer;
afterEach(() => server?.close());

const settingsFor = (extra: Record<string, unknown> = {}) =>
  mastodonSettings.parse({
    instanceUrl: server.url,
    accessToken: "test-token",
    query: "trailblazer",
    ...extra,
  });

describe("mastodon polling connector", () => {
  it("first poll takes the newest page; later polls page forward from the cursor", async () => {
    server = await startMastodonServer();
    for (let i = 0; i < 50; i++) server.store(makeStatus({ content: `<p>Trailblazer note ${i}</p>` }));
    server.store(makeStatus({ content: "<p>unrelated</p>" }));
    const ctx = createTestContext();
    const first = await connector.poll(settingsFor(), null, ctx);
    expect(first.posts).toHaveLength(40);
    expect(first.posts[0]!.text).toBe("Trailblazer note 10");
    expect(first.posts.at(-1)!.text).toBe("Trailblazer note 49");
    expect(first.cursor).toBe(server.statuses[49]!.id);
    expect(server.requests[0]!.path).toMatch(/^\/api\/v2\/search\?q=trailblazer&type=statuses/);

    for (let i = 50; i < 130; i++) server.store(makeStatus({ content: `<p>Trailblazer note ${i}</p>` }));
    // A restart: only the persisted cursor carries over.
    const second = await connector.poll(settingsFor(), first.cursor, createTestContext());
    expect(second.posts.map((p) => p.text)).toEqual(
      Array.from({ length: 80 }, (_, i) => `Trailblazer note ${i + 50}`),
    );
    expect(server.requests[1]!.path).toContain(`min_id=${first.cursor}`);
    expect(server.requests).toHaveLength(4);
    const third = await connector.poll(settingsFor(), second.cursor, createTestContext());
    expect(third.posts).toEqual([]);
    expect(third.cursor).toBe(second.cursor);
  });

  it("polls hashtags and timeline together and dedupes statuses found twice", async () => {
    server = await startMastodonServer();
    server.store(makeStatus({ content: "<p>Trailblazer #halcyon</p>", tags: [{ name: "halcyon" }] }));
    const result = await connector.poll(settingsFor({ hashtags: ["halcyon"] }), null, createTestContext());
    expect(result.posts).toHaveLength(1);
  });

  it("waits for the reset when the budget is spent, and spreads a thin budget", async () => {
    server = await startMastodonServer({ rateLimit: { limit: 300, windowMs: 120_000 } });
    server.store(makeStatus({ content: "<p>Trailblazer</p>" }));
    server.setRemaining(1);
    const ctx = createTestContext();
    const spent = await connector.poll(settingsFor({ hashtags: ["halcyon"] }), null, ctx);
    // The search call spent the budget: the tag timeline is left for the next poll.
    expect(server.requests).toHaveLength(1);
    expect(spent.nextPollMs).toBeGreaterThan(100_000);
    expect(spent.nextPollMs).toBeLessThanOrEqual(120_000);
    expect(ctx.logs.some((l) => l.message.includes("rate limit exhausted"))).toBe(true);

    const now = new Date("2024-01-01T00:00:00Z");
    const resetAt = now.getTime() + 300_000;
    expect(nextPollMs({ remaining: 250, resetAt }, 1, 30_000, now)).toBe(30_000);
    expect(nextPollMs({ remaining: 4, resetAt }, 2, 30_000, now)).toBe(150_000);
    expect(nextPollMs({}, 1, 30_000, now)).toBe(30_000);
  });

  it("turns 429 into a retryable error with the wait, 5xx into retryable, 401 into fatal", async () => {
    server = await startMastodonServer();
    const reset = new Date(Date.now() + 90_000).toISOString();
    server.faults.push({
      status: 429,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
    });
    const limited = await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e);
    expect(limited).toBeInstanceOf(ConnectorError);
    expect(limited).toMatchObject({ kind: "retryable" });
    expect(limited.retryAfterMs).toBeGreaterThan(80_000);

    server.faults.push({ status: 429, headers: { "retry-after": "12" } });
    expect(await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e)).toMatchObject({
      kind: "retryable",
      retryAfterMs: 12_000,
    });
    server.faults.push({ status: 502, body: "<html>Bad gateway</html>" });
    expect(await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e)).toMatchObject({
      kind: "retryable",
    });
    const denied = await connector
      .poll(settingsFor({ accessToken: "wrong" }), null, createTestContext())
      .catch((e) => e);
    expect(denied).toMatchObject({ kind: "fatal" });
  });

  it("treats a refused connection as retryable and a non-JSON 200 as retryable", async () => {
    server = await startMastodonServer();
    const url = server.url;
    await server.close();
    const refused = await connector
      .poll(
        mastodonSettings.parse({ instanceUrl: url, accessToken: "t", query: "x" }),
        null,
        createTestContext(),
      )
      .catch((e) => e);
    expect(refused).toMatchObject({ kind: "retryable" });
    server = await startMastodonServer();
    server.faults.push({ status: 200, body: "<html>captive portal</html>" });
    expect(await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e)).toMatchObject({
      kind: "retryable",
    });
  });
});
