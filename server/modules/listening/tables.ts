import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type TopicKind = "brand" | "product" | "competitor" | "campaign" | "other";

export interface TopicsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  kind: ColumnType<TopicKind, TopicKind | undefined, TopicKind>;
  query: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: ColumnType<number, number | undefined, number>;
}

export type BackfillStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface BackfillsTable {
  id: Generated<string>;
  organisation_id: string;
  topic_id: string;
  topic_version: number;
  status: ColumnType<BackfillStatus, BackfillStatus | undefined, BackfillStatus>;
  total: ColumnType<number, number | undefined, number>;
  processed: ColumnType<number, number | undefined, number>;
  matched: ColumnType<number, number | undefined, number>;
  last_mention_id: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ListeningTables {
  topics: TopicsTable;
  backfills: BackfillsTable;
}
