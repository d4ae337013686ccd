import type { Selectable } from "kysely";
import type { AppContext } from "../../context";
import { publicUrl } from "../../context";
import { recordEvent } from "../../events/record";
import { managerEmails } from "../organisations/contacts";
import { organisationsRepo } from "../organisations/repository";
import { buildDigest, type DigestContent, type DigestPeriod } from "./buildDigest";
import { formatDigest } from "./formatDigest";
import { readDigestSettings } from "./settings";
import type { DigestsTable } from "./tables";

const DAY = 86_400_000;
/** Digests go out at this UTC hour, once per period. */
export const SEND_HOUR_UTC = 7;

type Ctx = Pick<AppContext, "db" | "config" | "mailer" | "logger">;
export type AlertSource = (organisationId: string, from: Date, to: Date) => Promise<DigestContent["alerts"]>;

/** The newest send time at or before `now`: today's (or this Monday's) 07:00 UTC. */
export function dueAt(period: DigestPeriod, now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(SEND_HOUR_UTC, 0, 0, 0);
  if (at > now) at.setTime(at.getTime() - DAY);
  if (period === "weekly") {
    const sinceMonday = (at.getUTCDay() + 6) % 7;
    at.setTime(at.getTime() - sinceMonday * DAY);
  }
  return at;
}

/**
 * Builds, stores and mails one digest (also used by "send now"). The stored copy is what the
 * app shows; mail failures are logged and do not lose it.
 */
export async function sendDigest(
  ctx: Ctx,
  organisationId: string,
  period: DigestPeriod,
  end: Date,
  alerts: AlertSource,
): Promise<Selectable<DigestsTable>> {
  const span = period === "daily" ? DAY : 7 * DAY;
  const content = await buildDigest(
    ctx.db,
    organisationId,
    period,
    end,
    await alerts(organisationId, new Date(end.getTime() - span), end),
  );
  const settings = await readDigestSettings(ctx.db, organisationId);
  const recipients = settings.recipients.length
    ? settings.recipients
    : await managerEmails(ctx.db, organisationId);
  const organisation = await organisationsRepo.findById(ctx.db, organisationId);
  const digest = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("digests")
      .values({
        organisation_id: organisationId,
        period,
        period_start: new Date(content.from),
        period_end: new Date(content.to),
        content: JSON.stringify(content),
        recipients,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(
      trx,
      { userId: null, organisationId },
      {
        name: "digest.created",
        subjectType: "digest",
        subjectId: row.id,
        data: { period, recipients: recipients.length },
        audit: false,
      },
    );
    return row;
  });
  const mail = formatDigest(content, organisation?.name ?? "your organisation", publicUrl(ctx.config));
  // One bad address or a mail server hiccup must not cost the others their digest.
  for (const to of recipients) {
    await ctx.mailer.send({ to, ...mail }).catch((error: unknown) => {
      ctx.logger.warn({ err: error, organisationId, to }, "digest mail failed");
    });
  }
  return digest;
}

/**
 * Housekeeping: every organisation whose digest is due gets one. "Due" is claimed with an
 * update of `last_sent_at` guarded by its old value, so two processes never both send it.
 */
export async function sendDueDigests(ctx: Ctx, alerts: AlertSource, now = new Date()): Promise<number> {
  const rows = await ctx.db
    .selectFrom("digest_settings")
    .select(["organisation_id", "frequency", "last_sent_at"])
    .where("frequency", "!=", "off")
    .execute();
  let sent = 0;
  for (const row of rows) {
    const period = row.frequency as DigestPeriod;
    const due = dueAt(period, now);
    if (row.last_sent_at && row.last_sent_at >= due) continue;
    const claimed = await ctx.db
      .updateTable("digest_settings")
      .set({ last_sent_at: now })
      .where("organisation_id", "=", row.organisation_id)
      .where((eb) =>
        row.last_sent_at ? eb("last_sent_at", "=", row.last_sent_at) : eb("last_sent_at", "is", null),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    await sendDigest(ctx, row.organisation_id, period, due, alerts);
    sent++;
  }
  return sent;
}
