import type { Database } from "../../../db/database";
import { notFound } from "../../../http/errors";
import { mergeSpans } from "./highlight";
import { MENTION_COLUMNS, presentMention } from "./searchMentions";

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
  const [matches, tags] = await Promise.all([
    db.selectFrom("mention_topics").select(["topic_id", "spans"]).where("mention_id", "=", id).execute(),
    db.selectFrom("mention_tags").select("tag").where("mention_id", "=", id).orderBy("tag").execute(),
  ]);
  const highlights = mergeSpans(
    matches.map((m) => m.spans as [number, number][]),
    row.text.length,
  );
  return presentMention(row, {
    topicIds: matches.map((m) => m.topic_id),
    tags: tags.map((t) => t.tag),
    highlights,
  });
}
