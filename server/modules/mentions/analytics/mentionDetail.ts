import type { Database } from "../../../db/database";
import { notFound } from "../../../http/errors";
import { MENTION_COLUMNS, presentMentions } from "./presentMentions";

/** One mention with its topics, highlights and tags (the drill-down view). */
export async function mentionDetail(db: Database, organisationId: string, id: number) {
  const row = await db
    .selectFrom("mentions as m")
    .leftJoin("authors as a", "a.id", "m.author_id")
    .select([...MENTION_COLUMNS, "m.text"])
    .where("m.organisation_id", "=", organisationId)
    .where("m.id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Mention");
  const [presented] = await presentMentions(db, organisationId, [row]);
  return presented!;
}
