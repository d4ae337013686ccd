import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { AppContext } from "../../context";
import { recordEvent } from "../../events/record";
import { assertPublicUrl, createCheckedFetch } from "./connectors/net/checked-fetch";
import { createGuardedFetch } from "./connectors/net/guarded-fetch";
import { type AnyConnector, sourceKind } from "./connectors/registry";
import { type ConnectorContext, ConnectorError, type NormalisedPost } from "./connectors/types";
import type { SourcesTable } from "./tables";

type Source = Selectable<SourcesTable>;
type Ctx = Pick<AppContext, "db" | "logger" | "ingestion" | "config">;

// Settings that name where a connector connects: vetted before it runs (SSRF).
const URL_SETTINGS = ["instanceUrl", "baseUrl", "endpoint", "url"];

const LEASE_SECONDS = 60;
const FATAL_RETRY_MS = 60 * 60_000;

export function backoffMs(failures: number): number {
  return Math.min(6 * 3600_000, 30_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * Runs the organisation's connectors. Every process with workers runs a runner; each source is
 * claimed by one of them at a time through a lease row, so adding processes adds capacity
 * without ever running a source twice. Progress (the cursor) is saved only after the posts it
 * covers were handed to ingestion, so a crash repeats work (deduplicated) but never skips it.
 */
export class SourceRunner {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private readonly running = new Map<string, AbortController>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly options: { tickMs?: number; maxConcurrent?: number } = {},
  ) {}

  start() {
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.claimAndRun();
      } catch (error) {
        this.ctx.logger.error({ err: error }, "source runner tick failed");
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.options.tickMs ?? 1000);
    };
    void tick();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const controller of this.running.values()) controller.abort();
    await sql`update sources set lease_owner = null, lease_until = null, status = case when status = 'running' then 'idle' else status end
      where lease_owner = ${this.owner}`.execute(this.ctx.db);
  }

  private async claimAndRun() {
    const room = (this.options.maxConcurrent ?? 50) - this.running.size;
    if (room <= 0) return;
    const claimed = await sql<Source>`
      update sources set lease_owner = ${this.owner}, lease_until = now() + ${`${LEASE_SECONDS} seconds`}::interval, status = 'running'
      where id in (
        select id from sources
        where enabled and kind not in ('webhook', 'import')
          and (next_run_at is null or next_run_at <= now())
          and (lease_until is null or lease_until < now())
        order by next_run_at nulls first
        limit ${room}
        for update skip locked)
      returning *`.execute(this.ctx.db);
    for (const source of claimed.rows) {
      const controller = new AbortController();
      this.running.set(source.id, controller);
      void this.run(source, controller.signal).finally(() => this.running.delete(source.id));
    }
  }

  /**
   * Connectors recover from network trouble by themselves (backoff, reconnect) and only log it;
   * the runner listens, so the trouble still shows on the source's status in the app.
   */
  private connectorContext(
    source: Source,
    signal: AbortSignal,
    onProblem: (message: string) => void,
  ): ConnectorContext {
    const settings = source.settings as Record<string, unknown>;
    const privateAllowed =
      this.ctx.config.CHORUS_ALLOW_PRIVATE_SOURCES || settings.allowPrivateNetworks === true;
    // Polled APIs get the guarded fetch (vetted, pinned, capped); streams need an unbuffered body,
    // so they get a fetch that vets each host and follows no redirects.
    const guarded =
      sourceKind(source.kind)?.connector?.mode === "poll" ? createGuardedFetch() : createCheckedFetch();
    return {
      fetch: privateAllowed ? fetch : guarded,
      signal,
      now: () => new Date(),
      log: (level, message, data) => {
        this.ctx.logger[level]({ source: source.id, kind: source.kind, ...data }, message);
        if (level === "warn" || level === "error") {
          const detail = data?.reason ?? data?.error ?? data?.message;
          onProblem(detail ? `${message}: ${String(detail)}` : message);
        }
      },
    };
  }

  private async run(source: Source, signal: AbortSignal) {
    const kind = sourceKind(source.kind);
    try {
      if (!kind?.connector)
        throw new ConnectorError(`No connector for source kind "${source.kind}"`, "fatal");
      const parsed = kind.connector.settings.safeParse(source.settings);
      if (!parsed.success)
        throw new ConnectorError(
          `Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
          "fatal",
        );
      const settings = parsed.data as Record<string, unknown>;
      if (!this.ctx.config.CHORUS_ALLOW_PRIVATE_SOURCES && settings.allowPrivateNetworks !== true) {
        for (const key of URL_SETTINGS)
          if (typeof settings[key] === "string") await assertPublicUrl(settings[key] as string);
      }
      if (kind.connector.mode === "poll") await this.poll(source, kind.connector, parsed.data, signal);
      else await this.stream(source, kind.connector, parsed.data, signal);
    } catch (error) {
      if (signal.aborted) return;
      await this.fail(source, error);
    }
  }

  private async ingest(source: Source, posts: NormalisedPost[]) {
    if (!this.ctx.ingestion) throw new Error("ingestion is not running");
    if (posts.length > 0) await this.ctx.ingestion.sink.ingest(source.organisation_id, source.id, posts);
  }

  private async poll(
    source: Source,
    connector: AnyConnector & { mode: "poll" },
    settings: unknown,
    signal: AbortSignal,
  ) {
    let problem: string | null = null;
    const context = this.connectorContext(source, signal, (message) => {
      problem = message;
    });
    const result = await connector.poll(settings, source.cursor, context);
    await this.ingest(source, result.posts);
    const minInterval = 60_000 / Math.max(1, source.rate_limit_per_minute);
    const nextMs = Math.max(result.nextPollMs, minInterval);
    // A poll that coped with trouble (and will retry) but brought nothing is a failure to show.
    const trouble = problem as string | null;
    if (trouble && result.posts.length === 0)
      await this.fail(source, new Error(trouble), { cursor: result.cursor, retryMs: nextMs });
    else await this.succeed(source, result.cursor, nextMs);
  }

  /** Streams hold their lease while connected, flushing posts and the cursor every second. */
  private async stream(
    source: Source,
    connector: AnyConnector & { mode: "stream" },
    settings: unknown,
    signal: AbortSignal,
  ) {
    let buffer: NormalisedPost[] = [];
    let cursor: unknown = source.cursor;
    let lastReported = 0;
    const onProblem = (message: string) => {
      if (Date.now() - lastReported < 5_000) return;
      lastReported = Date.now();
      void this.report(source, message).catch((error) =>
        this.ctx.logger.error({ err: error }, "could not record a source problem"),
      );
    };
    let lastFlush = Date.now();
    let windowStart = Date.now();
    let windowCount = 0;
    /** False when the source was paused, deleted, reconfigured or taken over: stop streaming. */
    const flush = async (): Promise<boolean> => {
      const ours = await sql`update sources set lease_until = now() + ${`${LEASE_SECONDS} seconds`}::interval
        where id = ${source.id} and lease_owner = ${this.owner} and enabled returning id`.execute(
        this.ctx.db,
      );
      if (ours.rows.length === 0) return false;
      const posts = buffer;
      buffer = [];
      await this.ingest(source, posts);
      // Posts flowing again clear a reported problem; an empty flush only renews the lease.
      await sql`update sources set cursor = ${JSON.stringify(cursor)}::jsonb, lease_until = now() + ${`${LEASE_SECONDS} seconds`}::interval,
        status = case when ${posts.length > 0} then 'running' else status end,
        consecutive_failures = case when ${posts.length > 0} then 0 else consecutive_failures end
        where id = ${source.id} and lease_owner = ${this.owner}`.execute(this.ctx.db);
      lastFlush = Date.now();
      return true;
    };
    for await (const item of connector.stream(
      settings,
      source.cursor,
      this.connectorContext(source, signal, onProblem),
    )) {
      if (signal.aborted) break;
      buffer.push(item.post);
      cursor = item.cursor;
      // Rate limit: at most rate_limit_per_minute posts a minute from this source.
      if (++windowCount >= source.rate_limit_per_minute) {
        const wait = 60_000 - (Date.now() - windowStart);
        if (!(await flush())) return;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        windowStart = Date.now();
        windowCount = 0;
      }
      if ((buffer.length >= 250 || Date.now() - lastFlush > 1000) && !(await flush())) return;
    }
    if (await flush()) await this.succeed(source, cursor, 1000);
  }

  private async succeed(source: Source, cursor: unknown, nextMs: number) {
    await this.ctx.db.transaction().execute(async (trx) => {
      await sql`update sources set cursor = ${JSON.stringify(cursor ?? null)}::jsonb, status = 'idle', lease_owner = null, lease_until = null,
        consecutive_failures = 0, next_run_at = now() + ${`${Math.round(nextMs)} milliseconds`}::interval, updated_at = now()
        where id = ${source.id} and lease_owner = ${this.owner}`.execute(trx);
      if (source.status === "error") {
        await recordEvent(
          trx,
          { userId: null, organisationId: source.organisation_id },
          {
            name: "source.recovered",
            subjectType: "source",
            subjectId: source.id,
            data: { name: source.name, kind: source.kind },
          },
        );
      }
    });
  }

  /** A live stream in trouble (reconnecting): shown as an error until posts flow again. */
  private async report(source: Source, message: string) {
    await this.ctx.db.transaction().execute(async (trx) => {
      await sql`update sources set status = 'error', last_error = ${message.slice(0, 1000)}, last_error_at = now()
        where id = ${source.id} and lease_owner = ${this.owner}`.execute(trx);
      await recordEvent(
        trx,
        { userId: null, organisationId: source.organisation_id },
        {
          name: "source.failed",
          subjectType: "source",
          subjectId: source.id,
          audit: false,
          data: { name: source.name, kind: source.kind, error: message, fatal: false },
        },
      );
    });
  }

  /** `soft`: the connector coped (it will retry on its own schedule) but got nothing; keep its cursor. */
  private async fail(source: Source, error: unknown, soft?: { cursor: unknown; retryMs: number }) {
    const fatal = error instanceof ConnectorError && error.kind === "fatal";
    const failures = source.consecutive_failures + 1;
    const retry = soft
      ? soft.retryMs
      : error instanceof ConnectorError && error.retryAfterMs
        ? error.retryAfterMs
        : fatal
          ? FATAL_RETRY_MS
          : backoffMs(failures);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    this.ctx.logger.warn(
      { source: source.id, kind: source.kind, err: error, retryInMs: retry },
      "source failed",
    );
    await this.ctx.db.transaction().execute(async (trx) => {
      await sql`update sources set status = 'error', last_error = ${message}, last_error_at = now(), lease_owner = null, lease_until = null,
        consecutive_failures = ${failures}, next_run_at = now() + ${`${retry} milliseconds`}::interval, updated_at = now(),
        cursor = case when ${soft !== undefined} then ${JSON.stringify(soft?.cursor ?? null)}::jsonb else cursor end
        where id = ${source.id} and (lease_owner = ${this.owner} or lease_owner is null)`.execute(trx);
      await recordEvent(
        trx,
        { userId: null, organisationId: source.organisation_id },
        {
          name: "source.failed",
          subjectType: "source",
          subjectId: source.id,
          audit: false,
          data: { name: source.name, kind: source.kind, error: message, fatal, retryInMs: retry },
        },
      );
    });
  }
}
