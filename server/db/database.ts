import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Config } from "../config/env";
import { PGliteDialect } from "./pglite-dialect";
import type { DB } from "./schema";

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  backend: "pglite" | "postgres";
  /** Human description for logs: the folder or the server, never the password. */
  location: string;
  close(): Promise<void>;
}

// Both backends return the same JS types: int8 and numeric as numbers (counts, ids and sums stay
// well below 2^53), timestamptz as Date, json/jsonb as objects.
const toNumber = (value: string) => Number(value);
pg.types.setTypeParser(pg.types.builtins.INT8, toNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, toNumber);

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string };

export function targetFromConfig(config: Config): DatabaseTarget {
  if (config.DATABASE_URL)
    return { kind: "postgres", url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE };
  return { kind: "pglite", dataDir: resolve(config.CHORUS_DATA_DIR, "pglite") };
}

/** Opens the database. `pglite` without a dataDir is in-memory (tests). */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover, admin) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on("error", (error) =>
      console.error(`PostgreSQL connection lost (the pool reconnects): ${error.message}`),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    const url = new URL(target.url);
    return {
      db,
      backend: "postgres",
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  const pglite = await PGlite.create({
    dataDir: target.dataDir,
    parsers: { [types.INT8]: toNumber, [types.NUMERIC]: toNumber },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    backend: "pglite",
    location: target.dataDir ?? "memory",
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt
 * it. A lock file with the owner's pid refuses that, and a stale lock (its process gone) is
 * taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = join(dataDir, "chorus.lock");
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number(readFileSync(lock, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `Another Chorus process (pid ${owner}) is using the embedded database in ${dataDir}. Stop it first, or point both at PostgreSQL with DATABASE_URL.`,
      );
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => {
    try {
      if (Number(readFileSync(lock, "utf8")) === process.pid) unlinkSync(lock);
    } catch {}
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
