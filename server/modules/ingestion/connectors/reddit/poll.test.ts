import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTestContext } from "../testing/context";
import { type LocalRedditServer, makeComment, makeLink, startRedditServer } from "../testing/redditServer";
import { ConnectorError } from "../types";
import { type RedditListing, thingToPost } from "./map";
import { createRedditPollingConnector, redditNextPollMs } from "./poll";
import { redditSettings } from "./settings";

const listing = JSON.parse(
  readFileSync(
    new URL("../../../../../test/fixtures/connectors/reddit/listing.json", import.meta.url),
    "utf8",
  ),
) as RedditListing;

const connector = createRedditPollingConnector({ intervalMs: 30_000, maxPages: 3 });
let server: LocalRedditServer;
afterEach(() => server?.close());
const settingsFor = (extra: Record<string, unknown> = {}) =>
  redditSettings.parse({ baseUrl: server.url, accessToken: "reddit-token", query: "halcyon", ...extra });

describe("reddit mapping", () => {
  it("maps t3 and t1, decodes entities, keeps odd Unicode, drops [deleted]", () => {
    const [self, link, comment] = listing.data.children.map(thingToPost);
    expect(self).toMatchObject({
      externalId: "t3_1cq9zz1",
      title: "Summit 45L vs Summit & Co Alpine 40 — long-term review 🎒",
      url: "https://www.reddit.com/r/Ultralight/comments/1cq9zz1/summit_45l_vs_summit_co_alpine_40_longterm_review/",
      author: { handle: "u/pct_pia", url: "https://www.reddit.com/user/pct_pia" },
      createdAt: "2024-05-14T10:00:00.000Z",
      engagement: { likes: 214, replies: 58, shares: 2 },
    });
    expect(self!.text).toContain("& the Summit & Co Alpine 40");
    expect(self!.text).toContain("> Hip belt pockets fit a phone?\n\nYes <3");
    expect(self!.text).not.toContain("&#x200B;");
    expect(link!.text).toBe("Ｈａｌｃｙｏｎ Ember stove recall?? mine flared up 🔥🔥 (photo)");
    expect(link!.author).toBeUndefined();
    expect(comment).toMatchObject({
      externalId: "t1_l3xk9a0",
      text: "Ridgeline's customer service replaced mine in 3 days. Halcyon took 3 weeks & counting.",
      title: "Halcyon Ember stove recall??",
      replyToExternalId: "t1_l3xj001",
      threadExternalId: "t3_1cq9yy0",
      engagement: { likes: 27 },
    });
    expect(thingToPost({ kind: "t5", data: { name: "t5_x", created_utc: 1 } })).toBeNull();
  });
});

