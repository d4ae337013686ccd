import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CompiledQuery, type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";

const serverRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Each module keeps its SQL in `server/<…>/migrations/NNNN_name.sql`; they apply in the
 * global order of their file names, so a module's numbers say where it sits among the others.
 */
export function findMigrationFiles(root = serverRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === "node_modules") continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (basename(dir) === "migrations" && entry.endsWith(".sql")) found.push(path);
    }
  };
  walk(root);
  const byName = new Map<string, string>();
  for (const file of found) {
    const name = basename(file, ".sql");
    const clash = byName.get(name);
    if (clash) throw new Error(`Two migrations share the name ${name}: ${clash} and ${file}`);
    byName.set(name, file);
  }
  return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, file]) => file);
}

class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of findMigrationFiles()) {
      const text = readFileSync(file, "utf8");
      migrations[basename(file, ".sql")] = {
        up: async (db: Kysely<unknown>) => {
          await db.executeQuery(CompiledQuery.raw(text));
        },
      };
    }
    return migrations;
  }
}

/** Applies pending migrations (forward only: we never `db push`). Returns the names applied. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${message}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
