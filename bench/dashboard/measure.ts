/**
 * Measures the dashboard API through the real HTTP app: `startRuntime` (web, no workers) on a
 * real socket, requests from undici over one keep-alive connection, authenticated with an API
 * token, one request at a time. The naive peer runs the same figures as plain GROUP BY over
 * mentions ⋈ mention_topics on the same database, in the same process.
 */
import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import pino from "pino";
import { Pool } from "undici";
import { loadConfig } from "../../server/config/env";
import type { DatabaseTarget } from "../../server/db/database";
import { sha256 } from "../../server/lib/crypto";
import { API_TOKEN_PREFIX } from "../../server/modules/accounts/authenticate";
import { resolveRange } from "../../server/modules/mentions/analytics/filters";
import { startRuntime } from "../../server/runtime";
import type { BenchConfig } from "./load";
import { jitter, queryString, type Scenario } from "./scenarios";

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1)! };
}

export interface Measured {
  scenario: Scenario;
  http: Stats;
  /** What the response held: a total, or rows on the page. */
  result: string;
  naive?: Stats;
  /** The naive total equals the API's for the same window. */
  exact?: boolean;
}

const DAY = 86_400_000;

/** Sum of the figure the naive peer recomputes: the chart's total volume. */
function apiTotal(body: Record<string, unknown>): number {
  if ("overall" in body) return (body.overall as { total: number }).total;
  return body.total as number;
}

export async function measure(opts: {
  target: DatabaseTarget;
  config: BenchConfig;
  scenarios: Scenario[];
  requests: number;
  naiveRequests: number;
  log: (line: string) => void;
}): Promise<Measured[]> {
  const { config, log } = opts;
  const runtime = await startRuntime({
    config: loadConfig({
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: "0",
      HOST: "127.0.0.1",
      CHORUS_ENRICH_THREADS: "0",
    }),
    database: opts.target,
    logger: pino({ level: "warn" }),
    web: true,
    workers: false,
  });
  const db = runtime.ctx.db as Kysely<never>;
  const secret = `${API_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  await sql`insert into api_tokens (organisation_id, user_id, name, token_hash, prefix)
    values (${config.params.main.org}, ${config.userId}, 'bench-dashboard', ${sha256(secret)},
      ${secret.slice(0, API_TOKEN_PREFIX.length + 4)})`.execute(db);
  const pool = new Pool(runtime.url!, { connections: 1, pipelining: 1 });
  const headers = { authorization: `Bearer ${secret}` };
  const get = async (path: string) => {
    const started = performance.now();
    const res = await pool.request({ method: "GET", path, headers });
    const text = await res.body.text();
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${text.slice(0, 300)}`);
    return { ms, body: JSON.parse(text) as Record<string, unknown> };
  };
  const end = new Date(config.end).getTime();
  const out: Measured[] = [];
  try {
    for (const [index, s] of opts.scenarios.entries()) {
      const next = jitter(1000 + index);
      const windowEnd = () => new Date(end - Math.floor(next() * 2 * DAY));
      for (let i = 0; i < Math.min(20, Math.max(3, opts.requests / 10)); i++)
        await get(queryString(s, windowEnd()));
      const times: number[] = [];
      let last: Record<string, unknown> = {};
      for (let i = 0; i < opts.requests; i++) {
        const r = await get(queryString(s, windowEnd()));
        times.push(r.ms);
        last = r.body;
      }
      const result =
        "data" in last
          ? `${(last.data as unknown[]).length} rows`
          : "sample" in last
            ? `sample ${last.sample}`
            : `total ${apiTotal(last).toLocaleString()}`;
      const m: Measured = { scenario: s, http: stats(times), result };
      if (s.naive && opts.naiveRequests > 0) Object.assign(m, await naivePeer(db, config, s, opts, get));
      out.push(m);
      log(
        `  ${s.name}: p50 ${m.http.p50.toFixed(1)} ms, p95 ${m.http.p95.toFixed(1)} ms` +
          (m.naive
            ? `; naive p50 ${m.naive.p50.toFixed(0)} ms (${m.exact ? "same total" : "TOTAL DIFFERS"})`
            : ""),
      );
    }
  } finally {
    await pool.close();
    await runtime.close();
  }
  return out;
}

async function naivePeer(
  db: Kysely<never>,
  config: BenchConfig,
  s: Scenario,
  opts: { naiveRequests: number },
  get: (path: string) => Promise<{ body: Record<string, unknown> }>,
) {
  const org = config.params.main.org;
  const next = jitter(5000);
  const times: number[] = [];
  let exact = true;
  for (let i = 0; i < opts.naiveRequests; i++) {
    const to = new Date(new Date(config.end).getTime() - Math.floor(next() * 2 * DAY));
    const range = await resolveRange(
      db as never,
      org,
      { period: s.filters.period, to: to.toISOString() },
      s.filters.interval,
    );
    const f = s.filters;
    const where = sql.join(
      [
        sql`m.organisation_id = ${org}`,
        sql`m.created_at >= ${range.from}`,
        sql`m.created_at < ${range.to}`,
        ...(f.topicIds?.length ? [sql`mt.topic_id in (${sql.join(f.topicIds)})`] : []),
        ...(f.sentiments?.length
          ? [sql`coalesce(m.sentiment_label, 'neutral') in (${sql.join(f.sentiments)})`]
          : []),
        ...(f.languages?.length ? [sql`coalesce(m.language, '') in (${sql.join(f.languages)})`] : []),
      ],
      sql` and `,
    );
    const started = performance.now();
    const rows =
      s.naive === "volume"
        ? await sql<{
            volume: number;
          }>`select mt.topic_id, date_trunc(${range.interval}, m.created_at, 'UTC') as bucket,
              coalesce(m.sentiment_label, 'neutral') as label, count(*)::int as volume
            from mentions m join mention_topics mt on mt.mention_id = m.id
            where ${where} group by 1, 2, 3`.execute(db)
        : await sql<{ volume: number; g: number }>`select grouping(mt.topic_id) as g, mt.topic_id, m.channel,
              coalesce(m.language, '') as language, coalesce(m.country, '') as country, coalesce(m.intent, '') as intent,
              coalesce(m.sentiment_label, 'neutral') as label, count(*)::int as volume,
              count(*) filter (where m.sentiment_label = 'negative')::int as negative, sum(m.sentiment)::float8 as sentiment
            from mentions m join mention_topics mt on mt.mention_id = m.id
            where ${where}
            group by grouping sets ((mt.topic_id), (m.channel), (coalesce(m.language, '')), (coalesce(m.country, '')),
              (coalesce(m.intent, '')), (coalesce(m.sentiment_label, 'neutral')))`.execute(db);
    times.push(performance.now() - started);
    const total = rows.rows
      .filter((r) => !("g" in r) || Number(r.g) === 0)
      .reduce((a, r) => a + Number(r.volume), 0);
    if (i === 0) exact = total === apiTotal((await get(queryString(s, to))).body);
  }
  return { naive: stats(times), exact };
}
