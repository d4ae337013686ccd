import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrich } from "../../../../shared/listening/enrich";
import { type DatabaseHandle, openDatabase } from "../../../db/database";
import { migrateToLatest } from "../../../db/migrate";
import { compareRollupsWithRecount } from "../../mentions/recount";
import type { NormalisedPost } from "../connectors/types";
import { LocalPipeline } from "./localPipeline";
import { InlineProcessor, ThreadProcessor } from "./processors";

const post = (i: number, text: string): NormalisedPost => ({
  channel: "demo",
  externalId: `post-${i}`,
  text,
  createdAt: new Date(Date.UTC(2026, 10, 20, i % 24)).toISOString(),
  author: { handle: `author${i % 17}`, followers: i * 10 },
  raw: { i },
});

const TEXTS = [
  "The Halcyon Ember stove is terrible, it burned my hand and support never answered #recall",
  "Love my Halcyon tent, stayed dry all night!",
  "Does the Halcyon Aurora jacket run small? Thinking of buying one",
  "Ridgeline packs are better than Halcyon honestly",
  "Wish the Halcyon Summit pack had a hydration sleeve",
  "Nothing about outdoor gear here, just coffee",
];

describe.each(["inline", "threads"] as const)("local pipeline (%s) on PGlite", (mode) => {
  let handle: DatabaseHandle;
  let organisationId: string;
  let topicId: string;
  let pipeline: LocalPipeline;
  let processor: InlineProcessor | ThreadProcessor;

  beforeAll(async () => {
    handle = await openDatabase({ kind: "pglite" });
    await migrateToLatest(handle.db);
    organisationId = (
      await handle.db
        .insertInto("organisations")
        .values({ name: "P", slug: "p" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    topicId = (
      await handle.db
        .insertInto("topics")
        .values({ organisation_id: organisationId, name: "Halcyon", query: "halcyon NOT ridgeline" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    processor = mode === "inline" ? new InlineProcessor() : new ThreadProcessor(2);
    processor.setTopics(organisationId, [{ id: topicId, query: "halcyon NOT ridgeline" }]);
    pipeline = new LocalPipeline(handle.db, processor, { batchSize: 100, maxQueued: 300 });
  });
  afterAll(async () => {
    await pipeline?.close();
    await processor?.close();
    await handle?.close();
  });

  it("stores, enriches and matches every post once, and resolves when durable", async () => {
    const posts = Array.from({ length: 1_000 }, (_, i) => post(i, `${TEXTS[i % TEXTS.length]} (${i})`));
    const receipts = await Promise.all([
      pipeline.ingest(organisationId, null, posts.slice(0, 600)),
      pipeline.ingest(organisationId, null, posts.slice(600)),
    ]);
    expect(receipts.map((r) => r.stored)).toEqual([600, 400]);
    const again = await pipeline.ingest(organisationId, null, posts.slice(0, 50));
    expect(again).toEqual({ stored: 0, alreadyStored: 50 });

    const rows = await handle.db
      .selectFrom("mentions")
      .select(["external_id", "sentiment_label", "intent", "language"])
      .execute();
    expect(rows).toHaveLength(1_000);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    // The pipeline stores exactly what enrichment says (enrichment has its own accuracy tests).
    for (const i of [0, 1, 2, 5]) {
      const e = enrich({ text: posts[i]!.text });
      expect(byId.get(`post-${i}`)).toMatchObject({
        sentiment_label: e.sentiment.label,
        intent: e.intent.intent,
        language: e.language.language,
      });
    }

    const matched = await handle.db
      .selectFrom("mention_topics")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    // Every text mentions Halcyon except the coffee one (5); the Ridgeline one (3) is excluded by NOT.
    const expected = posts.filter((_, i) => [0, 1, 2, 4].includes(i % TEXTS.length)).length;
    expect(matched.n).toBe(expected);
    expect(await compareRollupsWithRecount(handle.db, organisationId)).toEqual([]);
    const events = await handle.db
      .selectFrom("events")
      .select(["name", "audit"])
      .where("name", "=", "mentions.ingested")
      .execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.audit === false)).toBe(true);
  });

  it("applies backpressure: never more than maxQueued posts wait in memory", async () => {
    const fresh = new LocalPipeline(handle.db, processor, { batchSize: 100, maxQueued: 300 });
    const burst = Array.from({ length: 2_000 }, (_, i) => post(10_000 + i, TEXTS[i % TEXTS.length]!));
    const receipts = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        fresh.ingest(organisationId, null, burst.slice(k * 100, k * 100 + 100)),
      ),
    );
    expect(receipts.reduce((n, r) => n + r.stored, 0)).toBe(2_000);
    // 20 producers × 100 posts arrived at once; only 300 were ever held (3 producers' worth).
    expect(fresh.backlog.peak).toBe(300);
    expect(fresh.backlog.now).toBe(0);
  });
});

describe("thread processor after a worker dies", () => {
  it("fails only the dead worker's batch and carries on with the topics it had", async () => {
    const processor = new ThreadProcessor(1);
    try {
      processor.setTopics("org", [{ id: "t1", query: "halcyon" }]);
      const first = await processor.process("org", [{ sourceId: null, post: post(1, "Halcyon tent") }]);
      expect(first[0]!.matches.map((m) => m.topicId)).toEqual(["t1"]);
      const worker = (processor as unknown as { workers: { worker: import("node:worker_threads").Worker }[] })
        .workers[0]!.worker;
      // Big enough that the worker is still busy with it when it is killed.
      const big = Array.from({ length: 20_000 }, (_, i) => ({
        sourceId: null,
        post: post(100 + i, `Halcyon stove ${i}`),
      }));
      const inflight = processor.process("org", big);
      await worker.terminate();
      await expect(inflight).rejects.toThrow(/exited/);
      const after = await processor.process("org", [{ sourceId: null, post: post(3, "Halcyon jacket") }]);
      expect(after[0]!.matches.map((m) => m.topicId)).toEqual(["t1"]);
    } finally {
      await processor.close();
    }
  });
});
