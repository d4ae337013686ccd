import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../server/db/database";
import { migrateToLatest } from "../../server/db/migrate";
import { eventsNames, NatsBus } from "../../server/events/nats-bus";
import type { NormalisedPost } from "../../server/modules/ingestion/connectors/types";
import {
  ensureIngestStream,
  ingestNames,
  JetStreamIngestSink,
} from "../../server/modules/ingestion/pipeline/jetstream";
import { compareRollupsWithRecount } from "../../server/modules/mentions/recount";
import { backend, createTestDatabase } from "../helpers/database";

const NATS_URL = process.env.NATS_URL;
const runs = backend === "postgres" && Boolean(NATS_URL);
if (!runs) {
  console.warn(
    "ingest crash/scale-out test skipped: it needs PostgreSQL (CHORUS_TEST_BACKEND=postgres) and NATS_URL, as in CI",
  );
}

const TEXTS = [
  "Halcyon Trailblazer tent kept us dry through a storm",
  "The Halcyon Ember stove burned my hand, support never answered",
  "Is the Halcyon Aurora jacket warm enough for -10°C?",
  "Ridgeline or Halcyon for a first backpacking trip?",
  "Halcyon should make the Summit pack in a women's fit",
];

function posts(count: number): NormalisedPost[] {
  return Array.from({ length: count }, (_, i) => ({
    channel: "demo" as const,
    externalId: `crash-${i}`,
    text: `${TEXTS[i % TEXTS.length]} #${i % 50}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    author: { handle: `hiker${i % 400}`, followers: (i * 37) % 50_000 },
    raw: { i },
  }));
}

interface Worker {
  process: ChildProcess;
  batches: number;
}

describe.skipIf(!runs)("ingest on NATS JetStream: kill -9 and scale-out", () => {
  const prefix = `crash${randomBytes(3).toString("hex")}`;
  const logger = pino({ level: "silent" });
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let handle: DatabaseHandle;
  let bus: NatsBus;
  let organisationId: string;
  const workers: Worker[] = [];

  const startWorker = (): Worker => {
    const url = database.target.kind === "postgres" ? database.target.url : "";
    const child = spawn("node", ["bin/chorus.mjs", "worker"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        NATS_URL,
        NATS_PREFIX: prefix,
        LOG_LEVEL: "debug",
        CHORUS_ENRICH_THREADS: "0",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const worker: Worker = { process: child, batches: 0 };
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.includes("ingest batch committed")) worker.batches++;
    });
    workers.push(worker);
    return worker;
  };

  const count = async () =>
    Number(
      (
        await handle.db
          .selectFrom("mentions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const waitFor = async (check: () => Promise<boolean>, ms: number, what: string) => {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    handle = await openDatabase(database.target);
    await migrateToLatest(handle.db);
    organisationId = (
      await handle.db
        .insertInto("organisations")
        .values({ name: "Crash", slug: "crash" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await handle.db
      .insertInto("topics")
      .values({ organisation_id: organisationId, name: "Halcyon", query: "halcyon NOT ridgeline" })
      .execute();
    bus = await NatsBus.connect(NATS_URL!, logger, eventsNames(prefix));
    await ensureIngestStream(bus.clients, ingestNames(prefix));
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.process.exitCode === null) worker.process.kill("SIGKILL");
    if (bus) {
      for (const name of [ingestNames(prefix).streamName, eventsNames(prefix).streamName])
        await bus.clients.jsm.streams.delete(name).catch(() => {});
      await bus.close();
    }
    await handle?.close();
    await database?.drop();
  });

  it("loses nothing, duplicates nothing and keeps rollups exact when a worker is killed mid-stream", async () => {
    const total = 30_000;
    const a = startWorker();
    startWorker();
    const sink = new JetStreamIngestSink(bus.clients, ingestNames(prefix));
    const all = posts(total);
    for (let i = 0; i < total; i += 1_000) await sink.ingest(organisationId, null, all.slice(i, i + 1_000));

    await waitFor(async () => (await count()) >= 3_000, 60_000, "the workers to start storing");
    a.process.kill("SIGKILL");
    await new Promise((r) => a.process.once("exit", r));
    const atKill = await count();
    expect(atKill).toBeLessThan(total);
    startWorker();

    await waitFor(async () => (await count()) >= total, 120_000, `all ${total} mentions`);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await count()).toBe(total);
    const distinct = await handle.db
      .selectFrom("mentions")
      .select((eb) => eb.fn.count<number>("external_id").distinct().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(distinct.n)).toBe(total);
    expect(await compareRollupsWithRecount(handle.db, organisationId)).toEqual([]);
    const matched = await handle.db
      .selectFrom("mention_topics")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(matched.n)).toBe(all.filter((p) => !p.text.includes("Ridgeline")).length);

    // Scale-out: both original workers took part (the killed one before it died).
    expect(workers[0]!.batches).toBeGreaterThan(0);
    expect(workers[1]!.batches).toBeGreaterThan(0);
  });
});
