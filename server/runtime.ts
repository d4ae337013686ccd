import pino, { type Logger } from "pino";
import type { Config } from "./config/env";
import type { AppContext } from "./context";
import { type DatabaseTarget, openDatabase, targetFromConfig } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { InProcessBus } from "./events/in-process-bus";
import { eventsNames, NatsBus } from "./events/nats-bus";
import { OutboxRelay } from "./events/relay";
import type { EventBus } from "./events/types";
import { startHousekeeping } from "./housekeeping";
import { buildHttpApp, type HttpApp } from "./http/app";
import { LiveHub } from "./live/hub";
import { startLiveProcessor } from "./live/processor";
import { AlertEvaluator, type EvaluatorOptions } from "./modules/alerts/evaluator";
import { SourceRunner } from "./modules/ingestion/runner";
import { startIngestion } from "./modules/ingestion/service";
import { BackfillRunner } from "./modules/listening/backfillRunner";
import { createMailer } from "./modules/mail/mailer";

export interface RuntimeOptions {
  config: Config;
  /** Overrides the database the config points at (tests use in-memory PGlite). */
  database?: DatabaseTarget;
  logger?: Logger;
  /** Serve HTTP (web and API). */
  web: boolean;
  /** Run the outbox relay and durable processors. */
  workers: boolean;
  /** Run connectors (default with workers); tests of other parts turn it off. */
  runSources?: boolean;
  /** Listen on config.PORT; false builds the app without a socket (inject-based tests). */
  listen?: boolean;
  /** Alert evaluation in worker processes (interval, debounce); false turns it off. */
  alerts?: EvaluatorOptions | false;
}

export interface Runtime {
  ctx: AppContext;
  http: HttpApp | null;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  url: string | null;
  close(): Promise<void>;
}

export function createLogger(config: Config): Logger {
  const pretty = process.stdout.isTTY && config.NODE_ENV !== "production";
  return pino({
    level: config.LOG_LEVEL,
    redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
    ...(pretty
      ? {
          transport: {
            target: "pino-pretty",
            options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" },
          },
        }
      : {}),
  });
}

/**
 * Boots one Chorus process: database (migrated), event bus, relay, live hub, HTTP.
 * `chorus start` runs web and workers together; `chorus worker` runs workers only.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config);
  const handle = await openDatabase(options.database ?? targetFromConfig(config));
  const applied = await migrateToLatest(handle.db);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");

  let bus: EventBus;
  if (config.NATS_URL) {
    bus = await NatsBus.connect(config.NATS_URL, logger, eventsNames(config.NATS_PREFIX));
  } else {
    bus = new InProcessBus(logger);
  }
  const relay = new OutboxRelay(handle.db, bus, logger);
  const live = new LiveHub();
  const ctx: AppContext = {
    config,
    db: handle.db,
    backend: handle.backend,
    logger,
    bus,
    relay,
    live,
    mailer: createMailer(config, logger),
    ingestion: null,
  };

  const stops: (() => Promise<void>)[] = [];
  // In-process, every process would otherwise need its own relay anyway; on NATS any process
  // may relay (duplicates are dropped by msgID), so web processes relay their own writes fast.
  relay.start();
  stops.push(() => relay.stop());
  ctx.ingestion = await startIngestion(ctx, { workers: options.workers });
  stops.push(() => ctx.ingestion!.close());
  if (options.workers) {
    const stopHousekeeping = startHousekeeping(ctx);
    stops.push(async () => stopHousekeeping());
    const backfills = new BackfillRunner(ctx);
    backfills.start();
    stops.push(() => backfills.stop());
    if (options.alerts !== false) {
      const alerts = new AlertEvaluator(ctx, options.alerts ?? {});
      await alerts.start();
      stops.push(() => alerts.stop());
    }
  }
  if (options.workers && options.runSources !== false) {
    const runner = new SourceRunner(ctx);
    runner.start();
    stops.push(() => runner.stop());
  }

  let http: HttpApp | null = null;
  let url: string | null = null;
  if (options.web) {
    stops.push(await startLiveProcessor(bus, live));
    http = await buildHttpApp(ctx);
    if (options.listen !== false) {
      url = await http.app.listen({ port: config.PORT, host: config.HOST });
    }
  }
  logger.info(
    { database: `${handle.backend} ${handle.location}`, events: bus.kind, mailer: ctx.mailer.kind, url },
    options.web ? "chorus is running" : "chorus worker is running",
  );

  return {
    ctx,
    http,
    url,
    async close() {
      live.closeAll();
      if (http) await http.app.close();
      for (const stop of stops.reverse()) await stop();
      await bus.close();
      await handle.close();
    },
  };
}
