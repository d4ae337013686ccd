import type { ColumnType, Generated } from "kysely";

export interface SpacesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: Generated<string>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface SpaceMembersTable {
  space_id: string;
  user_id: string;
  added_at: ColumnType<Date, Date | undefined, never>;
}

export interface SpacesTables {
  spaces: SpacesTable;
  space_members: SpaceMembersTable;
}
