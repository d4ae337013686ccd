/**
 * End-to-end ingest throughput: `npm run bench:ingest` (BENCH_QUICK=1 for a short run).
 * Connector (the demo market generator) → enrich and match on a worker thread → batched store
 * with matches and rollups → `mentions.ingested` event on the bus, as the live stream sees it.
 * PGlite (in a folder) always; PostgreSQL too when DATABASE_URL is set. 1k and 150k topics.
 * Peer in the same run: a naive one-row-per-INSERT pipeline. Rollups are checked against a
 * recount after every run, so speed never comes from skipped work.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import pino from "pino";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../../server/db/database";
import { migrateToLatest } from "../../server/db/migrate";
import { InProcessBus } from "../../server/events/in-process-bus";
import { OutboxRelay } from "../../server/events/relay";
import { generateDemoPosts } from "../../server/modules/ingestion/connectors/demo";
import type { NormalisedPost } from "../../server/modules/ingestion/connectors/types";
import { LocalPipeline } from "../../server/modules/ingestion/pipeline/localPipeline";
import { ThreadProcessor } from "../../server/modules/ingestion/pipeline/processors";
import { TopicIndex } from "../../server/modules/listening/topicIndex";
import { compareRollupsWithRecount } from "../../server/modules/mentions/recount";
import { naiveIngest } from "./naive";
import { benchTopics } from "./topics";

const quick = process.env.BENCH_QUICK === "1";
const logger = pino({ level: "silent" });

interface Row {
  backend: string;
  topics: number;
  pipeline: string;
  posts: number;
  seconds: number;
  postsPerSecond: number;
  p50: number | null;
  p99: number | null;
  topicSetupSeconds: number | null;
  exact: boolean | null;
}

function demoPosts(count: number, offset = 0): NormalisedPost[] {
  const posts: NormalisedPost[] = [];
  const from = new Date(Date.UTC(2026, 9, 1) + offset * 3_600_000);
  for (const post of generateDemoPosts({
    from,
    to: new Date(from.getTime() + 3650 * 86_400_000),
    seed: 11 + offset,
    postsPerDay: 50_000,
    crisis: 3,
  })) {
    posts.push(post);
    if (posts.length >= count) break;
  }
  return posts;
}

let runNumber = 0;

async function freshTarget(
  kind: "pglite" | "postgres",
): Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "chorus-bench-ingest-"));
    return {
      target: { kind: "pglite", dataDir: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `chorus_bench_ingest_${++runNumber}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString(), poolSize: 4 },
    cleanup: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function setup(kind: "pglite" | "postgres", topicCount: number) {
  const { target, cleanup } = await freshTarget(kind);
  const handle = await openDatabase(target);
  await migrateToLatest(handle.db);
  const organisationId = (
    await handle.db
      .insertInto("organisations")
      .values({ name: "Bench", slug: "bench" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const queries = benchTopics(topicCount);
  const ids: string[] = [];
  for (let i = 0; i < queries.length; i += 5_000) {
    const slice = queries.slice(i, i + 5_000);
    const rows = await sql<{ id: string }>`insert into topics (organisation_id, name, query)
      select ${organisationId}::uuid, 'topic ' || n, q from unnest(${slice}::text[]) with ordinality as x(q, n) returning id`.execute(
      handle.db,
    );
    ids.push(...rows.rows.map((r) => r.id));
  }
  return { handle, cleanup, organisationId, topics: ids.map((id, i) => ({ id, query: queries[i]! })) };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
}

async function runPipeline(kind: "pglite" | "postgres", topicCount: number, postCount: number): Promise<Row> {
  const { handle, cleanup, organisationId, topics } = await setup(kind, topicCount);
  const processor = new ThreadProcessor(1);
  const bus = new InProcessBus(logger);
  const relay = new OutboxRelay(handle.db, bus, logger);
  relay.start();
  try {
    const setupStart = performance.now();
    processor.setTopics(organisationId, topics);
    // The worker compiles the topics before it takes the first batch (messages are ordered).
    await processor.process(organisationId, [{ sourceId: null, post: demoPosts(1, 999)[0]! }]);
    const topicSetupSeconds = (performance.now() - setupStart) / 1000;

    const pipeline = new LocalPipeline(handle.db, processor, {
      maxInFlight: 2,
      onCommitted: () => void relay.kick(),
    });
    // Latency: a chunk's arrival → the first live event published after its commit.
    const committed: number[] = [];
    const latencies: number[] = [];
    await bus.subscribe(
      () => {
        const now = performance.now();
        for (const arrived of committed.splice(0)) latencies.push(now - arrived);
      },
      { names: ["mentions.ingested"] },
    );

    const posts = demoPosts(postCount);
    const chunk = 250;
    const started = performance.now();
    let next = 0;
    // Several connectors at once: eight concurrent producers handing over 250-post chunks.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < posts.length) {
          const slice = posts.slice(next, next + chunk);
          next += chunk;
          const arrived = performance.now();
          await pipeline.ingest(organisationId, null, slice);
          committed.push(arrived);
        }
      }),
    );
    await relay.kick();
    const seconds = (performance.now() - started) / 1000;
    const stored = Number(
      (
        await handle.db
          .selectFrom("mentions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const exact =
      stored === posts.length && (await compareRollupsWithRecount(handle.db, organisationId)).length === 0;
    await pipeline.close();
    return {
      backend: kind,
      topics: topicCount,
      pipeline: "Chorus (batched, 1 worker thread)",
      posts: posts.length,
      seconds,
      postsPerSecond: posts.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      topicSetupSeconds,
      exact,
    };
  } finally {
    await relay.stop();
    await processor.close();
    await handle.close();
    await cleanup();
  }
}

async function runNaive(kind: "pglite" | "postgres", topicCount: number, postCount: number): Promise<Row> {
  const { handle, cleanup, organisationId, topics } = await setup(kind, topicCount);
  try {
    const index = new TopicIndex();
    index.setTopics(organisationId, topics);
    const posts = demoPosts(postCount, 500);
    const started = performance.now();
    await naiveIngest(handle.db, organisationId, index, posts);
    const seconds = (performance.now() - started) / 1000;
    return {
      backend: kind,
      topics: topicCount,
      pipeline: "naive (row by row)",
      posts: posts.length,
      seconds,
      postsPerSecond: posts.length / seconds,
      p50: null,
      p99: null,
      topicSetupSeconds: null,
      exact: null,
    };
  } finally {
    await handle.close();
    await cleanup();
  }
}

const backends: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
if (!process.env.DATABASE_URL) console.log("DATABASE_URL not set: PostgreSQL figures skipped");
const rows: Row[] = [];
for (const backend of backends) {
  for (const topicCount of [1_000, 150_000]) {
    const posts = quick ? 5_000 : topicCount === 1_000 ? (backend === "postgres" ? 100_000 : 50_000) : 30_000;
    console.error(`… ${backend}, ${topicCount} topics, ${posts} posts`);
    rows.push(await runPipeline(backend, topicCount, posts));
    rows.push(await runNaive(backend, topicCount, quick ? 500 : 2_000));
  }
}

console.log(
  `\nIngest end to end (demo-market posts → stored, matched, rolled up → live event), this machine (${process.env.HOSTNAME ?? "local"})\n`,
);
console.log(
  `${"backend".padEnd(9)} ${"topics".padStart(7)} ${"pipeline".padEnd(34)} ${"posts".padStart(7)} ${"posts/s".padStart(8)} ${"vs naive".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"topics ready s".padStart(14)} exact`,
);
for (const row of rows) {
  const naive = rows.find(
    (r) => r.backend === row.backend && r.topics === row.topics && r.pipeline.startsWith("naive"),
  )!;
  console.log(
    `${row.backend.padEnd(9)} ${String(row.topics).padStart(7)} ${row.pipeline.padEnd(34)} ${String(row.posts).padStart(7)} ${row.postsPerSecond.toFixed(0).padStart(8)} ${(row.postsPerSecond / naive.postsPerSecond).toFixed(1).padStart(7)}× ${String(row.p50 ?? "—").padStart(7)} ${String(row.p99 ?? "—").padStart(7)} ${(row.topicSetupSeconds?.toFixed(1) ?? "—").padStart(14)} ${row.exact === null ? "—" : row.exact ? "yes" : "NO"}`,
  );
}
if (rows.some((r) => r.exact === false)) process.exitCode = 1;
