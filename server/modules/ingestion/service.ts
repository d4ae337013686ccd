import { availableParallelism } from "node:os";
import type { AppContext } from "../../context";
import { NatsBus } from "../../events/nats-bus";
import { loadAllTopicDefinitions } from "../listening/topics";
import { ensureIngestStream, IngestConsumer, ingestNames, JetStreamIngestSink } from "./pipeline/jetstream";
import { LocalPipeline } from "./pipeline/localPipeline";
import { InlineProcessor, type PostProcessor, ThreadProcessor } from "./pipeline/processors";
import type { IngestSink } from "./pipeline/sink";

export interface IngestionService {
  sink: IngestSink;
  processor: PostProcessor;
  close(): Promise<void>;
}

type Ctx = Pick<AppContext, "config" | "db" | "bus" | "logger" | "relay">;

/**
 * Starts ingestion for this process. Embedded: a local pipeline stores what connectors hand
 * over. With NATS: connectors publish to the ingest stream, and processes started with workers
 * (`chorus worker`, or `chorus start`) consume it. Every process keeps its matcher in step
 * with topic changes through the event bus.
 */
export async function startIngestion(ctx: Ctx, options: { workers: boolean }): Promise<IngestionService> {
  const threads = ctx.config.CHORUS_ENRICH_THREADS ?? Math.max(0, Math.min(4, availableParallelism() - 1));
  const processor: PostProcessor = threads > 0 ? new ThreadProcessor(threads) : new InlineProcessor();
  for (const [organisationId, topics] of await loadAllTopicDefinitions(ctx.db))
    processor.setTopics(organisationId, topics);
  const stopTopics = await ctx.bus.subscribe(
    (event) => {
      if (!event.organisationId || !event.subjectId) return;
      if (event.name === "topic.deleted") processor.removeTopic(event.organisationId, event.subjectId);
      else if (typeof event.data.query === "string") {
        processor.upsertTopic(event.organisationId, { id: event.subjectId, query: event.data.query });
      }
    },
    { names: ["topic.created", "topic.updated", "topic.deleted"] },
  );

  let sink: IngestSink;
  let consumer: IngestConsumer | null = null;
  if (ctx.bus instanceof NatsBus) {
    const names = ingestNames(ctx.config.NATS_PREFIX);
    await ensureIngestStream(ctx.bus.clients, names);
    sink = new JetStreamIngestSink(ctx.bus.clients, names);
    if (options.workers) {
      consumer = new IngestConsumer(ctx.bus.clients, names, ctx.db, processor, ctx.logger, {
        onBatch: () => void ctx.relay.kick(),
      });
      await consumer.start();
    }
  } else {
    // Publish each batch's event at once: dashboards should move within milliseconds.
    sink = new LocalPipeline(ctx.db, processor, {
      maxInFlight: Math.max(2, threads),
      onCommitted: () => void ctx.relay.kick(),
    });
  }
  ctx.logger.info(
    { threads, sink: ctx.bus.kind === "nats" ? "jetstream" : "local", consuming: Boolean(consumer) },
    "ingestion ready",
  );

  return {
    sink,
    processor,
    async close() {
      await consumer?.stop();
      await sink.close();
      await stopTopics();
      await processor.close();
    },
  };
}
