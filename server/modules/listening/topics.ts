import type { Database } from "../../db/database";
import type { TopicDefinition } from "./topicIndex";

/** Every topic of every organisation, grouped: what each process's matcher starts from. */
export async function loadAllTopicDefinitions(db: Database): Promise<Map<string, TopicDefinition[]>> {
  const rows = await db.selectFrom("topics").select(["id", "organisation_id", "query"]).execute();
  const byOrganisation = new Map<string, TopicDefinition[]>();
  for (const row of rows) {
    const list = byOrganisation.get(row.organisation_id) ?? [];
    list.push({ id: row.id, query: row.query });
    byOrganisation.set(row.organisation_id, list);
  }
  return byOrganisation;
}
