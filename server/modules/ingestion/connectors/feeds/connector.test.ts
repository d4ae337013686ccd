import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../net/test-server";
import { type ConnectorContext, ConnectorError } from "../types";
import { createFeedConnector, DEFAULT_POLL_MS, type FeedCursor, parseRetryAfter } from "./connector";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/connectors/feeds/${name}`, import.meta.url), "utf8");

const logs: string[] = [];
const ctx: ConnectorContext = {
  fetch,
  signal: new AbortController().signal,
  now: () => new Date("2024-03-05T00:00:00Z"),
  log: (level, message) => void logs.push(`${level}: ${message}`),
};

describe("feed connector against a local server", () => {
  let srv: LocalServer;
  let rss = fixture("rss2.xml");
  beforeAll(async () => {
    srv = await startLocalServer({
      "/rss": (req, res) => {
        const etag = `"v${rss.length}"`;
        if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
        res.writeHead(200, {
          "content-type": "application/rss+xml",
          etag,
          "last-modified": "Mon, 04 Mar 2024 09:00:00 GMT",
        });
        res.end(rss);
      },
      "/atom-lm": (req, res) => {
        if (req.headers["if-modified-since"] === "Mon, 04 Mar 2024 10:00:00 GMT")
          return void res.writeHead(304).end();
        res.writeHead(200, {
          "content-type": "application/atom+xml",
          "last-modified": "Mon, 04 Mar 2024 10:00:00 GMT",
        });
        res.end(fixture("atom.xml"));
      },
      "/json": (_q, r) =>
        void r.writeHead(200, { "content-type": "application/feed+json" }).end(fixture("jsonfeed.json")),
      "/429": (_q, r) => void r.writeHead(429, { "retry-after": "3600" }).end(),
      "/503": (_q, r) => void r.writeHead(503, { "retry-after": "Tue, 05 Mar 2024 02:00:00 GMT" }).end(),
      "/500": (_q, r) => void r.writeHead(500).end("oops"),
      "/404": (_q, r) => void r.writeHead(404).end(),
      "/html": (_q, r) =>
        void r.writeHead(200, { "content-type": "text/html" }).end(fixture("homepage-html.txt")),
      "/wrong-type": (_q, r) =>
        void r.writeHead(200, { "content-type": "text/plain" }).end(fixture("atom.xml")),
      "/malformed": (_q, r) =>
        void r.writeHead(200, { "content-type": "application/xml" }).end(fixture("malformed.xml")),
      "/huge": (_q, r) => {
        r.writeHead(200, { "content-type": "application/rss+xml" });
        r.end(`<rss><channel>${"<item><title>x</title></item>".repeat(100_000)}</channel></rss>`);
      },
      "/slow": (_q, r) => {
        r.writeHead(200, { "content-type": "application/rss+xml" });
        r.write("<rss>");
        const t = setInterval(() => r.write(" "), 50);
        r.on("close", () => clearInterval(t));
      },
      "/to-private": (_q, r) => void r.writeHead(302, { location: "http://10.0.0.1/feed" }).end(),
    });
  });
  afterAll(() => srv.close());

  const rssC = createFeedConnector("rss", { timeoutMs: 500, maxBytes: 1024 * 1024 });
  const local = (path: string) => ({ url: srv.url(path), allowPrivateNetworks: true });

  it("first poll yields every item, the re-poll sends If-None-Match and gets 304 → no posts", async () => {
    const first = await rssC.poll(local("/rss"), null, ctx);
    expect(first.posts).toHaveLength(3);
    expect(first.posts.every((p) => p.channel === "rss")).toBe(true);
    expect(first.posts.find((p) => p.url?.endsWith("oat-latte"))).toMatchObject({
      externalId: "https://blog.acme.example/2024/03/oat-latte",
      language: "en",
      createdAt: "2024-03-04T08:30:00.000Z",
      author: { handle: "Jane Roaster" },
    });
    // The undated item falls back to the poll time.
    expect(first.posts.find((p) => p.title === "No guid, no date")?.createdAt).toBe(
      "2024-03-05T00:00:00.000Z",
    );
    expect(first.cursor.etag).toMatch(/^"v\d+"$/);
    expect(first.nextPollMs).toBe(DEFAULT_POLL_MS);
    const second = await rssC.poll(local("/rss"), first.cursor, ctx);
    expect(srv.requests.at(-1)?.headers["if-none-match"]).toBe(first.cursor.etag);
    expect(second.posts).toEqual([]);
  });

  it("a changed feed yields only the new items", async () => {
    const first = await rssC.poll(local("/rss"), null, ctx);
    rss = rss.replace(
      "<item>",
      "<item><title>Brand new</title><guid>https://blog.acme.example/new</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>fresh</description></item><item>",
    );
    const next = await rssC.poll(local("/rss"), first.cursor, ctx);
    expect(next.posts.map((p) => p.externalId)).toEqual(["https://blog.acme.example/new"]);
    expect(next.cursor.seen).toContain("https://blog.acme.example/new");
  });

  it("uses Last-Modified when there is no ETag (Atom)", async () => {
    const atom = createFeedConnector("atom");
    const first = await atom.poll(local("/atom-lm"), null, ctx);
    expect(first.posts).toHaveLength(3);
    expect(first.posts[0]!.channel).toBe("atom");
    const second = await atom.poll(local("/atom-lm"), first.cursor, ctx);
    expect(second.posts).toEqual([]);
  });

  it("reads JSON Feed and honours maxItems (newest first)", async () => {
    const res = await createFeedConnector("jsonfeed").poll({ ...local("/json"), maxItems: 1 }, null, ctx);
    expect(res.posts.map((p) => p.externalId)).toEqual(["https://micro.acme.example/2"]);
    expect(res.cursor.seen).toHaveLength(2);
  });

  it("sniffs the format regardless of a wrong content type", async () => {
    const res = await rssC.poll(local("/wrong-type"), null, ctx);
    expect(res.posts).toHaveLength(3);
    expect(res.posts[0]!.channel).toBe("rss");
  });

  it("honours Retry-After on 429 (seconds) and 503 (HTTP date) via nextPollMs", async () => {
    const a = await rssC.poll(local("/429"), null, ctx);
    expect(a.posts).toEqual([]);
    expect(a.nextPollMs).toBe(3_600_000);
    expect(a.cursor.failures).toBe(1);
    const b = await rssC.poll(local("/503"), null, ctx);
    expect(b.nextPollMs).toBe(2 * 3_600_000);
  });

  it("backs off exponentially on 5xx and network errors, resets on success", async () => {
    let cursor: FeedCursor | null = null;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r: Awaited<ReturnType<typeof rssC.poll>> = await rssC.poll(local("/500"), cursor, ctx);
      waits.push(r.nextPollMs);
      cursor = r.cursor;
    }
    expect(waits).toEqual([DEFAULT_POLL_MS, 2 * DEFAULT_POLL_MS, 4 * DEFAULT_POLL_MS]);
    expect(cursor?.lastError).toMatch(/HTTP 500/);
    const down = await rssC.poll({ url: "http://127.0.0.1:1/feed", allowPrivateNetworks: true }, cursor, ctx);
    expect(down.cursor.failures).toBe(4);
    const ok = await rssC.poll(local("/rss"), down.cursor, ctx);
    expect(ok.cursor.failures).toBe(0);
    expect(logs.some((l) => l.startsWith("warn: feed poll failed"))).toBe(true);
  });

  it.each([
    ["/404", /HTTP 404/],
    ["/html", /HTML page, not a feed/],
    ["/malformed", /Malformed XML .* line 3/],
    ["/huge", /larger than the 1048576-byte limit/],
  ])("%s → fatal ConnectorError", async (path, message) => {
    const err = await rssC.poll(local(path), null, ctx).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe("fatal");
    expect(err.message).toMatch(message);
  });

  it("times out a slow body and treats it as a transient failure", async () => {
    const r = await rssC.poll(local("/slow"), null, ctx);
    expect(r.posts).toEqual([]);
    expect(r.cursor.lastError).toMatch(/Timed out after 500 ms/);
  });

  it("refuses the local server without allowPrivateNetworks, and private redirect targets", async () => {
    await expect(rssC.poll({ url: srv.url("/rss") }, null, ctx)).rejects.toThrow(/Refusing to connect/);
    await expect(rssC.poll({ url: `http://localhost:${srv.port}/rss` }, null, ctx)).rejects.toThrow(
      /Refusing/,
    );
    const guarded = createFeedConnector("rss", {
      fetch: (url, o) =>
        import("../net/safe-fetch").then((m) =>
          m.safeFetch(url, { ...o, isAllowedAddress: (ip) => ip === "127.0.0.1" }),
        ),
    });
    await expect(guarded.poll({ url: srv.url("/to-private") }, null, ctx)).rejects.toThrow(/10\.0\.0\.1/);
  });

  it("validates settings", () => {
    const s = rssC.settings;
    expect(s.safeParse({ url: "not a url" }).success).toBe(false);
    expect(s.safeParse({ url: "https://x.example/feed", maxItems: 0 }).success).toBe(false);
    expect(s.safeParse({ url: "https://x.example/feed" }).success).toBe(true);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2024-03-05T00:00:00Z");
  it("reads seconds and HTTP dates, ignores junk", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 05 Mar 2024 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Mon, 04 Mar 2024 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
