import type { ColumnType, Generated } from "kysely";

export interface EventsTable {
  id: Generated<number>;
  organisation_id: string | null;
  actor_id: string | null;
  name: string;
  subject_type: string | null;
  subject_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
  ip: string | null;
  request_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  published_at: Date | null;
  audit: ColumnType<boolean, boolean | undefined, never>;
}

export interface InstanceTable {
  id: Generated<string>;
  singleton: Generated<boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface EventsTables {
  events: EventsTable;
  instance: InstanceTable;
}
