import { Command } from "commander";
import { ConfigError } from "../config/env";
import { registerDemo } from "./commands/demo";
import { registerImport } from "./commands/import";
import { registerMigrate } from "./commands/migrate";
import { registerStart, registerWorker } from "./commands/start";
import { registerUser } from "./commands/user";

const program = new Command()
  .name("chorus")
  .description(
    "Chorus, the open social commerce platform. Settings come from environment variables (see README).",
  )
  .showHelpAfterError();

registerStart(program);
registerWorker(program);
registerMigrate(program);
registerDemo(program);
registerUser(program);
registerImport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
