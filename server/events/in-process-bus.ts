import type { Logger } from "pino";
import {
  type ChorusEvent,
  type EventBus,
  type EventHandler,
  matchesNames,
  type SubscribeOptions,
} from "./types";

/**
 * The embedded default: one process, so "durable" and broadcast subscriptions both simply
 * run in this process. Handler failures are logged and do not stop the other handlers.
 */
export class InProcessBus implements EventBus {
  readonly kind = "in-process" as const;
  private readonly subscribers = new Set<{ handler: EventHandler; options: SubscribeOptions }>();

  constructor(private readonly logger: Logger) {}

  healthy() {
    return true;
  }

  async publish(events: ChorusEvent[]): Promise<void> {
    for (const event of events) {
      for (const sub of this.subscribers) {
        if (!matchesNames(event, sub.options.names)) continue;
        try {
          await sub.handler(event);
        } catch (error) {
          this.logger.error(
            { err: error, event: event.name, subscriber: sub.options.durable },
            "event handler failed",
          );
        }
      }
    }
  }

  async subscribe(handler: EventHandler, options: SubscribeOptions = {}) {
    const entry = { handler, options };
    this.subscribers.add(entry);
    return async () => {
      this.subscribers.delete(entry);
    };
  }

  async close() {
    this.subscribers.clear();
  }
}
