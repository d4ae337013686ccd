import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { badRequest } from "../../../http/errors";
import { page } from "../../../http/pagination";
import { type DashboardFilters, mentionWhere, resolveRange } from "./filters";
import { searchWords } from "./highlight";
import { MENTION_COLUMNS, presentMentions } from "./presentMentions";

export type MentionSort = "recent" | "reach";

export interface MentionSearch extends DashboardFilters {
  q?: string;
  tag?: string;
  sort?: MentionSort;
  cursor?: string;
  limit: number;
}

/** The searchable text, exactly as the GIN index `mentions_search_idx` is defined. */
export const SEARCH_VECTOR = sql`to_tsvector('simple', coalesce(m.title, '') || ' ' || m.text)`;

const TEXT_CAP = 2_000;

interface Cursor {
  key: number;
  id: number;
}
function encode(c: Cursor) {
  return Buffer.from(`${c.key}|${c.id}`).toString("base64url");
}
function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [key, id] = Buffer.from(raw, "base64url").toString().split("|").map(Number);
  // Bounded by what the columns hold (int4 followers, a timestamp in ms): anything else is forged.
  if (!Number.isSafeInteger(key) || key! < 0 || key! > 8.64e15 || !Number.isSafeInteger(id) || id! < 0)
    throw badRequest("Invalid cursor");
  return { key: key!, id: id! };
}

/**
 * The mention stream and search: the dashboard's filters, full text (web-search syntax over
 * PostgreSQL's `simple` text search), a tag, newest first or by reach (the author's followers when they posted), with
 * highlight ranges from the topic matches and the search words. Keyset pages.
 */
export async function searchMentions(db: Database, organisationId: string, s: MentionSearch) {
  const range = await resolveRange(db, organisationId, s);
  const sort = s.sort ?? "recent";
  const cursor = decode(s.cursor);
  if (cursor && sort === "reach" && cursor.key > 2_147_483_647) throw badRequest("Invalid cursor");
  const tag = s.tag?.trim().toLowerCase();
  const q = s.q?.trim() ?? "";
  const rows = await db
    .selectFrom("mentions as m")
    .leftJoin("authors as a", "a.id", "m.author_id")
    .select([...MENTION_COLUMNS, sql<string>`left(m.text, ${TEXT_CAP})`.as("text")])
    .where((eb) => mentionWhere(eb, organisationId, range, s))
    .$if(q.length > 0, (qb) =>
      qb.where(sql<boolean>`${SEARCH_VECTOR} @@ websearch_to_tsquery('simple', ${q})`),
    )
    .$if(Boolean(tag), (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom("mention_tags as t")
            .select(sql.lit(1).as("one"))
            .whereRef("t.mention_id", "=", "m.id")
            .where("t.tag", "=", tag!),
        ),
      ),
    )
    .$if(sort === "recent", (qb) => {
      const ordered = qb.orderBy("m.created_at", "desc").orderBy("m.id", "desc");
      return cursor
        ? ordered.where(
            sql<boolean>`(m.created_at, m.id) < (to_timestamp(${cursor.key / 1000}), ${cursor.id})`,
          )
        : ordered;
    })
    .$if(sort === "reach", (qb) => {
      const ordered = qb.orderBy("m.author_followers", "desc").orderBy("m.id", "desc");
      return cursor
        ? ordered.where(sql<boolean>`(m.author_followers, m.id) < (${cursor.key}, ${cursor.id})`)
        : ordered;
    })
    .limit(s.limit + 1)
    .execute();

  const result = page(rows, s.limit, (last) =>
    encode({
      key: sort === "reach" ? Number(last.followers) : new Date(last.created_at).getTime(),
      id: Number(last.id),
    }),
  );
  return {
    // Highlight what the selected topics matched (all topics when none is selected).
    data: await presentMentions(db, organisationId, result.data, {
      topicIds: s.topicIds,
      words: searchWords(q),
    }),
    nextCursor: result.nextCursor,
  };
}
