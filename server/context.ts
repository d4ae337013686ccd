import type { Logger } from "pino";
import type { Config } from "./config/env";
import type { Database } from "./db/database";
import type { OutboxRelay } from "./events/relay";
import type { EventBus } from "./events/types";
import type { LiveHub } from "./live/hub";
import type { IngestionService } from "./modules/ingestion/service";
import type { Mailer } from "./modules/mail/mailer";

/**
 * What a process holds: configuration, the database, the event bus and its relay, the live
 * hub for browsers, the mailer. Use cases take only the parts they need.
 */
export interface AppContext {
  config: Config;
  db: Database;
  backend: "pglite" | "postgres";
  logger: Logger;
  bus: EventBus;
  relay: OutboxRelay;
  live: LiveHub;
  mailer: Mailer;
  /** Set once ingestion has started (after the context exists, since it needs the bus). */
  ingestion: IngestionService | null;
}

/** The base URL links in mails point to. */
export function publicUrl(config: Config): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}
