import type { ColumnType, Generated } from "kysely";

export type AlertKind = "volume_spike" | "negative_spike" | "keyword";
export type AlertStatus = "open" | "acknowledged";

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Touched = ColumnType<Date, Date | undefined, Date>;

export interface AlertsTable {
  id: Generated<string>;
  organisation_id: string;
  topic_id: string;
  kind: AlertKind;
  /** The crisis term of a keyword alert, "" otherwise. */
  term: ColumnType<string, string | undefined, string>;
  window_start: Date;
  window_end: Date;
  observed: number;
  expected: number;
  score: number;
  message: string;
  status: ColumnType<AlertStatus, AlertStatus | undefined, AlertStatus>;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  delivered_email_at: Date | null;
  delivered_webhook_at: Date | null;
  delivery_error: string | null;
  created_at: CreatedAt;
  updated_at: Touched;
}

export interface AlertSettingsTable {
  organisation_id: string;
  email_recipients: ColumnType<string[], string[] | undefined, string[]>;
  webhook_url: string | null;
  crisis_terms: ColumnType<string[], string[] | undefined, string[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Touched;
}

export interface AlertsTables {
  alerts: AlertsTable;
  alert_settings: AlertSettingsTable;
}
