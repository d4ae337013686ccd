import { Worker } from "node:worker_threads";
import { type TopicDefinition, TopicIndex } from "../../listening/topicIndex";
import type { MentionInput } from "../../mentions/types";
import { processPost } from "./processPost";
import type { PipelineItem, WorkerRequest, WorkerResponse } from "./workerProtocol";

/** Where enrichment and matching run: inline (tests, tiny installs) or on worker threads. */
export interface PostProcessor {
  setTopics(organisationId: string, topics: TopicDefinition[]): void;
  upsertTopic(organisationId: string, topic: TopicDefinition): void;
  removeTopic(organisationId: string, topicId: string): void;
  process(organisationId: string, items: PipelineItem[]): Promise<MentionInput[]>;
  close(): Promise<void>;
}

export class InlineProcessor implements PostProcessor {
  private readonly index = new TopicIndex();
  setTopics(organisationId: string, topics: TopicDefinition[]) {
    this.index.setTopics(organisationId, topics);
  }
  upsertTopic(organisationId: string, topic: TopicDefinition) {
    this.index.upsertTopic(organisationId, topic);
  }
  removeTopic(organisationId: string, topicId: string) {
    this.index.removeTopic(organisationId, topicId);
  }
  async process(organisationId: string, items: PipelineItem[]) {
    const matcher = this.index.forOrganisation(organisationId);
    return items.map((item) => processPost(item.post, item.sourceId, matcher));
  }
  async close() {}
}

interface Pending {
  resolve(results: MentionInput[]): void;
  reject(error: Error): void;
}

/**
 * A fixed set of worker threads; a batch goes to the least busy one. Topic changes are
 * broadcast so every worker matches with the same topics.
 */
export class ThreadProcessor implements PostProcessor {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
      const entry = { worker, busy: 0 };
      worker.on("message", (message: WorkerResponse) => {
        // Idle workers must not keep the process alive; busy ones must, or a caller awaiting a
        // long batch would see the process exit under it.
        if (--entry.busy === 0) worker.unref();
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === "done") pending?.resolve(message.results);
        else pending?.reject(new Error(`enrichment worker failed: ${message.message}`));
      });
      const failAll = (error: Error) => {
        for (const [id, pending] of this.pending) {
          pending.reject(error);
          this.pending.delete(id);
        }
      };
      worker.on("error", failAll);
      // A worker killed by the runtime (out of memory) emits no "error": without this, its
      // batches would wait for ever.
      worker.on("exit", (code) => {
        if (!this.closing) failAll(new Error(`enrichment worker exited with code ${code}`));
      });
      worker.unref();
      this.workers.push(entry);
    }
  }

  private broadcast(message: WorkerRequest) {
    for (const { worker } of this.workers) worker.postMessage(message);
  }

  setTopics(organisationId: string, topics: TopicDefinition[]) {
    this.broadcast({ type: "topics", organisationId, topics });
  }
  upsertTopic(organisationId: string, topic: TopicDefinition) {
    this.broadcast({ type: "topic", organisationId, topic });
  }
  removeTopic(organisationId: string, topicId: string) {
    this.broadcast({ type: "removeTopic", organisationId, topicId });
  }

  process(organisationId: string, items: PipelineItem[]): Promise<MentionInput[]> {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    if (entry.busy++ === 0) entry.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ type: "process", id, organisationId, items } satisfies WorkerRequest);
    });
  }

  async close() {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
