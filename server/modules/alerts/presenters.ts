import type { Selectable } from "kysely";
import { z } from "zod";
import type { AlertSettings } from "./settings";
import type { AlertsTable } from "./tables";

export const alertKind = z.enum(["volume_spike", "negative_spike", "keyword"]);
export const alertStatus = z.enum(["open", "acknowledged"]);

export const alertSchema = z.object({
  id: z.uuid(),
  topic: z.object({ id: z.uuid(), name: z.string() }),
  kind: alertKind,
  term: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  observed: z.number(),
  expected: z.number(),
  score: z.number(),
  message: z.string(),
  status: alertStatus,
  acknowledgedBy: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  acknowledgedAt: z.string().nullable(),
  delivery: z.object({
    emailAt: z.string().nullable(),
    webhookAt: z.string().nullable(),
    error: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const settingsSchema = z.object({
  emailRecipients: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  crisisTerms: z.array(z.string()),
  enabled: z.boolean(),
  updatedAt: z.string().nullable(),
});

export type AlertWithNames = Selectable<AlertsTable> & {
  topic_name: string;
  acknowledged_by_name: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAlert(row: AlertWithNames): z.infer<typeof alertSchema> {
  return {
    id: row.id,
    topic: { id: row.topic_id, name: row.topic_name },
    kind: row.kind,
    term: row.term || null,
    windowStart: row.window_start.toISOString(),
    windowEnd: row.window_end.toISOString(),
    observed: row.observed,
    expected: row.expected,
    score: row.score,
    message: row.message,
    status: row.status,
    acknowledgedBy: row.acknowledged_by ? { id: row.acknowledged_by, name: row.acknowledged_by_name } : null,
    acknowledgedAt: iso(row.acknowledged_at),
    delivery: {
      emailAt: iso(row.delivered_email_at),
      webhookAt: iso(row.delivered_webhook_at),
      error: row.delivery_error,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentSettings(s: AlertSettings): z.infer<typeof settingsSchema> {
  return {
    emailRecipients: s.emailRecipients,
    webhookUrl: s.webhookUrl,
    crisisTerms: s.crisisTerms,
    enabled: s.enabled,
    updatedAt: iso(s.updatedAt),
  };
}
