import type { Transaction } from "kysely";
import type { DB } from "../db/schema";

/** Who did it and from where: threaded from the request into every use case. */
export interface Actor {
  userId: string | null;
  organisationId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface NewEvent {
  name: string;
  subjectType?: string;
  subjectId?: string;
  /** Omit secrets: events are the audit log and are shown to admins. */
  data?: Record<string, unknown>;
  /** Defaults to the actor's organisation. */
  organisationId?: string | null;
  /** False for system events that are not someone's action (kept out of the audit log). */
  audit?: boolean;
}

/**
 * Writes the event row inside the caller's transaction (the outbox pattern): the event exists
 * if and only if the mutation committed. The relay publishes it afterwards.
 */
export async function recordEvent(trx: Transaction<DB>, actor: Actor, event: NewEvent): Promise<void> {
  await trx
    .insertInto("events")
    .values({
      name: event.name,
      organisation_id: event.organisationId === undefined ? actor.organisationId : event.organisationId,
      actor_id: actor.userId,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      data: JSON.stringify(event.data ?? {}),
      ip: actor.ip ?? null,
      request_id: actor.requestId ?? null,
      audit: event.audit ?? true,
    })
    .execute();
}
