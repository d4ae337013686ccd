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

interface WorkerEntry {
  worker: Worker;
  busy: number;
  /** Batches sent to this worker and not answered yet. */
  pending: Map<number, Pending>;
}

/**
 * A fixed set of worker threads; a batch goes to the least busy one. Topic changes are
 * broadcast so every worker matches with the same topics. A worker that dies (out of memory,
 * a crash) fails only its own batches and is replaced, with the topics replayed to it.
 */
export class ThreadProcessor implements PostProcessor {
  private readonly workers: WorkerEntry[] = [];
  private readonly topics = new Map<string, Map<string, string>>();
  private nextId = 1;
  private closing = false;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) this.workers.push(this.spawn());
  }

  private spawn(): WorkerEntry {
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
    const entry: WorkerEntry = { worker, busy: 0, pending: new Map() };
    worker.on("message", (message: WorkerResponse) => {
      // Idle workers must not keep the process alive; busy ones must, or a caller awaiting a
      // long batch would see the process exit under it.
      if (--entry.busy === 0) worker.unref();
      const pending = entry.pending.get(message.id);
      entry.pending.delete(message.id);
      if (message.type === "done") pending?.resolve(message.results);
      else pending?.reject(new Error(`enrichment worker failed: ${message.message}`));
    });
    const failMine = (error: Error) => {
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
    };
    worker.on("error", failMine);
    // A worker killed by the runtime (out of memory) emits no "error": without this, its
    // batches would wait for ever.
    worker.on("exit", (code) => {
      if (this.closing) return;
      failMine(new Error(`enrichment worker exited with code ${code}`));
      const index = this.workers.indexOf(entry);
      if (index >= 0) {
        const replacement = this.spawn();
        for (const [organisationId, topics] of this.topics) {
          replacement.worker.postMessage({
            type: "topics",
            organisationId,
            topics: [...topics].map(([id, query]) => ({ id, query })),
          } satisfies WorkerRequest);
        }
        this.workers[index] = replacement;
      }
    });
    worker.unref();
    return entry;
  }

  private broadcast(message: WorkerRequest) {
    for (const { worker } of this.workers) worker.postMessage(message);
  }

  setTopics(organisationId: string, topics: TopicDefinition[]) {
    this.topics.set(organisationId, new Map(topics.map((t) => [t.id, t.query])));
    this.broadcast({ type: "topics", organisationId, topics });
  }
  upsertTopic(organisationId: string, topic: TopicDefinition) {
    const known = this.topics.get(organisationId) ?? new Map<string, string>();
    known.set(topic.id, topic.query);
    this.topics.set(organisationId, known);
    this.broadcast({ type: "topic", organisationId, topic });
  }
  removeTopic(organisationId: string, topicId: string) {
    this.topics.get(organisationId)?.delete(topicId);
    this.broadcast({ type: "removeTopic", organisationId, topicId });
  }

  process(organisationId: string, items: PipelineItem[]): Promise<MentionInput[]> {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    if (entry.busy++ === 0) entry.worker.ref();
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ type: "process", id, organisationId, items } satisfies WorkerRequest);
    });
  }

  async close() {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
