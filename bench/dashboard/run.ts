/**
 * Dashboard API latency over a large data set: `npm run bench:dashboard`.
 * Loads (once; later runs reuse it) 10M mentions into PostgreSQL and 1M into PGlite with every
 * rollup ingestion keeps, then measures the dashboard endpoints and the mention stream through
 * the real HTTP app and prints p50/p95/p99/max per scenario and backend against the 100 ms goal.
 * Peer in the same run: the same volume and breakdown figures by plain GROUP BY over the
 * mentions (no rollups), with the ratio.
 *
 *   --pg-mentions N      PostgreSQL data set size (default 10,000,000; 0 skips PostgreSQL)
 *   --pglite-mentions N  PGlite data set size (default 1,000,000; 0 skips PGlite)
 *   --requests N         measured requests per scenario (default 200)
 *   --naive-requests N   naive peer repetitions per scenario (default 5)
 *   --quick              200k / 100k mentions, 50 requests, 3 naive
 *   --chunk N            rows per load transaction (default 250,000)
 *   --scenarios a,b      only the scenarios whose name contains one of these words
 * Env: DATABASE_URL (server only: the bench creates its own database chorus_bench_dashboard_<size>),
 * BENCH_QUICK=1 for --quick.
 */
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { type Loaded, loadDataset } from "./load";
import { type Measured, measure } from "./measure";
import { scenarios } from "./scenarios";
import { mib, type TableSize, tableSizes } from "./schema";

const { values } = parseArgs({
  options: {
    "pg-mentions": { type: "string" },
    "pglite-mentions": { type: "string" },
    requests: { type: "string" },
    "naive-requests": { type: "string" },
    chunk: { type: "string" },
    scenarios: { type: "string" },
    quick: { type: "boolean", default: process.env.BENCH_QUICK === "1" },
  },
});
const num = (v: string | undefined, fallback: number) =>
  v === undefined ? fallback : Number(v.replace(/_/g, ""));
const quick = values.quick!;
const pgMentions = num(values["pg-mentions"], quick ? 200_000 : 10_000_000);
const pgliteMentions = num(values["pglite-mentions"], quick ? 100_000 : 1_000_000);
const requests = num(values.requests, quick ? 50 : 200);
const naiveRequests = num(values["naive-requests"], quick ? 3 : 5);
const chunk = num(values.chunk, 250_000);
const only = (values.scenarios ?? "").split(",").filter(Boolean);
const GOAL_MS = 100;

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface BackendResult {
  backend: string;
  mentions: number;
  loaded: Loaded;
  sizes: TableSize[];
  measured: Measured[];
}

const results: BackendResult[] = [];
for (const [backend, mentions] of [
  ["postgres", pgMentions],
  ["pglite", pgliteMentions],
] as const) {
  if (!mentions) continue;
  log(`${backend}: ${mentions.toLocaleString()} mentions`);
  const loaded = await loadDataset({ backend, mentions, chunk, log });
  const s = loaded.seconds;
  log(
    `${backend}: ${loaded.skipped ? "data set already loaded" : "loaded"} (rows ${s.rows.toFixed(0)} s, ` +
      `indexes ${s.indexes.toFixed(0)} s, analyze ${s.analyze.toFixed(0)} s)`,
  );
  const sizes = await tableSizes(loaded.handle.db);
  await loaded.handle.close();
  log(`${backend}: measuring ${requests} requests per scenario over HTTP`);
  const measured = await measure({
    target: loaded.target,
    config: loaded.config,
    scenarios: scenarios(loaded.config).filter(
      (s) => !only.length || only.some((word) => s.name.includes(word)),
    ),
    requests,
    naiveRequests,
    log,
  });
  results.push({ backend, mentions, loaded, sizes, measured });
}

const pad = (s: string, n: number) => s.padEnd(n);
const ms = (v: number) => v.toFixed(1).padStart(7);
const cpu = cpus();
console.log(
  `\nDashboard API over HTTP (undici, one keep-alive connection, sequential, API token). ` +
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
);
console.log(
  "| backend | mentions | scenario | n | p50 ms | p95 ms | p99 ms | max ms | result | p95 < 100 ms |",
);
console.log("|---|---:|---|---:|---:|---:|---:|---:|---|---|");
for (const r of results)
  for (const m of r.measured)
    console.log(
      `| ${r.backend} | ${r.mentions.toLocaleString()} | ${pad(m.scenario.name, 26)} | ${m.http.n} | ${ms(m.http.p50)} | ` +
        `${ms(m.http.p95)} | ${ms(m.http.p99)} | ${ms(m.http.max)} | ${m.result} | ${m.http.p95 < GOAL_MS ? "PASS" : "MISS"} |`,
    );

console.log("\nPeer: the same figures by GROUP BY over mentions ⋈ mention_topics (no rollups), SQL only");
console.log(
  "| backend | scenario | naive n | naive p50 ms | naive p95 ms | API p50 ms | naive/API (p50) | same total |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---|");
for (const r of results)
  for (const m of r.measured.filter((x) => x.naive))
    console.log(
      `| ${r.backend} | ${pad(m.scenario.name, 26)} | ${m.naive!.n} | ${m.naive!.p50.toFixed(0)} | ${m.naive!.p95.toFixed(0)} | ` +
        `${m.http.p50.toFixed(1)} | ${(m.naive!.p50 / m.http.p50).toFixed(0)}× | ${m.exact ? "yes" : "NO"} |`,
    );

console.log("\nData set");
console.log("| backend | table | rows | table | indexes | total |");
console.log("|---|---|---:|---:|---:|---:|");
for (const r of results)
  for (const t of r.sizes)
    console.log(
      `| ${r.backend} | ${t.table} | ${t.rows.toLocaleString()} | ${mib(t.tableBytes)} | ${mib(t.indexBytes)} | ${mib(t.totalBytes)} |`,
    );
for (const r of results) {
  const s = r.loaded.seconds;
  console.log(
    `${r.backend}: load ${(s.rows + s.indexes + s.analyze).toFixed(0)} s (rows and rollups ${s.rows.toFixed(0)} s, ` +
      `indexes and constraints ${s.indexes.toFixed(0)} s, analyze ${s.analyze.toFixed(0)} s)${r.loaded.skipped ? ", reused from an earlier run" : ""}`,
  );
}
const misses = results.flatMap((r) =>
  r.measured.filter((m) => m.http.p95 >= GOAL_MS).map((m) => `${r.backend} ${m.scenario.name}`),
);
console.log(
  misses.length
    ? `\nMISS (p95 ≥ ${GOAL_MS} ms): ${misses.join("; ")}`
    : `\nAll scenarios PASS (p95 < ${GOAL_MS} ms)`,
);
