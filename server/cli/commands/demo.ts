import type { Command } from "commander";
import { createDemoOrganisation, formatDemoCredentials } from "../../modules/demo/createDemoOrganisation";
import { enableDemoMarket } from "../../modules/demo/demoMarket";
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
    .option("--no-market", "do not switch the simulated demo market stream on")
    .action(async (options: { password?: string; market?: boolean }) => {
      await withDatabase(async (ctx) => {
        const demo = await createDemoOrganisation(ctx, options.password ?? ctx.config.CHORUS_DEMO_PASSWORD);
        if (options.market !== false) await enableDemoMarket(ctx, demo.organisation.id, demo.ownerId);
        console.log(
          formatDemoCredentials(demo, ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`),
        );
      });
    });
}
