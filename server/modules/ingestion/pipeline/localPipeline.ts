import type { Database } from "../../../db/database";
import type { NormalisedPost } from "../connectors/types";
import { commitBatch } from "./commitBatch";
import type { PostProcessor } from "./processors";
import type { IngestReceipt, IngestSink } from "./sink";

interface Job {
  organisationId: string;
  sourceId: string | null;
  posts: NormalisedPost[];
  offset: number;
  pending: number;
  receipt: IngestReceipt;
  resolve(receipt: IngestReceipt): void;
  reject(error: Error): void;
}

export interface LocalPipelineOptions {
  batchSize?: number;
  /** How long a small batch waits for company before it is processed anyway. */
  maxWaitMs?: number;
  /**
   * Posts accepted but not yet stored; past this, ingest() waits (backpressure). A call is
   * admitted whole, so memory is bounded by maxQueued plus one call's posts.
   */
  maxQueued?: number;
  /** Batches being enriched at once (one per worker thread keeps them all busy). */
  maxInFlight?: number;
  onCommitted?(organisationId: string): void;
}

/**
 * The embedded pipeline: posts queue in memory (bounded), are cut into per-organisation
 * batches, enriched and matched on worker threads while the previous batch is being stored,
 * and committed one transaction at a time, in order. ingest() resolves once its posts are
 * durable, so a connector saves its cursor only after that: a crash re-fetches, never loses.
 */
export class LocalPipeline implements IngestSink {
  private readonly queue: Job[] = [];
  private queued = 0;
  private peakQueued = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly spaceWaiters: (() => void)[] = [];
  private storeChain: Promise<void> = Promise.resolve();
  private readonly options: Required<Omit<LocalPipelineOptions, "onCommitted">>;

  constructor(
    private readonly db: Database,
    private readonly processor: PostProcessor,
    private readonly opts: LocalPipelineOptions = {},
  ) {
    this.options = { batchSize: 500, maxWaitMs: 25, maxQueued: 20_000, maxInFlight: 2, ...opts };
  }

  async ingest(
    organisationId: string,
    sourceId: string | null,
    posts: NormalisedPost[],
  ): Promise<IngestReceipt> {
    if (posts.length === 0) return { stored: 0, alreadyStored: 0 };
    while (this.queued >= this.options.maxQueued) await new Promise<void>((r) => this.spaceWaiters.push(r));
    return new Promise((resolve, reject) => {
      this.queue.push({
        organisationId,
        sourceId,
        posts,
        offset: 0,
        pending: 0,
        receipt: { stored: 0, alreadyStored: 0 },
        resolve,
        reject,
      });
      this.queued += posts.length;
      this.peakQueued = Math.max(this.peakQueued, this.queued);
      this.pump();
    });
  }

  /** Posts accepted and not yet stored, now and at the most so far. */
  get backlog(): { now: number; peak: number } {
    return { now: this.queued, peak: this.peakQueued };
  }

  private pump(force = false) {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      // With a batch already in flight, a partial batch waits briefly for company; an idle
      // pipeline takes it at once, so a trickle of posts still has low latency.
      if (!force && this.queued < this.options.batchSize && this.inFlight > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.pump(true);
        }, this.options.maxWaitMs);
        return;
      }
      force = false;
      this.runBatch(this.takeBatch());
    }
  }

  /** Up to batchSize posts of the first job's organisation, possibly from several jobs. */
  private takeBatch() {
    const organisationId = this.queue[0]!.organisationId;
    const parts: { job: Job; items: NormalisedPost[] }[] = [];
    let size = 0;
    for (let i = 0; i < this.queue.length && size < this.options.batchSize; ) {
      const job = this.queue[i]!;
      if (job.organisationId !== organisationId) {
        i++;
        continue;
      }
      const take = Math.min(job.posts.length - job.offset, this.options.batchSize - size);
      parts.push({ job, items: job.posts.slice(job.offset, job.offset + take) });
      job.offset += take;
      job.pending++;
      size += take;
      if (job.offset >= job.posts.length) this.queue.splice(i, 1);
      else i++;
    }
    return { organisationId, parts, size };
  }

  private runBatch(batch: ReturnType<LocalPipeline["takeBatch"]>) {
    this.inFlight++;
    const items = batch.parts.flatMap((p) => p.items.map((post) => ({ sourceId: p.job.sourceId, post })));
    const processed = this.processor.process(batch.organisationId, items);
    // Handled where the store chain awaits it; without this, a failure while an earlier batch is
    // still committing would count as unhandled and end the process.
    processed.catch(() => {});
    // Enrichment runs concurrently; storage stays sequential and in arrival order.
    this.storeChain = this.storeChain.then(async () => {
      try {
        const result = await commitBatch(this.db, batch.organisationId, await processed);
        this.opts.onCommitted?.(batch.organisationId);
        let offset = 0;
        const storedIds = new Set(result.stored.map((m) => m.input));
        const results = await processed;
        for (const part of batch.parts) {
          const mine = results.slice(offset, offset + part.items.length);
          offset += part.items.length;
          const stored = mine.filter((r) => storedIds.has(r)).length;
          part.job.receipt.stored += stored;
          part.job.receipt.alreadyStored += mine.length - stored;
          this.settle(part.job, null);
        }
      } catch (error) {
        for (const part of batch.parts) this.settle(part.job, error as Error);
      } finally {
        this.queued -= batch.size;
        this.inFlight--;
        while (this.spaceWaiters.length > 0 && this.queued < this.options.maxQueued)
          this.spaceWaiters.shift()!();
        this.pump();
      }
    });
  }

  private settle(job: Job, error: Error | null) {
    job.pending--;
    if (error) {
      job.reject(error);
      job.pending = Number.NaN; // settled: later parts are ignored
      return;
    }
    if (job.pending === 0 && job.offset >= job.posts.length) job.resolve(job.receipt);
  }

  /** Waits until everything accepted so far is stored. */
  async drain(): Promise<void> {
    while (this.queued > 0) await this.storeChain.then(() => new Promise((r) => setTimeout(r, 1)));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.drain();
  }
}
