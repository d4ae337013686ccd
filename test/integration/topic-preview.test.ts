import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackfillRunner } from "../../server/modules/listening/backfillRunner";
import { previewTopic } from "../../server/modules/listening/previewTopic";
import { evaluate, parse } from "../../shared/listening/query";
import { preparePost } from "../../shared/listening/text";
import type { Post } from "../../shared/listening/types";
import type { TestClient } from "../helpers/client";
import { backend } from "../helpers/database";
import { addMember, createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

interface Source {
  id: string;
  text: string;
  author: string;
  language: string;
  createdAt: string;
  title?: string;
  url: string;
  followers: number;
}

const WORDS = ["halcyon", "tent", "ember", "stove", "rain", "trail", "boots", "summit", "broke", "love"];
const EXTRA = ["#halcyon", "Halcyon", "EMBER", "the", "a", "my", "after"];

/** Deterministic pseudo-random posts; imported in shuffled order so ids do not follow time. */
function makePosts(count: number, seed: number, prefix: string, base: number): Source[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const posts: Source[] = [];
  for (let i = 0; i < count; i++) {
    const length = 3 + Math.floor(next() * 8);
    const words: string[] = [prefix];
    for (let w = 0; w < length; w++) {
      const pool = next() < 0.8 ? WORDS : EXTRA;
      words.push(pool[Math.floor(next() * pool.length)]!);
    }
    posts.push({
      id: `${prefix}-${i}`,
      text: words.join(" "),
      author: `hiker_${i % 7}`,
      language: ["en", "fr", "de"][i % 3]!,
      createdAt: new Date(base + i * 60_000).toISOString(),
      url: `https://trail${i % 4}.example/p/${i}`,
      followers: (i % 7) * 1000,
      ...(i % 3 === 0 ? { title: `${WORDS[i % WORDS.length]} review` } : {}),
    });
  }
  return posts.sort(() => next() - 0.5);
}

async function importPosts(client: TestClient, posts: Source[]) {
  const mapping = {
    text: "text",
    externalId: "id",
    authorHandle: "author",
    authorFollowers: "followers",
    language: "language",
    createdAt: "createdAt",
    title: "title",
    url: "url",
  };
  const query = `fileName=posts.jsonl&format=jsonl&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
  const response = await client.post(`/api/imports?${query}`, undefined, {
    rawBody: posts.map((p) => JSON.stringify(p)).join("\n"),
    headers: { "content-type": "application/x-ndjson" },
  });
  expect(response.status).toBe(201);
  expect(response.body.rowsOk).toBe(posts.length);
}

/** The reference: the pure evaluator over the posts as written, newest first. */
function reference(query: string, posts: Source[]) {
  const parsed = parse(query);
  if (!parsed.ok) throw new Error(`bad reference query ${query}`);
  const newestFirst = [...posts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return newestFirst.filter((p) => {
    const post: Post = {
      id: p.id,
      text: p.text,
      author: p.author,
      authorFollowers: p.followers,
      language: p.language,
      channel: "import",
      url: p.url,
      ...(p.title ? { title: p.title } : {}),
    };
    return evaluate(parsed.ast, preparePost(post)).matched;
  });
}

describe(`topic preview on ${backend}`, () => {
  let runtime: TestRuntime;
  let a: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  let b: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  const alpha = makePosts(150, 7, "alpha", Date.parse("2026-10-01T08:00:00Z"));
  // Bravo's posts are newer and full of the same words: any leak would change Alpha's numbers.
  const bravo = makePosts(80, 11, "bravo", Date.parse("2026-11-01T08:00:00Z"));

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true } });
    a = await createOrganisationWithOwner(runtime, "Alpha Preview");
    b = await createOrganisationWithOwner(runtime, "Bravo Preview");
    await importPosts(a.owner, alpha);
    await importPosts(b.owner, bravo);
  });
  afterAll(() => runtime?.close());

  const queries = [
    "(halcyon OR ember) AND (tent OR stove) NOT broke",
    '"ember stove" OR author:hiker_3',
    "halcyon NEAR/2 rain AND language:en",
    "sum* AND #halcyon",
    "title:review AND (stove OR tent)",
    "authorFollowers:[2000 TO 4000] AND rain AND channel:import",
    "(site:trail1.example OR url:trail2.example/p) AND love",
  ];

  it.each(queries)("counts what the evaluator counts, newest hits first: %s", async (query) => {
    const response = await a.owner.post("/api/topics/preview", { query });
    expect(response.status).toBe(200);
    const expected = reference(query, alpha);
    expect(expected.length).toBeGreaterThan(0); // the fixture exercises every query
    expect(response.body.scanned).toBe(alpha.length);
    expect(response.body.matched).toBe(expected.length);
    const hits = response.body.hits as { text: string; createdAt: string; channel: string }[];
    expect(hits.map((h) => h.text)).toEqual(expected.slice(0, 20).map((p) => p.text));
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.createdAt >= hits[i]!.createdAt).toBe(true);
    expect(hits.every((h) => h.channel === "import")).toBe(true);
  });

  it("puts spans on the matched words", async () => {
    const response = await a.owner.post("/api/topics/preview", {
      query: "(halcyon OR ember) AND (tent OR stove)",
    });
    expect(response.body.hits.length).toBeGreaterThan(0);
    const allowed = new Set(["halcyon", "ember", "tent", "stove"]);
    for (const hit of response.body.hits as {
      text: string;
      spans: { field: string; start: number; end: number }[];
    }[]) {
      expect(hit.spans.length).toBeGreaterThanOrEqual(2);
      for (const span of hit.spans) {
        expect(span.field).toBe("text");
        expect(allowed).toContain(hit.text.slice(span.start, span.end).replace(/^#/, "").toLowerCase());
      }
    }
  });

  it("never counts or shows another organisation's mentions", async () => {
    const own = await a.owner.post("/api/topics/preview", { query: "halcyon" });
    expect(own.body.scanned).toBe(alpha.length);
    expect(own.body.matched).toBe(reference("halcyon", alpha).length);
    expect(JSON.stringify(own.body)).not.toContain("bravo");
    const theirs = await a.owner.post("/api/topics/preview", { query: "bravo" });
    expect(theirs.body).toMatchObject({ scanned: alpha.length, matched: 0, hits: [] });
    const fromB = await b.owner.post("/api/topics/preview", { query: "alpha OR halcyon" });
    expect(fromB.body.scanned).toBe(bravo.length);
    expect(fromB.body.matched).toBe(reference("alpha OR halcyon", bravo).length);
  });

  it("agrees with the backfill that saving the topic runs", async () => {
    const query = "(halcyon OR ember) NEAR/3 (tent OR stove) OR authorFollowers:[6000 TO *]";
    const preview = await a.owner.post("/api/topics/preview", { query });
    const topic = await a.owner.post("/api/topics", { name: "Agreement", kind: "product", query });
    expect(topic.status).toBe(201);
    // Run it here, or wait for the runtime's own runner if it got there first.
    const runner = new BackfillRunner(runtime.ctx);
    while (await runner.runOne()) {}
    let after = await a.owner.get(`/api/topics/${topic.body.id}`);
    for (let i = 0; i < 100 && after.body.backfill.status !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await a.owner.get(`/api/topics/${topic.body.id}`);
    }
    expect(after.body.backfill).toMatchObject({ status: "done", processed: alpha.length });
    expect(after.body.backfill.matched).toBe(preview.body.matched);
    expect(preview.body.matched).toBe(reference(query, alpha).length);
  });

  it("scans only the newest mentions up to its limit", async () => {
    const actor = { userId: "preview-test", organisationId: a.organisationId, role: "analyst" as const };
    const query = "halcyon OR ember";
    const result = await previewTopic(runtime.ctx, actor, query, { scan: 30, hits: 5 });
    const newest = [...alpha].sort((x, y) => y.createdAt.localeCompare(x.createdAt)).slice(0, 30);
    expect(result.scanned).toBe(30);
    expect(result.matched).toBe(reference(query, newest).length);
    expect(result.hits.map((h) => h.text)).toEqual(
      reference(query, newest)
        .slice(0, 5)
        .map((p) => p.text),
    );
  });

  it("answers 422 with the error's position, like /validate", async () => {
    const query = "halcyon AND (tent OR";
    const response = await a.owner.post("/api/topics/preview", { query });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    const validate = await a.owner.post("/api/topics/validate", { query });
    expect(response.body.error.details).toEqual(validate.body.errors);
    expect(response.body.error.details[0]).toMatchObject({ path: "body.query" });
    expect(response.body.error.details[0].position.start).toBeGreaterThan(0);
    expect((await a.owner.post("/api/topics/preview", { query: "" })).status).toBe(422);
    expect((await a.owner.post("/api/topics/preview", { query: "x".repeat(4097) })).status).toBe(422);
  });

  it("is for the roles that write topics", async () => {
    for (const role of ["agent", "employee"] as const) {
      const member = await addMember(runtime, a.owner, role);
      const response = await member.client.post("/api/topics/preview", { query: "halcyon" });
      expect(response.status, role).toBe(403);
    }
    const analyst = await addMember(runtime, a.owner, "analyst");
    const response = await analyst.client.post("/api/topics/preview", { query: "halcyon" });
    expect(response.status).toBe(200);
    expect(response.body.matched).toBe(reference("halcyon", alpha).length);
    expect((await runtime.client().post("/api/topics/preview", { query: "halcyon" })).status).toBe(401);
  });
});
