import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  RetentionPolicy,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/nats-core";
import type { Logger } from "pino";
import type { Database } from "../../../db/database";
import type { NormalisedPost } from "../connectors/types";
import { commitBatch } from "./commitBatch";
import type { PostProcessor } from "./processors";
import type { IngestReceipt, IngestSink } from "./sink";
import type { PipelineItem } from "./workerProtocol";

export function ingestNames(prefix = "chorus") {
  return {
    streamName: `${prefix.toUpperCase().replace(/-/g, "_")}_INGEST`,
    subjectPrefix: `${prefix}.ingest`,
  };
}

type Clients = { js: JetStreamClient; jsm: JetStreamManager };
type Names = ReturnType<typeof ingestNames>;

/** A work queue: each post is held until a worker acknowledges it, after its commit. */
export async function ensureIngestStream({ jsm }: Clients, names: Names) {
  const config = {
    name: names.streamName,
    subjects: [`${names.subjectPrefix}.>`],
    retention: RetentionPolicy.Workqueue,
    max_age: nanos(7 * 24 * 3600 * 1000),
    duplicate_window: nanos(10 * 60 * 1000),
  };
  try {
    await jsm.streams.info(names.streamName);
  } catch {
    await jsm.streams.add(config);
  }
}

/**
 * Scaled-out ingest: connectors publish posts to JetStream and return once the stream has
 * them. msgID `<org>:<channel>:<external id>` lets JetStream drop a post a connector re-sends
 * (after a restart from its last saved cursor) within the duplicate window; the database's
 * unique key catches anything later.
 */
export class JetStreamIngestSink implements IngestSink {
  constructor(
    private readonly clients: Clients,
    private readonly names: Names,
  ) {}

  async ingest(
    organisationId: string,
    sourceId: string | null,
    posts: NormalisedPost[],
  ): Promise<IngestReceipt> {
    const acks = await Promise.all(
      posts.map((post) =>
        this.clients.js.publish(
          `${this.names.subjectPrefix}.${organisationId}`,
          JSON.stringify({ sourceId, post }),
          {
            msgID: `${organisationId}:${post.channel}:${post.externalId}`,
          },
        ),
      ),
    );
    const duplicates = acks.filter((a) => a.duplicate).length;
    return { stored: posts.length - duplicates, alreadyStored: duplicates };
  }

  async close() {}
}

export interface IngestConsumerOptions {
  batchSize?: number;
  onBatch?(info: { organisationId: string; stored: number; alreadyStored: number }): void;
}

/**
 * The worker side: pulls up to a batch of posts, processes and commits them per organisation,
 * and acknowledges only after the commit. A worker killed mid-batch leaves its posts unacked;
 * JetStream redelivers them to another worker after ack_wait, and the idempotent store keeps
 * the result exact (no loss, no duplicate, rollups equal to a recount).
 */
export class IngestConsumer {
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly clients: Clients,
    private readonly names: Names,
    private readonly db: Database,
    private readonly processor: PostProcessor,
    private readonly logger: Logger,
    private readonly options: IngestConsumerOptions = {},
  ) {}

  async start(durable = "ingest-store") {
    try {
      await this.clients.jsm.consumers.info(this.names.streamName, durable);
    } catch {
      await this.clients.jsm.consumers.add(this.names.streamName, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(30_000),
        max_deliver: 50,
        max_ack_pending: 20_000,
      });
    }
    const consumer = await this.clients.js.consumers.get(this.names.streamName, durable);
    const batchSize = this.options.batchSize ?? 500;
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          const messages = await consumer.fetch({ max_messages: batchSize, expires: 1000 });
          const batch: JsMsg[] = [];
          for await (const message of messages) batch.push(message);
          if (batch.length > 0) await this.handle(batch);
        } catch (error) {
          if (this.stopped) break;
          this.logger.error({ err: error }, "ingest consumer failed; retrying");
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
  }

  private async handle(batch: JsMsg[]) {
    const byOrganisation = new Map<string, { messages: JsMsg[]; items: PipelineItem[] }>();
    for (const message of batch) {
      const organisationId = message.subject.slice(this.names.subjectPrefix.length + 1);
      let item: PipelineItem;
      try {
        item = message.json<PipelineItem>();
      } catch {
        this.logger.warn({ subject: message.subject }, "dropping an unreadable ingest message");
        message.term();
        continue;
      }
      const group = byOrganisation.get(organisationId) ?? { messages: [], items: [] };
      group.messages.push(message);
      group.items.push(item);
      byOrganisation.set(organisationId, group);
    }
    for (const [organisationId, group] of byOrganisation) {
      try {
        const results = await this.processor.process(organisationId, group.items);
        const result = await commitBatch(this.db, organisationId, results);
        for (const message of group.messages) message.ack();
        this.options.onBatch?.({
          organisationId,
          stored: result.stored.length,
          alreadyStored: result.alreadyStored,
        });
        this.logger.debug(
          { organisationId, stored: result.stored.length, alreadyStored: result.alreadyStored },
          "ingest batch committed",
        );
      } catch (error) {
        this.logger.error(
          { err: error, organisationId, size: group.items.length },
          "ingest batch failed; will be redelivered",
        );
        for (const message of group.messages) message.nak(2_000);
      }
    }
  }

  async stop() {
    this.stopped = true;
    await this.loop;
  }
}
