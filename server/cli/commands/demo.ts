import type { Command } from "commander";
import { createDemoOrganisation, formatDemoCredentials } from "../../modules/demo/createDemoOrganisation";
import { withDatabase } from "../withDatabase";

export function registerDemo(program: Command) {
  program
    .command("demo")
    .description(
      "Create (or refresh) the demo organisation with one user per role and print their credentials",
    )
    .option(
      "--password <password>",
      "password for every demo user (default: CHORUS_DEMO_PASSWORD or a random one)",
    )
    .action(async (options: { password?: string }) => {
      await withDatabase(async (ctx) => {
        const demo = await createDemoOrganisation(ctx, options.password ?? ctx.config.CHORUS_DEMO_PASSWORD);
        console.log(
          formatDemoCredentials(demo, ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`),
        );
      });
    });
}
