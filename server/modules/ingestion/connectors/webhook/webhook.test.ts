import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_ITEMS, normaliseWebhookPayload } from "./normalise";
import { createMemoryReplayCache, signWebhook, verifyWebhook } from "./verify";

const SECRET = "whsec_test_0123456789";
const now = new Date("2024-03-04T12:00:00Z");
const ts = Math.floor(now.getTime() / 1000);
const body = Buffer.from('{"id":"1","text":"hi 👋"}');

function signed(extra: Record<string, string> = {}, t = ts, b = body, secret = SECRET) {
  return { "x-chorus-timestamp": String(t), "x-hub-signature-256": signWebhook(secret, b, t), ...extra };
}
const githubSig = (b: Buffer) => `sha256=${createHmac("sha256", SECRET).update(b).digest("hex")}`;

describe("verifyWebhook", () => {
  it("accepts a correctly signed, fresh request", async () => {
    expect(await verifyWebhook({ secret: SECRET, body, headers: signed(), now })).toEqual({
      ok: true,
      scheme: "timestamped",
      timestamp: ts,
    });
  });

  it("signs <timestamp>.<raw body> exactly", () => {
    const expected = createHmac("sha256", SECRET).update(`${ts}.${body.toString()}`).digest("hex");
    expect(signWebhook(SECRET, body, ts)).toBe(`sha256=${expected}`);
  });

  it("accepts any of several secrets (rotation)", async () => {
    const r = await verifyWebhook({ secret: ["new-secret", SECRET], body, headers: signed(), now });
    expect(r.ok).toBe(true);
  });

  it.each([
    ["missing_signature", { "x-chorus-timestamp": String(ts) }],
    ["malformed_signature", { "x-chorus-timestamp": String(ts), "x-hub-signature-256": "sha1=abc" }],
    ["malformed_timestamp", { ...signed(), "x-chorus-timestamp": "12:00" }],
    ["bad_signature", signed({}, ts, body, "wrong-secret")],
    ["bad_signature", signed({}, ts, Buffer.from('{"id":"1","text":"hi 👋 "}'))],
    ["stale_timestamp", signed({}, ts - 301)],
    ["stale_timestamp", signed({}, ts + 301)],
    ["missing_timestamp", { "x-hub-signature-256": githubSig(body) }],
  ])("refuses with %s", async (reason, headers) => {
    const r = await verifyWebhook({ secret: SECRET, body, headers, now });
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });

  it("refuses a tampered body even with a valid-looking timestamp", async () => {
    const headers = signed();
    const r = await verifyWebhook({ secret: SECRET, body: Buffer.from('{"id":"2"}'), headers, now });
    expect(r).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses a replayed delivery when a cache is supplied", async () => {
    const replayCache = createMemoryReplayCache();
    const headers = signed({ "x-chorus-delivery": "d-1" });
    expect((await verifyWebhook({ secret: SECRET, body, headers, now, replayCache })).ok).toBe(true);
    expect(await verifyWebhook({ secret: SECRET, body, headers, now, replayCache })).toMatchObject({
      ok: false,
      reason: "replayed_delivery",
    });
  });

  it("accepts GitHub-style body-only signatures only with a cache and a delivery id, once", async () => {
    const replayCache = createMemoryReplayCache();
    const base = { "x-hub-signature-256": githubSig(body) };
    expect(await verifyWebhook({ secret: SECRET, body, headers: base, now, replayCache })).toMatchObject({
      reason: "missing_delivery_id",
    });
    const headers = { ...base, "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958" };
    expect(await verifyWebhook({ secret: SECRET, body, headers, now, replayCache })).toMatchObject({
      ok: true,
      scheme: "body-only",
    });
    expect(await verifyWebhook({ secret: SECRET, body, headers, now, replayCache })).toMatchObject({
      reason: "replayed_delivery",
    });
  });

  it("refuses when no secret is configured", async () => {
    expect(await verifyWebhook({ secret: "", body, headers: signed(), now })).toMatchObject({
      reason: "no_secret",
    });
  });

  it("the memory cache forgets after the TTL and stays bounded", () => {
    let t = 0;
    const cache = createMemoryReplayCache(2, () => t);
    expect(cache.remember("a", 10)).toBe(true);
    expect(cache.remember("a", 10)).toBe(false);
    t = 11_000;
    expect(cache.remember("a", 10)).toBe(true);
    cache.remember("b", 10);
    cache.remember("c", 10);
    expect(cache.remember("a", 10)).toBe(true); // evicted as the oldest
  });
});

describe("normaliseWebhookPayload", () => {
  const batch = JSON.parse(
    readFileSync(
      new URL("../../../../../test/fixtures/connectors/webhook/batch.json", import.meta.url),
      "utf8",
    ),
  );

  it("maps valid items and reports invalid ones by index", () => {
    const { posts, errors } = normaliseWebhookPayload(batch, { now });
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatchObject({
      channel: "webhook",
      externalId: "rev-1001",
      text: "Love the new oat latte ☕️ <script>alert(1)</script> 5 < 6",
      title: "Great coffee",
      author: { handle: "@sam", name: "Sam", followers: 120 },
      language: "en",
      country: "GB",
      createdAt: "2024-03-04T09:00:00.000Z",
      engagement: { likes: 3, views: 200 },
      rating: 5,
    });
    expect(posts[1]).toMatchObject({
      externalId: "1002",
      text: "שלום עולם & مرحبا",
      author: { handle: "noa" },
      createdAt: "2024-03-04T10:00:00.000Z",
      replyToExternalId: "rev-1001",
      engagement: { likes: 1 },
    });
    expect(posts[1]!.raw).toEqual(batch.posts[1]);
    expect(errors.map((e) => e.index)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors.find((e) => e.index === 3)?.message).toMatch(/createdAt: unrecognised date/);
    expect(errors.find((e) => e.index === 4)?.message).toMatch(/text or html is required/);
    const bad = errors.find((e) => e.index === 5)!.message;
    expect(bad).toMatch(/url: must be an http\(s\) URL/);
    expect(bad).toMatch(/likes/);
    expect(bad).toMatch(/country/);
  });

  it("accepts a single object and a bare array; defaults createdAt to now", () => {
    expect(normaliseWebhookPayload({ id: 7, text: "one" }, { now }).posts[0]).toMatchObject({
      externalId: "7",
      createdAt: now.toISOString(),
    });
    expect(
      normaliseWebhookPayload(
        [
          { id: "a", text: "x" },
          { id: "b", text: "y" },
        ],
        { now },
      ).posts,
    ).toHaveLength(2);
  });

  it("strips NULs and control characters and rejects text that is empty after cleaning", () => {
    const r = normaliseWebhookPayload(
      [
        { id: "n", text: "a\u0000b\u0007 e\u0301 \u202eabc" },
        { id: "e", text: "\u0000 " },
      ],
      {
        now,
      },
    );
    expect(r.posts[0]!.text).toBe("ab e\u0301 \u202eabc");
    expect(r.errors).toEqual([{ index: 1, message: "text: empty after cleaning" }]);
  });

  it("refuses oversized batches as a whole", () => {
    const many = Array.from({ length: MAX_WEBHOOK_ITEMS + 1 }, (_, i) => ({ id: i, text: "x" }));
    const r = normaliseWebhookPayload(many, { now });
    expect(r.posts).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/At most 1000/);
  });
});
