import type { Database } from "../../db/database";
import { keysetPage } from "../../db/keyset";
import type { AlertWithNames } from "./presenters";
import type { AlertKind, AlertStatus } from "./tables";

/** Alerts with their topic's name and who acknowledged them; always scoped by organisation. */
function selectAlerts(db: Database, organisationId: string) {
  return db
    .selectFrom("alerts")
    .innerJoin("topics", "topics.id", "alerts.topic_id")
    .leftJoin("users", "users.id", "alerts.acknowledged_by")
    .selectAll("alerts")
    .select(["topics.name as topic_name", "users.name as acknowledged_by_name"])
    .where("alerts.organisation_id", "=", organisationId);
}

export const alertsRepo = {
  list(
    db: Database,
    organisationId: string,
    filters: { status?: AlertStatus; topicId?: string; kind?: AlertKind; cursor?: string; limit: number },
  ): Promise<AlertWithNames[]> {
    let q = selectAlerts(db, organisationId);
    if (filters.status) q = q.where("alerts.status", "=", filters.status);
    if (filters.topicId) q = q.where("alerts.topic_id", "=", filters.topicId);
    if (filters.kind) q = q.where("alerts.kind", "=", filters.kind);
    return keysetPage(q, filters, "alerts").execute() as Promise<AlertWithNames[]>;
  },

  find(db: Database, organisationId: string, id: string): Promise<AlertWithNames | undefined> {
    return selectAlerts(db, organisationId).where("alerts.id", "=", id).executeTakeFirst() as Promise<
      AlertWithNames | undefined
    >;
  },

  countOpen(db: Database, organisationId: string): Promise<number> {
    return db
      .selectFrom("alerts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", organisationId)
      .where("status", "=", "open")
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  /** For the digests module: what was raised in a period, oldest first. */
  raisedBetween(db: Database, organisationId: string, from: Date, to: Date) {
    return db
      .selectFrom("alerts")
      .select(["message", "created_at", "status"])
      .where("organisation_id", "=", organisationId)
      .where("created_at", ">=", from)
      .where("created_at", "<", to)
      .orderBy("created_at")
      .limit(200)
      .execute()
      .then((rows) =>
        rows.map((r) => ({ message: r.message, at: r.created_at.toISOString(), status: r.status })),
      );
  },
};
