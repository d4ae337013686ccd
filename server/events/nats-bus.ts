import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
} from "@nats-io/jetstream";
import { type NatsConnection, nanos } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import type { Logger } from "pino";
import {
  type ChorusEvent,
  type EventBus,
  type EventHandler,
  matchesNames,
  type SubscribeOptions,
} from "./types";

/** Stream and subject names for a prefix: several installations can share one NATS. */
export function eventsNames(prefix = "chorus") {
  return {
    streamName: `${prefix.toUpperCase().replace(/-/g, "_")}_EVENTS`,
    subjectPrefix: `${prefix}.events`,
  };
}

/**
 * Events between processes over NATS JetStream. The relay publishes each outbox row with
 * msgID `<database instance id>:<event id>`, so a relay that crashes after publishing but before stamping the row
 * re-publishes a duplicate that JetStream drops (within the duplicate window).
 * Durable subscriptions share one consumer per name (work split across workers, redelivery
 * after ack_wait when a worker dies); broadcast ones use an ordered consumer per process.
 */
export class NatsBus implements EventBus {
  readonly kind = "nats" as const;
  private readonly stops = new Set<() => Promise<void>>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly logger: Logger,
    private readonly streamName: string,
    private readonly subjectPrefix: string,
  ) {}

  static async connect(
    url: string,
    logger: Logger,
    { streamName, subjectPrefix }: { streamName: string; subjectPrefix: string } = eventsNames(),
  ): Promise<NatsBus> {
    const nc = await connect({ servers: url, name: "chorus", maxReconnectAttempts: -1 });
    const jsm = await jetstreamManager(nc);
    const config = {
      name: streamName,
      subjects: [`${subjectPrefix}.>`],
      retention: RetentionPolicy.Limits,
      max_age: nanos(7 * 24 * 3600 * 1000),
      duplicate_window: nanos(10 * 60 * 1000),
    };
    try {
      await jsm.streams.info(streamName);
      await jsm.streams.update(streamName, config);
    } catch {
      await jsm.streams.add(config);
    }
    return new NatsBus(nc, jetstream(nc), jsm, logger, streamName, subjectPrefix);
  }

  /** The same connection, for other JetStream users in this process (the ingest stream). */
  get clients(): { js: JetStreamClient; jsm: JetStreamManager } {
    return { js: this.js, jsm: this.jsm };
  }

  healthy(): boolean {
    return !this.nc.isClosed();
  }

  async publish(events: ChorusEvent[]): Promise<void> {
    // Publish concurrently, then wait for every ack: the relay stamps rows only after this resolves.
    await Promise.all(
      events.map((event) =>
        this.js.publish(`${this.subjectPrefix}.${event.name}`, JSON.stringify(event), {
          msgID: `${event.instanceId}:${event.id}`,
        }),
      ),
    );
  }

  async subscribe(handler: EventHandler, options: SubscribeOptions = {}) {
    const consumer = options.durable
      ? await this.durableConsumer(options.durable)
      : await this.js.consumers.get(this.streamName, { deliver_policy: DeliverPolicy.New });
    const messages = await consumer.consume({ max_messages: 256 });
    const done = (async () => {
      for await (const message of messages) {
        let event: ChorusEvent;
        try {
          event = message.json<ChorusEvent>();
        } catch {
          message.term();
          continue;
        }
        if (!matchesNames(event, options.names)) {
          message.ack();
          continue;
        }
        try {
          await handler(event);
          message.ack();
        } catch (error) {
          this.logger.error(
            { err: error, event: event.name, subscriber: options.durable },
            "event handler failed",
          );
          // Durable work is retried after a pause; a broadcast is best effort.
          if (options.durable) message.nak(options.retryDelayMs ?? 5_000);
          else message.ack();
        }
      }
    })();
    const stop = async () => {
      this.stops.delete(stop);
      await messages.close();
      await done;
    };
    this.stops.add(stop);
    return stop;
  }

  private async durableConsumer(name: string) {
    try {
      await this.jsm.consumers.info(this.streamName, name);
    } catch {
      await this.jsm.consumers.add(this.streamName, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
        ack_wait: nanos(30_000),
        max_deliver: 20,
      });
    }
    return this.js.consumers.get(this.streamName, name);
  }

  async close() {
    for (const stop of [...this.stops]) await stop();
    await this.nc.drain();
  }
}
