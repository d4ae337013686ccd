import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string | undefined, string>;

export type SourceStatus = "idle" | "running" | "error" | "paused";

export interface SourcesTable {
  id: Generated<string>;
  organisation_id: string;
  kind: string;
  name: string;
  settings: Json<Record<string, unknown>>;
  cursor: Json<unknown> | null;
  enabled: Generated<boolean>;
  status: ColumnType<SourceStatus, SourceStatus | undefined, SourceStatus>;
  last_error: string | null;
  last_error_at: Date | null;
  last_success_at: Date | null;
  posts_ingested: Generated<number>;
  rate_limit_per_minute: Generated<number>;
  webhook_secret: string | null;
  next_run_at: Date | null;
  lease_owner: string | null;
  lease_until: Date | null;
  consecutive_failures: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ImportsTable {
  id: Generated<string>;
  organisation_id: string;
  file_name: string;
  format: "csv" | "jsonl";
  status: ColumnType<
    "running" | "done" | "failed",
    "running" | "done" | "failed" | undefined,
    "running" | "done" | "failed"
  >;
  bytes_total: Generated<number>;
  bytes_read: Generated<number>;
  rows_ok: Generated<number>;
  rows_failed: Generated<number>;
  errors: Json<{ line: number; message: string }[]>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Date | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  received_at: Generated<Date>;
}

export interface IngestionTables {
  sources: SourcesTable;
  imports: ImportsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
