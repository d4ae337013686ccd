import type { Database } from "../../db/database";
import { type Actor, recordEvent } from "../../events/record";
import { authorize, type PolicyActor } from "../../policies/policy";

export const DEFAULT_CRISIS_TERMS = [
  "recall",
  "injury",
  "injured",
  "lawsuit",
  "breach",
  "outage",
  "fire",
  "burn",
  "burns",
  "unsafe",
  "dangerous",
  "hack",
  "hacked",
  "leak",
  "boycott",
  "scandal",
  "fraud",
  "toxic",
];

export interface AlertSettings {
  emailRecipients: string[];
  webhookUrl: string | null;
  crisisTerms: string[];
  enabled: boolean;
  updatedAt: Date | null;
}

/** The organisation's alert settings, or the defaults when it never saved any. */
export async function loadSettings(db: Database, organisationId: string): Promise<AlertSettings> {
  const row = await db
    .selectFrom("alert_settings")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row)
    return {
      emailRecipients: [],
      webhookUrl: null,
      crisisTerms: DEFAULT_CRISIS_TERMS,
      enabled: true,
      updatedAt: null,
    };
  return {
    emailRecipients: row.email_recipients,
    webhookUrl: row.webhook_url,
    crisisTerms: row.crisis_terms,
    enabled: row.enabled,
    updatedAt: row.updated_at,
  };
}

export interface SettingsInput {
  emailRecipients: string[];
  webhookUrl: string | null;
  crisisTerms: string[];
  enabled: boolean;
}

/** Replaces the settings (a PUT); terms are folded to lower case and de-duplicated. */
export async function updateAlertSettings(
  ctx: { db: Database },
  actor: PolicyActor,
  eventActor: Actor,
  input: SettingsInput,
): Promise<AlertSettings> {
  authorize(actor, "updateSettings", "Alert");
  const terms = [...new Set(input.crisisTerms.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  const emails = [...new Set(input.emailRecipients.map((e) => e.trim().toLowerCase()))];
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      email_recipients: emails,
      webhook_url: input.webhookUrl,
      crisis_terms: terms,
      enabled: input.enabled,
      updated_at: new Date(),
    };
    await trx
      .insertInto("alert_settings")
      .values({ organisation_id: actor.organisationId, ...values })
      .onConflict((oc) => oc.column("organisation_id").doUpdateSet(values))
      .execute();
    // The webhook URL may carry a token (Slack's do): record only whether one is set.
    await recordEvent(trx, eventActor, {
      name: "alert_settings.updated",
      subjectType: "alert_settings",
      subjectId: actor.organisationId,
      data: {
        emailRecipients: emails,
        webhook: input.webhookUrl ? new URL(input.webhookUrl).host : null,
        crisisTerms: terms,
        enabled: input.enabled,
      },
    });
  });
  return loadSettings(ctx.db, actor.organisationId);
}
