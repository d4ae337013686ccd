/**
 * Loads the dashboard bench data set: real migrations, two organisations, topics, authors, and
 * mentions generated in SQL chunk by chunk with their matches and every rollup ingestion keeps
 * (topic_facets_hourly/daily, topic_hourly), written in the same transaction as the chunk.
 * Resumable: `bench_meta` records the config and the last committed row; a complete load is
 * skipped, so a second run goes straight to measuring.
 */
import { mkdirSync, rmSync } from "node:fs";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../../server/db/database";
import { migrateToLatest } from "../../server/db/migrate";
import { dropForLoad, restoreAfterLoad, type SchemaObject, schemaDiff, snapshotSchema } from "./schema";
import {
  authorsSql,
  DAYS,
  fragmentsSql,
  MAIN_TOPICS,
  OTHER_TOPICS,
  type ShapeParams,
  stageSql,
} from "./shape";
import { verifyRollups } from "./verify";

/** Bump when the generated shape changes: an older data set is then rebuilt. */
const SHAPE_VERSION = 1;

export interface BenchConfig {
  version: number;
  mentions: number;
  params: ShapeParams;
  end: string;
  userId: string;
  topics: { id: string; name: string; kind: string }[];
  snapshot: SchemaObject[];
}

export interface Loaded {
  handle: DatabaseHandle;
  target: DatabaseTarget;
  config: BenchConfig;
  /** Seconds the load took (summed over resumed runs), by phase. */
  seconds: { rows: number; indexes: number; analyze: number };
  skipped: boolean;
}

