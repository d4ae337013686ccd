import type { Command } from "commander";
import { loadConfig } from "../../config/env";
import { createDemoOrganisation, formatDemoCredentials } from "../../modules/demo/createDemoOrganisation";
import { enableDemoMarket } from "../../modules/demo/demoMarket";
import { type Runtime, startRuntime } from "../../runtime";

function stopOnSignals(runtime: Runtime) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.ctx.logger.info({ signal }, "shutting down");
    await runtime.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

export function registerStart(program: Command) {
  program
    .command("start")
    .description("Start Chorus: web app, API and workers in one process")
    .option("-p, --port <port>", "port to listen on (default: PORT or 3000)")
    .option(
      "--demo",
      "create or refresh the demo organisation, switch its demo market on, print its credentials",
    )
    .option("--no-market", "with --demo: leave the simulated demo market stream off")
    .action(async (options: { port?: string; demo?: boolean; market?: boolean }) => {
      const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      const runtime = await startRuntime({ config, web: true, workers: true });
      stopOnSignals(runtime);
      if (options.demo) {
        const demo = await createDemoOrganisation(runtime.ctx, config.CHORUS_DEMO_PASSWORD);
        if (options.market !== false) await enableDemoMarket(runtime.ctx, demo.organisation.id, demo.ownerId);
        const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
        console.log(formatDemoCredentials(demo, url));
      }
    });
}

export function registerWorker(program: Command) {
  program
    .command("worker")
    .description(
      "Start a worker process (event relay and processors, no HTTP); run several with NATS_URL set",
    )
    .action(async () => {
      const config = loadConfig();
      const runtime = await startRuntime({ config, web: false, workers: true });
      stopOnSignals(runtime);
    });
}
