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

/** Names and kinds of an organisation's topics, for modules that report on them (digests). */
export async function topicSummaries(db: Database, organisationId: string) {
  const rows = await db
    .selectFrom("topics")
    .select(["id", "name", "kind"])
    .where("organisation_id", "=", organisationId)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}
