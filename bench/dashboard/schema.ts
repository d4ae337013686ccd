/**
 * Bulk-load plumbing: drop the secondary indexes and constraints of the big tables before the
 * load, put back exactly what the migrations created afterwards (and prove it), and report sizes.
 */
import { type Kysely, sql } from "kysely";

type Db = Kysely<any>;

/**
 * The tables the load writes millions of rows to: their secondary indexes and keys are rebuilt
 * once at the end (primary keys stay: the rollup upserts resolve conflicts on them).
 */
const BULK_TABLES = [
  "mentions",
  "mention_topics",
  "topic_facets_hourly",
  "topic_facets_daily",
  "topic_dims_hourly",
  "topic_dims_daily",
  "topic_hourly",
];

export interface SchemaObject {
  kind: "index" | "constraint";
  table: string;
  name: string;
  def: string;
  /** Constraint type (p, u, f, c) for constraints. */
  type?: string;
}

const rows = async <T>(db: Db, text: string) => (await sql.raw<T>(text).execute(db)).rows;

/** Every index and constraint of the public schema except the bench's own marker table. */
export async function snapshotSchema(db: Db): Promise<SchemaObject[]> {
  const list = await rows<SchemaObject>(
    db,
    `select 'index' as kind, tablename as table, indexname as name, indexdef as def, null as type
       from pg_indexes where schemaname = 'public' and tablename <> 'bench_meta'
     union all
     select 'constraint', c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype::text
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       where n.nspname = 'public' and c.conrelid <> 0 and c.conrelid::regclass::text <> 'bench_meta'`,
  );
  return list
    .map((o) => ({ ...o, type: o.type ?? undefined }))
    .sort((a, b) => `${a.kind}${a.table}${a.name}`.localeCompare(`${b.kind}${b.table}${b.name}`));
}

/** What the load drops: unique and foreign keys, and every index that backs no primary key. */
export function droppable(snapshot: SchemaObject[]) {
  const constraints = snapshot.filter(
    (o) => o.kind === "constraint" && BULK_TABLES.includes(o.table) && (o.type === "u" || o.type === "f"),
  );
  const backed = new Set(
    snapshot.filter((o) => o.kind === "constraint" && (o.type === "p" || o.type === "u")).map((o) => o.name),
  );
  const indexes = snapshot.filter(
    (o) => o.kind === "index" && BULK_TABLES.includes(o.table) && !backed.has(o.name),
  );
  return { constraints, indexes };
}

export async function dropForLoad(db: Db, snapshot: SchemaObject[]): Promise<string[]> {
  const { constraints, indexes } = droppable(snapshot);
  for (const c of constraints) await sql.raw(`alter table ${c.table} drop constraint ${c.name}`).execute(db);
  for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(db);
  return [...constraints, ...indexes].map((o) => o.name);
}

/**
 * Recreates what dropForLoad removed, idempotently (a crash half-way resumes here): unique keys
 * and indexes first, foreign keys last (each validated in one pass over the table).
 */
export async function restoreAfterLoad(
  db: Db,
  snapshot: SchemaObject[],
  log: (line: string) => void,
): Promise<void> {
  const { constraints, indexes } = droppable(snapshot);
  const present = new Set((await snapshotSchema(db)).map((o) => `${o.kind}:${o.name}`));
  const ordered = [
    ...constraints.filter((c) => c.type === "u"),
    ...indexes,
    ...constraints.filter((c) => c.type === "f"),
  ];
  for (const o of ordered) {
    if (present.has(`${o.kind}:${o.name}`)) continue;
    const started = performance.now();
    const statement = o.kind === "index" ? o.def : `alter table ${o.table} add constraint ${o.name} ${o.def}`;
    await sql.raw(statement).execute(db);
    log(`  ${o.kind} ${o.name} on ${o.table}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Lists every difference between two snapshots (empty: the schema is the migrated one). */
export function schemaDiff(expected: SchemaObject[], actual: SchemaObject[]): string[] {
  const key = (o: SchemaObject) => `${o.kind} ${o.table}.${o.name}: ${o.def}`;
  const a = new Set(actual.map(key));
  const e = new Set(expected.map(key));
  return [
    ...[...e].filter((k) => !a.has(k)).map((k) => `missing ${k}`),
    ...[...a].filter((k) => !e.has(k)).map((k) => `extra ${k}`),
  ];
}

export interface TableSize {
  table: string;
  rows: number;
  tableBytes: number;
  indexBytes: number;
  totalBytes: number;
}

const SIZED = [
  "mentions",
  "mention_topics",
  "authors",
  "topic_facets_hourly",
  "topic_facets_daily",
  "topic_dims_hourly",
  "topic_dims_daily",
  "topic_hourly",
];

export async function tableSizes(db: Db): Promise<TableSize[]> {
  const out: TableSize[] = [];
  for (const table of SIZED) {
    const [row] = await rows<{ rows: number; t: number; i: number; total: number }>(
      db,
      `select (select count(*) from ${table})::bigint as rows, pg_table_size('${table}') as t,
        pg_indexes_size('${table}') as i, pg_total_relation_size('${table}') as total`,
    );
    out.push({
      table,
      rows: Number(row!.rows),
      tableBytes: Number(row!.t),
      indexBytes: Number(row!.i),
      totalBytes: Number(row!.total),
    });
  }
  return out;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
