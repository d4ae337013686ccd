import type { Database } from "../../db/database";
import { type Actor, recordEvent } from "../../events/record";

export interface DigestSettings {
  frequency: "off" | "daily" | "weekly";
  recipients: string[];
  lastSentAt: string | null;
}

const present = (row?: {
  frequency: DigestSettings["frequency"];
  recipients: string[];
  last_sent_at: Date | null;
}) => ({
  frequency: row?.frequency ?? "off",
  recipients: row?.recipients ?? [],
  lastSentAt: row?.last_sent_at?.toISOString() ?? null,
});

/** An organisation's digest schedule; "off" with no recipients when it never set one. */
export async function readDigestSettings(db: Database, organisationId: string): Promise<DigestSettings> {
  const row = await db
    .selectFrom("digest_settings")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return present(row);
}

/** Sets the schedule and recipients (empty: owners and admins), with its event. */
export async function saveDigestSettings(
  db: Database,
  actor: Actor & { organisationId: string },
  input: Omit<DigestSettings, "lastSentAt">,
): Promise<DigestSettings> {
  const { frequency, recipients } = input;
  return db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto("digest_settings")
      .values({ organisation_id: actor.organisationId, frequency, recipients })
      .onConflict((oc) =>
        oc.column("organisation_id").doUpdateSet({ frequency, recipients, updated_at: new Date() }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      name: "digest_settings.updated",
      data: { frequency, recipients: recipients.length },
    });
    return present(saved);
  });
}
