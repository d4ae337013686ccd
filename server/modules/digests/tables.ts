import type { ColumnType, Generated } from "kysely";

export interface DigestSettingsTable {
  organisation_id: string;
  frequency: Generated<"off" | "daily" | "weekly">;
  recipients: ColumnType<string[], string[] | undefined, string[]>;
  last_sent_at: Date | null;
  updated_at: Generated<Date>;
}

export interface DigestsTable {
  id: Generated<string>;
  organisation_id: string;
  period: "daily" | "weekly";
  period_start: Date;
  period_end: Date;
  content: ColumnType<unknown, string, string>;
  recipients: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
}

export interface DigestsTables {
  digest_settings: DigestSettingsTable;
  digests: DigestsTable;
}
