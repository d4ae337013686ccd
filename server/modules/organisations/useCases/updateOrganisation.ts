import type { AppContext } from "../../../context";
import { type Actor, recordEvent } from "../../../events/record";
import { notFound } from "../../../http/errors";
import { authorize, type PolicyActor } from "../../../policies/policy";

export async function updateOrganisation(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { name?: string | undefined; retentionDays?: number | null | undefined },
) {
  authorize(actor, "update", "Organisation");
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("organisations")
      .select(["name", "retention_days"])
      .where("id", "=", actor.organisationId)
      .executeTakeFirst();
    if (!before) throw notFound("Organisation");
    const row = await trx
      .updateTable("organisations")
      .set({
        name: input.name?.trim() ?? before.name,
        retention_days: input.retentionDays === undefined ? before.retention_days : input.retentionDays,
        updated_at: new Date(),
      })
      .where("id", "=", actor.organisationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "organisation.updated",
      subjectType: "organisation",
      subjectId: row.id,
      data: {
        from: { name: before.name, retentionDays: before.retention_days },
        to: { name: row.name, retentionDays: row.retention_days },
      },
    });
    return row;
  });
}