describe("reddit polling connector", () => {
  it("searches with token and User-Agent, then pages newer posts with before= after a restart", async () => {
    server = await startRedditServer();
    for (let i = 0; i < 5; i++)
      server.add(makeLink({ title: `Halcyon post ${i}`, created_utc: 1_700_000_000 + i }));
    server.add(makeLink({ title: "unrelated", created_utc: 1_700_000_010 }));
    const first = await connector.poll(settingsFor(), null, createTestContext());
    expect(first.posts.map((p) => p.title)).toEqual([0, 1, 2, 3, 4].map((i) => `Halcyon post ${i}`));
    expect(server.requests[0]).toMatchObject({
      auth: "bearer reddit-token",
      userAgent: expect.stringContaining("chorus"),
    });
    expect(server.requests[0]!.path).toMatch(/^\/search\.json\?q=halcyon&sort=new/);
    const key = "search:halcyon";
    expect(first.cursor[key]!.newest).toBe(server.things[4]!.data.name);

    for (let i = 5; i < 255; i++)
      server.add(makeLink({ title: `Halcyon post ${i}`, created_utc: 1_700_000_100 + i }));
    const second = await connector.poll(
      settingsFor(),
      JSON.parse(JSON.stringify(first.cursor)),
      createTestContext(),
    );
    expect(second.posts.map((p) => p.title)).toEqual(
      Array.from({ length: 250 }, (_, i) => `Halcyon post ${i + 5}`),
    );
    expect(server.requests[1]!.path).toContain(`before=${first.cursor[key]!.newest}`);
    expect(server.requests).toHaveLength(4);
    expect(second.cursor[key]!.newest).toBe(server.things.at(-1)!.data.name);
  });

  it("reads subreddit new posts and comments into one cursor per listing", async () => {
    server = await startRedditServer();
    server.add(makeLink({ subreddit: "CampingGear", title: "New tent day" }));
    server.add(makeComment({ subreddit: "CampingGear" }));
    const result = await connector.poll(
      settingsFor({ query: undefined, subreddits: ["r/CampingGear"], includeComments: true }),
      null,
      createTestContext(),
    );
    expect(result.posts.map((p) => p.externalId.slice(0, 3)).sort()).toEqual(["t1_", "t3_"]);
    expect(Object.keys(result.cursor).sort()).toEqual(["comments:CampingGear", "new:CampingGear"]);
  });

  it("re-anchors by time when the cursor post was removed", async () => {
    server = await startRedditServer();
    server.add(makeLink({ title: "Halcyon anchor", created_utc: 1_700_000_000 }));
    const first = await connector.poll(settingsFor(), null, createTestContext());
    server.remove(first.cursor["search:halcyon"]!.newest);
    server.add(makeLink({ title: "Halcyon later", created_utc: 1_700_000_500 }));
    let cursor = first.cursor;
    const ctx = createTestContext();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await connector.poll(settingsFor(), cursor, ctx);
      seen.push(...r.posts.map((p) => p.title ?? ""));
      cursor = r.cursor;
    }
    expect(seen).toEqual(["Halcyon later"]);
    expect(ctx.logs.some((l) => l.message.includes("re-anchored"))).toBe(true);
  });

  it("waits until reset when remaining < 1 and spreads a thin budget", async () => {
    server = await startRedditServer();
    server.add(makeLink({ title: "Halcyon" }));
    server.setRemaining(1, 240);
    const ctx = createTestContext();
    const r = await connector.poll(
      settingsFor({ query: undefined, subreddits: ["CampingGear", "Ultralight"] }),
      null,
      ctx,
    );
    expect(server.requests).toHaveLength(1);
    expect(r.nextPollMs).toBeGreaterThan(230_000);
    expect(Object.keys(r.cursor)).toEqual(["new:CampingGear"]);
    expect(redditNextPollMs({ remaining: 598, used: 2, resetMs: 300_000 }, 2, 30_000)).toBe(30_000);
    expect(redditNextPollMs({ remaining: 10, used: 590, resetMs: 300_000 }, 4, 30_000)).toBe(150_000);
  });

  it("maps 429 to retryable with the reset wait, 5xx to retryable, 401/403 to fatal", async () => {
    server = await startRedditServer();
    server.faults.push({ status: 429, headers: { "x-ratelimit-reset": "42" } });
    const limited = await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e);
    expect(limited).toBeInstanceOf(ConnectorError);
    expect(limited).toMatchObject({ kind: "retryable", retryAfterMs: 42_000 });
    server.faults.push({ status: 503, body: "<html>all our servers are busy</html>" });
    expect(await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e)).toMatchObject({
      kind: "retryable",
    });
    expect(
      await connector.poll(settingsFor({ accessToken: "nope" }), null, createTestContext()).catch((e) => e),
    ).toMatchObject({
      kind: "fatal",
    });
    server.faults.push({ status: 403 });
    expect(await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e)).toMatchObject({
      kind: "fatal",
    });
    server.faults.push({ status: 200, body: "{truncated" });
    expect(await connector.poll(settingsFor(), null, createTestContext()).catch((e) => e)).toMatchObject({
      kind: "retryable",
    });
  });
});
