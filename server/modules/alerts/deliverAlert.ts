import type { AppContext } from "../../context";
import { publicUrl } from "../../context";
import { recordEvent } from "../../events/record";
import { safeFetch } from "../ingestion/connectors/net/safe-fetch";
import { managerEmails } from "../organisations/contacts";
import type { AlertRow } from "./evaluateAlerts";
import { loadSettings } from "./settings";

export interface DeliveryOptions {
  /** Lets the webhook reach private addresses (tests, on-prem); default: the operator flag. */
  allowPrivateNetworks?: boolean;
  timeoutMs?: number;
}

const KIND_LABEL: Record<AlertRow["kind"], string> = {
  volume_spike: "Volume spike",
  negative_spike: "Negative sentiment spike",
  keyword: "Crisis keyword",
};

/** The Slack-compatible body (also understood by Mattermost, Rocket.Chat, Teams' Slack mode). */
export function slackPayload(alert: AlertRow & { topicName: string }, link: string) {
  const title = `${KIND_LABEL[alert.kind]}: ${alert.topicName}`;
  return {
    text: `:rotating_light: ${title}. ${alert.message}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: alert.message } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Observed ${round(alert.observed)} · expected ${round(alert.expected)} · score ${alert.score.toFixed(1)} · <${link}|Open in Chorus>`,
          },
        ],
      },
    ],
  };
}

const round = (n: number) => (n < 1 ? `${Math.round(n * 100)}%` : String(Math.round(n * 10) / 10));

/**
 * Sends new alerts by email and webhook and records the outcome on each alert. Never throws:
 * a failing SMTP server or webhook is logged and stored in `delivery_error`.
 */
export async function deliverAlerts(
  ctx: Pick<AppContext, "db" | "mailer" | "logger" | "config">,
  organisationId: string,
  alerts: (AlertRow & { topicName: string })[],
  options: DeliveryOptions = {},
): Promise<void> {
  if (alerts.length === 0) return;
  try {
    const settings = await loadSettings(ctx.db, organisationId);
    const recipients =
      settings.emailRecipients.length > 0
        ? settings.emailRecipients
        : await managerEmails(ctx.db, organisationId);
    for (const alert of alerts) {
      const errors: string[] = [];
      let emailed = false;
      let posted = false;
      const link = `${publicUrl(ctx.config)}/listen/alerts`;
      for (const to of recipients) {
        try {
          await ctx.mailer.send({
            to,
            subject: `[Chorus alert] ${KIND_LABEL[alert.kind]}: ${alert.topicName}`,
            text: `${alert.message}\n\nOpen the alert history to acknowledge it: ${link}\n`,
          });
          emailed = true;
        } catch (error) {
          errors.push(`email to ${to}: ${(error as Error).message}`);
        }
      }
      if (settings.webhookUrl) {
        try {
          const res = await safeFetch(settings.webhookUrl, {
            method: "POST",
            body: JSON.stringify(slackPayload(alert, link)),
            headers: { "content-type": "application/json", "user-agent": "Chorus-Alerts/1" },
            timeoutMs: options.timeoutMs ?? 10_000,
            maxBytes: 64 * 1024,
            allowPrivateNetworks: options.allowPrivateNetworks ?? ctx.config.CHORUS_ALLOW_PRIVATE_SOURCES,
          });
          if (res.status >= 200 && res.status < 300) posted = true;
          else errors.push(`webhook answered ${res.status}`);
        } catch (error) {
          errors.push(`webhook: ${(error as Error).message}`);
        }
      }
      const error = errors.length ? errors.join("; ").slice(0, 1000) : null;
      if (error) ctx.logger.warn({ alertId: alert.id, error }, "alert delivery failed");
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("alerts")
          .set({
            ...(emailed ? { delivered_email_at: new Date() } : {}),
            ...(posted ? { delivered_webhook_at: new Date() } : {}),
            delivery_error: error,
          })
          .where("organisation_id", "=", organisationId)
          .where("id", "=", alert.id)
          .execute();
        await recordEvent(
          trx,
          { userId: null, organisationId },
          {
            name: "alert.delivered",
            subjectType: "alert",
            subjectId: alert.id,
            audit: false,
            data: { email: emailed ? recipients.length : 0, webhook: posted, error },
          },
        );
      });
    }
  } catch (error) {
    ctx.logger.error({ err: error, organisationId }, "alert delivery crashed");
  }
}