type Db = Kysely<any>;
const run = (db: Db, text: string) => sql.raw(text).execute(db);
const label = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}m` : `${Math.round(n / 1000)}k`);

async function meta<T>(db: Db, key: string): Promise<T | undefined> {
  const r = await sql<{ value: T }>`select value from bench_meta where key = ${key}`.execute(db);
  return r.rows[0]?.value;
}
async function setMeta(db: Db, key: string, value: unknown) {
  await sql`insert into bench_meta (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value`.execute(db);
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The bench's own database (never the one DATABASE_URL names) or PGlite folder, per size. */
async function prepareTarget(backend: "postgres" | "pglite", mentions: number, reset: boolean) {
  const name = `chorus_bench_dashboard_${label(mentions)}`;
  if (backend === "pglite") {
    const dataDir = `./data/bench-dashboard/pglite-${label(mentions)}`;
    if (reset) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    return { kind: "pglite", dataDir } as const;
  }
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  if (reset) await admin(base, `drop database if exists ${name} with (force)`);
  const exists = await admin(base, `select 1 from pg_database where datname = '${name}'`);
  if (exists.rowCount === 0) await admin(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString(), poolSize: 4 } as const;
}

async function open(backend: "postgres" | "pglite", mentions: number, reset: boolean) {
  const target = await prepareTarget(backend, mentions, reset);
  const handle = await openDatabase(target);
  const applied = await migrateToLatest(handle.db);
  await run(handle.db, "create table if not exists bench_meta (key text primary key, value jsonb not null)");
  return { target, handle, applied };
}

/** Organisations, a member with a token-capable user, topics and authors; indexes dropped. */
async function setup(db: Db, mentions: number, log: (s: string) => void): Promise<BenchConfig> {
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const start = new Date(end.getTime() - DAYS * 86_400_000);
  const snapshot = await snapshotSchema(db);
  return db.transaction().execute(async (trx) => {
    const org = async (name: string, slug: string) =>
      (
        await sql<{
          id: string;
        }>`insert into organisations (name, slug) values (${name}, ${slug}) returning id`.execute(trx)
      ).rows[0]!.id;
    const main = await org("Lumora (bench)", "bench-lumora");
    const other = await org("Fernhill (bench)", "bench-fernhill");
    const userId = (
      await sql<{
        id: string;
      }>`insert into users (email, name) values ('bench@chorus.example', 'Bench Analyst') returning id`.execute(
        trx,
      )
    ).rows[0]!.id;
    await sql`insert into memberships (organisation_id, user_id, role) values (${main}, ${userId}, 'analyst')`.execute(
      trx,
    );
    const topics = async (orgId: string, list: typeof MAIN_TOPICS) => {
      const ids: string[] = [];
      for (const t of list) {
        const r = await sql<{
          id: string;
        }>`insert into topics (organisation_id, name, kind, query, created_by)
          values (${orgId}, ${t.name}, ${t.kind}, ${t.name.toLowerCase()}, ${userId}) returning id`.execute(
          trx,
        );
        ids.push(r.rows[0]!.id);
      }
      return ids;
    };
    const mainTopics = await topics(main, MAIN_TOPICS);
    const otherTopics = await topics(other, OTHER_TOPICS);
    const authors = Math.min(200_000, Math.max(1_000, Math.round(mentions / 5)));
    const otherAuthors = Math.max(100, Math.round(authors / 10));
    await run(trx, authorsSql(main, 0, authors));
    await run(trx, authorsSql(other, authors, otherAuthors));
    await run(trx, "select setval(pg_get_serial_sequence('authors', 'id'), (select max(id) from authors))");
    const dropped = await dropForLoad(trx, snapshot);
    log(`  dropped for the load: ${dropped.join(", ")}`);
    const config: BenchConfig = {
      version: SHAPE_VERSION,
      mentions,
      params: {
        series: Math.round((mentions * 21) / 20),
        start,
        main: { org: main, topics: mainTopics, authorBase: 0, authors },
        other: { org: other, topics: otherTopics, authorBase: authors, authors: otherAuthors },
      },
      end: end.toISOString(),
      userId,
      topics: MAIN_TOPICS.map((t, i) => ({ id: mainTopics[i]!, name: t.name, kind: t.kind })),
      snapshot,
    };
    await setMeta(trx, "config", config);
    await setMeta(trx, "loaded_upto", 0);
    await setMeta(trx, "seconds", { rows: 0, indexes: 0, analyze: 0 });
    return config;
  });
}

const FACETS = (table: string, unit: string) => `insert into ${table} as f
    (organisation_id, topic_id, bucket, channel, language, sentiment_label, intent, volume, sentiment_sum)
  select s.organisation_id, t.topic_id, date_trunc('${unit}', s.created_at, 'UTC'), s.channel,
    coalesce(s.language, ''), coalesce(s.sentiment_label, 'neutral'),
    coalesce(s.intent, ''), count(*)::int, coalesce(sum(s.sentiment), 0)::real
  from stage s cross join lateral (values (s.topic1), (s.topic2)) t(topic_id)
  where t.topic_id is not null
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict (topic_id, bucket, channel, language, sentiment_label, intent) do update set
    volume = f.volume + excluded.volume, sentiment_sum = f.sentiment_sum + excluded.sentiment_sum`;

/** The one-dimension rollups, exactly as facets.ts writes them at ingestion. */
const DIMS = (table: string, unit: string) => `insert into ${table} as d
    (organisation_id, topic_id, bucket, dim, value, sentiment_label, volume, sentiment_sum)
  select s.organisation_id, t.topic_id, date_trunc('${unit}', s.created_at, 'UTC'), v.dim, v.value,
    coalesce(s.sentiment_label, 'neutral'), count(*)::int, coalesce(sum(s.sentiment), 0)::real
  from stage s cross join lateral (values (s.topic1), (s.topic2)) t(topic_id)
  cross join lateral (values ('channel', s.channel), ('language', coalesce(s.language, '')),
    ('country', coalesce(s.country, '')), ('intent', coalesce(s.intent, ''))) v(dim, value)
  where t.topic_id is not null
  group by 1, 2, 3, 4, 5, 6
  on conflict (topic_id, bucket, dim, value, sentiment_label) do update set
    volume = d.volume + excluded.volume, sentiment_sum = d.sentiment_sum + excluded.sentiment_sum`;

const CHUNK_STATEMENTS = [
  `insert into mentions (id, organisation_id, channel, external_id, author_id, author_handle, author_followers, text, title, url,
      language, country, sentiment, sentiment_label, intent, hashtags, entities, likes, shares, replies, views,
      content_key, created_at, ingested_at)
    overriding system value
    select id, organisation_id, channel, external_id, author_id, author_handle, author_followers, text, title, url, language, country,
      sentiment, sentiment_label, intent, hashtags, entities, likes, shares, replies, views, content_key, created_at,
      created_at + interval '20 seconds'
    from stage`,
  `insert into mention_topics (topic_id, mention_id, organisation_id, created_at, spans)
    select topic1, id, organisation_id, created_at, spans1 from stage
    union all select topic2, id, organisation_id, created_at, spans2 from stage where topic2 is not null`,
  FACETS("topic_facets_hourly", "hour"),
  FACETS("topic_facets_daily", "day"),
  DIMS("topic_dims_hourly", "hour"),
  DIMS("topic_dims_daily", "day"),
  `insert into topic_hourly as h (topic_id, organisation_id, hour, volume, duplicates, sentiment_sum, positive, negative, neutral)
    select t.topic_id, s.organisation_id, date_trunc('hour', s.created_at, 'UTC'), count(*)::int, 0,
      coalesce(sum(s.sentiment), 0)::real, count(*) filter (where s.sentiment_label = 'positive')::int,
      count(*) filter (where s.sentiment_label = 'negative')::int, count(*) filter (where s.sentiment_label = 'neutral')::int
    from stage s cross join lateral (values (s.topic1), (s.topic2)) t(topic_id)
    where t.topic_id is not null
    group by 1, 2, 3
    on conflict (topic_id, hour) do update set volume = h.volume + excluded.volume,
      sentiment_sum = h.sentiment_sum + excluded.sentiment_sum, positive = h.positive + excluded.positive,
      negative = h.negative + excluded.negative, neutral = h.neutral + excluded.neutral`,
];

export async function loadDataset(opts: {
  backend: "postgres" | "pglite";
  mentions: number;
  chunk: number;
  log: (line: string) => void;
}): Promise<Loaded> {
  const { backend, mentions, chunk, log } = opts;
  let { target, handle, applied } = await open(backend, mentions, false);
  const existing = await meta<BenchConfig>(handle.db, "config");
  if (existing && (existing.version !== SHAPE_VERSION || existing.mentions !== mentions)) {
    log(`  ${backend}: data set is from another shape or size; rebuilding`);
    await handle.close();
    ({ target, handle, applied } = await open(backend, mentions, true));
  }
  const db = handle.db as Db;
  const done = await meta<Loaded["seconds"]>(db, "done");
  if (done) {
    if (applied.length) {
      // A migration newer than the data set (an index, statistics): refresh the planner's view.
      log(`  ${backend}: applied ${applied.join(", ")} to the loaded data set; analyzing`);
      await run(db, "analyze");
    }
    const config = (await meta<BenchConfig>(db, "config"))!;
    return { handle, target, config, seconds: done, skipped: true };
  }
  const config = existing?.version === SHAPE_VERSION ? existing : await setup(db, mentions, log);
  config.params.start = new Date(config.params.start);
  const seconds = (await meta<Loaded["seconds"]>(db, "seconds"))!;
  let upto = (await meta<number>(db, "loaded_upto")) ?? 0;
  const total = config.params.series;
  if (upto > 0) log(`  ${backend}: resuming after row ${upto.toLocaleString()} of ${total.toLocaleString()}`);

  await db.connection().execute(async (conn) => {
    if (backend === "postgres") {
      // Load session only: a crash loses at most the last chunks, which the resume redoes.
      await run(conn, "set synchronous_commit = off");
      await run(conn, "set work_mem = '256MB'");
      await run(conn, "set maintenance_work_mem = '1GB'");
    } else {
      await run(conn, "set work_mem = '64MB'");
      await run(conn, "set maintenance_work_mem = '256MB'");
    }
    await run(conn, "drop table if exists frag");
    await run(conn, fragmentsSql());
    await run(conn, "create index on frag (i)");
    const began = performance.now();
    const firstRow = upto;
    while (upto < total) {
      const lo = upto + 1;
      const hi = Math.min(total, upto + chunk);
      const t0 = performance.now();
      await run(conn, "begin");
      const steps: number[] = [];
      for (const statement of [stageSql(config.params, lo, hi), ...CHUNK_STATEMENTS]) {
        const s0 = performance.now();
        await run(conn, statement);
        steps.push((performance.now() - s0) / 1000);
      }
      if (lo === firstRow + 1)
        log(
          `  ${backend}: first chunk by step (s): ${["stage", "mentions", "matches", "facets hourly", "facets daily", "dims hourly", "dims daily", "topic_hourly"].map((n, i) => `${n} ${steps[i]!.toFixed(1)}`).join(", ")}`,
        );
      const took = (performance.now() - t0) / 1000;
      seconds.rows += took;
      await setMeta(conn, "loaded_upto", hi);
      await setMeta(conn, "seconds", seconds);
      await run(conn, "commit");
      upto = hi;
      const rate = (upto - firstRow) / ((performance.now() - began) / 1000);
      const eta = (total - upto) / rate;
      log(
        `  ${backend}: ${upto.toLocaleString()} / ${total.toLocaleString()} mentions (${((upto / total) * 100).toFixed(1)}%), ` +
          `${Math.round(rate).toLocaleString()} rows/s, chunk ${took.toFixed(1)} s, eta ${Math.round(eta)} s`,
      );
    }

    log(`  ${backend}: rebuilding indexes and constraints`);
    let t0 = performance.now();
    await restoreAfterLoad(conn, config.snapshot, log);
    await run(
      conn,
      "select setval(pg_get_serial_sequence('mentions', 'id'), (select max(id) from mentions))",
    );
    seconds.indexes += (performance.now() - t0) / 1000;
    await setMeta(conn, "seconds", seconds);
    t0 = performance.now();
    await run(conn, "analyze");
    seconds.analyze += (performance.now() - t0) / 1000;
    await setMeta(conn, "seconds", seconds);
    await run(conn, "drop table if exists frag");
  });

  const diff = schemaDiff(config.snapshot, await snapshotSchema(db));
  if (diff.length) throw new Error(`schema differs from the migrated one:\n${diff.join("\n")}`);
  log(`  ${backend}: schema equals the migrated one (${config.snapshot.length} indexes and constraints)`);
  await verifyRollups(db, config, log);
  await setMeta(db, "done", seconds);
  return { handle, target, config, seconds, skipped: false };
}
