import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/database";
import type { EventsTable } from "./tables";
import type { ChorusEvent, EventBus } from "./types";

export interface RelayOptions {
  /** How often to look for rows written by other processes. Local writes call kick(). */
  pollMs?: number;
  batchSize?: number;
}

/**
 * Moves committed outbox rows onto the bus. A row is stamped only after the bus accepted it,
 * so a crash means re-delivery (at least once), never loss.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private instanceId: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly options: RelayOptions = {},
  ) {}

  start() {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(tick, this.options.pollMs ?? 500);
      this.timer.unref();
    };
    tick();
  }

  /** Publish now (called after a local commit, so live updates feel instant). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.publishBatch()) > 0 && !this.stopped) {}
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.error({ err: error }, "outbox relay failed; will retry");
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * Publishes one batch; returns how many rows it published. No transaction spans the publish:
   * in-process handlers may query the database (PGlite has a single connection), and a NATS
   * publish should not hold row locks. Two relays racing may publish a row twice; JetStream
   * drops the copy by msgID, and in-process mode runs a single relay.
   */
  async publishBatch(): Promise<number> {
    const rows = await this.db
      .selectFrom("events")
      .selectAll()
      .where("published_at", "is", null)
      .orderBy("id")
      .limit(this.options.batchSize ?? 500)
      .execute();
    if (rows.length === 0) return 0;
    this.instanceId ??= (await this.db.selectFrom("instance").select("id").executeTakeFirstOrThrow()).id;
    const instanceId = this.instanceId;
    await this.bus.publish(rows.map((row) => toChorusEvent(row, instanceId)));
    await this.db
      .updateTable("events")
      .set({ published_at: sql<Date>`now()` })
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.length;
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

export function toChorusEvent(row: Selectable<EventsTable>, instanceId: string): ChorusEvent {
  return {
    id: row.id,
    instanceId,
    name: row.name,
    organisationId: row.organisation_id,
    actorId: row.actor_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: row.data,
    ip: row.ip,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
    audit: row.audit,
  };
}
