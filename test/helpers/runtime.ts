import pino from "pino";
import { type Config, testConfig } from "../../server/config/env";
import type { LogMailer } from "../../server/modules/mail/mailer";
import { type Runtime, startRuntime } from "../../server/runtime";
import { TestClient } from "./client";
import { createTestDatabase } from "./database";

export interface TestRuntime extends Runtime {
  client(): TestClient;
  mailer: LogMailer;
}

/** A full Chorus process on a fresh database, without a socket unless `listen` is set. */
export async function startTestRuntime(
  options: { config?: Partial<Config>; listen?: boolean; runSources?: boolean } = {},
): Promise<TestRuntime> {
  const database = await createTestDatabase();
  const config = testConfig({ PORT: 0, HOST: "127.0.0.1", LOGIN_MAX_ATTEMPTS: 5, ...options.config });
  const runtime = await startRuntime({
    config,
    database: database.target,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    web: true,
    workers: true,
    listen: options.listen ?? false,
    // Connectors reach out to the network; only tests about them switch the runner on.
    runSources: options.runSources ?? false,
  });
  return {
    ...runtime,
    mailer: runtime.ctx.mailer as LogMailer,
    client: () => new TestClient(runtime.http!.app),
    async close() {
      await runtime.close();
      await database.drop();
    },
  };
}
