import { loadConfig } from "../config/env";
import type { AppContext } from "../context";
import { openDatabase, targetFromConfig } from "../db/database";
import { migrateToLatest } from "../db/migrate";

/** For one-shot commands: open and migrate the configured database, run, close. */
export async function withDatabase<T>(
  run: (ctx: Pick<AppContext, "db" | "config">) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(targetFromConfig(config));
  try {
    await migrateToLatest(handle.db);
    return await run({ db: handle.db, config });
  } finally {
    await handle.close();
  }
}
