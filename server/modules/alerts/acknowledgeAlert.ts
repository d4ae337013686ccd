import type { AppContext } from "../../context";
import { type Actor, recordEvent } from "../../events/record";
import { notFound } from "../../http/errors";
import { authorize, type PolicyActor } from "../../policies/policy";

/**
 * Marks an alert as seen and handled by someone. Acknowledging twice keeps the first
 * acknowledgement (who and when) and writes no second event.
 */
export async function acknowledgeAlert(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
) {
  authorize(actor, "acknowledge", "Alert");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("alerts")
      .selectAll()
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("Alert");
    if (row.status === "acknowledged") return row;
    const updated = await trx
      .updateTable("alerts")
      .set({
        status: "acknowledged",
        acknowledged_by: actor.userId,
        acknowledged_at: new Date(),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "alert.acknowledged",
      subjectType: "alert",
      subjectId: id,
      data: { kind: row.kind, topicId: row.topic_id, message: row.message },
    });
    return updated;
  });
}
