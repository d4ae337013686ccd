/**
 * Authenticated GET throughput: `npm run bench`.
 * Chorus runs in a child process (as in production); autocannon drives it from this process.
 * Side by side in one run: a bare Fastify server (the ceiling), Chorus /healthz (framework +
 * plugins, no database), and GET /api/organisation authenticated by session cookie and by
 * API token (session or token lookup, membership, organisation read). PGlite always;
 * PostgreSQL too when DATABASE_URL is set.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const PASSWORD = "bench-password-1";

interface Row {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function waitFor(url: string, ms = 60_000) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function run(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function load(target: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  // Warm up first: JIT, connection pools and PGlite's caches, so the figure is steady state.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  const errors = result.errors + result.non2xx;
  return { target, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

async function benchChorus(label: string, env: Record<string, string>, port: number): Promise<Row[]> {
  const child = run("node", ["bin/chorus.mjs", "start", "--demo"], {
    ...env,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    CHORUS_DEMO_PASSWORD: PASSWORD,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/readyz`);
    await new Promise((r) => setTimeout(r, 1500)); // let --demo finish seeding
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@halcyon.example", password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const token = await fetch(`${base}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
      body: JSON.stringify({ name: "bench" }),
    });
    const { secret } = (await token.json()) as { secret: string };
    return [
      await load(`${label}: GET /healthz (no auth, no DB)`, `${base}/healthz`),
      await load(`${label}: GET /api/organisation (session cookie)`, `${base}/api/organisation`, { cookie }),
      await load(`${label}: GET /api/organisation (API token)`, `${base}/api/organisation`, {
        authorization: `Bearer ${secret}`,
      }),
    ];
  } finally {
    await stop(child);
  }
}

async function freshPostgres(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("drop database if exists chorus_bench with (force)");
  await admin.query("create database chorus_bench");
  await admin.end();
  const target = new URL(url);
  target.pathname = "/chorus_bench";
  return target.toString();
}

const rows: Row[] = [];
const peer = run("node", ["--import", "tsx", "bench/peer-fastify.ts"], { PORT: "3998" });
try {
  await waitFor("http://127.0.0.1:3998/hello");
  rows.push(await load("peer: bare Fastify GET /hello (ceiling)", "http://127.0.0.1:3998/hello"));
} finally {
  await stop(peer);
}

const dataDir = mkdtempSync(join(tmpdir(), "chorus-bench-"));
try {
  rows.push(...(await benchChorus("PGlite", { CHORUS_DATA_DIR: dataDir }, 3997)));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
  rows.push(
    ...(await benchChorus(
      "PostgreSQL",
      { DATABASE_URL: await freshPostgres(process.env.DATABASE_URL) },
      3996,
    )),
  );
} else {
  console.log("DATABASE_URL not set: PostgreSQL figures skipped");
}

const ceiling = rows[0]!.rps;
console.log(
  `\nHTTP throughput, ${CONNECTIONS} connections, ${DURATION}s each, server in a child process on this machine\n`,
);
console.log(
  `${"target".padEnd(58)} ${"req/s".padStart(9)} ${"vs peer".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)}`,
);
for (const row of rows) {
  console.log(
    `${row.target.padEnd(58)} ${row.rps.toFixed(0).padStart(9)} ${(row.rps / ceiling).toFixed(2).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${String(row.errors).padStart(7)}`,
  );
}
