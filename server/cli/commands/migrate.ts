import type { Command } from "commander";
import { loadConfig } from "../../config/env";
import { openDatabase, targetFromConfig } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";

export function registerMigrate(program: Command) {
  program
    .command("migrate")
    .description("Apply pending SQL migrations to the database (also done at every start)")
    .action(async () => {
      const config = loadConfig();
      const handle = await openDatabase(targetFromConfig(config));
      try {
        const applied = await migrateToLatest(handle.db);
        console.log(
          applied.length ? `Applied ${applied.length}: ${applied.join(", ")}` : "Database is up to date",
        );
        console.log(`Database: ${handle.backend} ${handle.location}`);
      } finally {
        await handle.close();
      }
    });
}
