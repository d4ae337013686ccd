/**
 * The event every mutation writes. Names are `resource.verb` in the past tense
 * (`invitation.created`, `member.role_changed`), and double as audit-log entries.
 */
export interface ChorusEvent {
  id: number;
  /** The database the event was written in; with `id`, a globally unique key. */
  instanceId: string;
  name: string;
  organisationId: string | null;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  createdAt: string;
  /** False for system events kept out of the audit log. */
  audit: boolean;
}

export type EventHandler = (event: ChorusEvent) => Promise<void> | void;

export interface SubscribeOptions {
  /**
   * Durable work: one handler in the whole cluster processes each event (a JetStream durable
   * consumer named after the subscriber; redelivered if a worker dies). Without it the
   * subscription is a broadcast: every process gets every event (live updates to its browsers).
   */
  durable?: string;
  /** Pause before a failed durable event is delivered again. */
  retryDelayMs?: number;
  /** Event name filter; `*` matches everything. */
  names?: string[];
}

export interface EventBus {
  readonly kind: "in-process" | "nats";
  /** False while the connection to the broker is down (readiness reports it). */
  healthy(): boolean;
  publish(events: ChorusEvent[]): Promise<void>;
  subscribe(handler: EventHandler, options?: SubscribeOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function matchesNames(event: ChorusEvent, names: string[] | undefined): boolean {
  if (!names || names.length === 0 || names.includes("*")) return true;
  return names.some((n) => (n.endsWith(".*") ? event.name.startsWith(n.slice(0, -1)) : n === event.name));
}
