import type { AppContext } from "../../context";
import { organisationsWithTopics } from "../mentions/series";
import { type DeliveryOptions, deliverAlerts } from "./deliverAlert";
import { evaluateAlerts } from "./evaluateAlerts";

type Ctx = Pick<AppContext, "db" | "bus" | "logger" | "mailer" | "config">;

export interface EvaluatorOptions {
  /** Full pass over every organisation. Default 15 s. */
  intervalMs?: number;
  /** Wait after a `mentions.ingested` event before evaluating that organisation. Default 1 s. */
  debounceMs?: number;
  delivery?: DeliveryOptions;
}

/**
 * Runs alert evaluation in worker processes: a pass over every organisation on an interval,
 * and a debounced pass for an organisation soon after mentions arrive for it. One organisation
 * is never evaluated twice at once in this process; across processes the advisory lock and
 * the alerts' unique key make concurrent passes safe. Delivery runs after the commit.
 */
export class AlertEvaluator {
  private timer: NodeJS.Timeout | null = null;
  private readonly debounces = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopped = false;
  private pass: Promise<void> | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly options: EvaluatorOptions = {},
  ) {}

  async start() {
    this.unsubscribe = await this.ctx.bus.subscribe(
      (event) => {
        if (event.organisationId) this.soon(event.organisationId);
      },
      { names: ["mentions.ingested"] },
    );
    const tick = async () => {
      if (this.stopped) return;
      this.pass = this.runAll();
      await this.pass;
      if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs ?? 15_000);
    };
    this.timer = setTimeout(tick, Math.min(1_000, this.options.intervalMs ?? 15_000));
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const t of this.debounces.values()) clearTimeout(t);
    this.debounces.clear();
    await this.unsubscribe?.();
    await this.pass;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Every organisation, one after another. */
  async runAll(): Promise<void> {
    try {
      for (const organisationId of await organisationsWithTopics(this.ctx.db)) {
        if (this.stopped) return;
        await this.runOne(organisationId);
      }
    } catch (error) {
      if (!this.stopped) this.ctx.logger.error({ err: error }, "alert pass failed");
    }
  }

  /** Evaluates one organisation and delivers what it raised; coalesces overlapping requests. */
  runOne(organisationId: string): Promise<void> {
    const current = this.running.get(organisationId);
    if (current) {
      this.again.add(organisationId);
      return current;
    }
    const job = (async () => {
      do {
        this.again.delete(organisationId);
        try {
          const { raised } = await evaluateAlerts(this.ctx, organisationId);
          if (raised.length > 0) {
            this.ctx.logger.info({ organisationId, raised: raised.length }, "alerts raised");
            await deliverAlerts(this.ctx, organisationId, raised, this.options.delivery);
          }
        } catch (error) {
          if (!this.stopped) this.ctx.logger.error({ err: error, organisationId }, "alert evaluation failed");
        }
      } while (this.again.has(organisationId) && !this.stopped);
    })().finally(() => this.running.delete(organisationId));
    this.running.set(organisationId, job);
    return job;
  }

  private soon(organisationId: string) {
    if (this.stopped || this.debounces.has(organisationId)) return;
    this.debounces.set(
      organisationId,
      setTimeout(() => {
        this.debounces.delete(organisationId);
        void this.runOne(organisationId);
      }, this.options.debounceMs ?? 1_000),
    );
  }
}
