import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { badRequest } from "../../../http/errors";
import { type DashboardFilters, mentionWhere, resolveRange } from "./filters";
import { mergeSpans, searchWords, wordSpans } from "./highlight";

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

/** What a presented mention needs, besides its text (the stream caps it, the detail does not). */
export const MENTION_COLUMNS = [
  "m.id",
  "m.channel",
  "m.author_handle",
  "a.name as author_name",
  "a.url as author_url",
  "m.author_followers as followers",
  "m.title",
  "m.url",
  "m.language",
  "m.country",
  "m.sentiment",
  "m.sentiment_label",
  "m.intent",
  "m.hashtags",
  "m.likes",
  "m.shares",
  "m.replies",
  "m.views",
  "m.created_at",
  "m.near_duplicate_of",
] as const;

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

  const more = rows.length > s.limit;
  const pageRows = rows.slice(0, s.limit);
  const ids = pageRows.map((r) => Number(r.id));
  const [matches, tags] = ids.length
    ? await Promise.all([
        db
          .selectFrom("mention_topics")
          .select(["mention_id", "topic_id", "spans"])
          .where("organisation_id", "=", organisationId)
          .where("mention_id", "in", ids)
          .execute(),
        db
          .selectFrom("mention_tags")
          .select(["mention_id", "tag"])
          .where("organisation_id", "=", organisationId)
          .where("mention_id", "in", ids)
          .orderBy("tag")
          .execute(),
      ])
    : [[], []];
  const words = searchWords(q);
  const data = pageRows.map((row) => {
    const id = Number(row.id);
    const own = matches.filter((m) => Number(m.mention_id) === id);
    // Highlight what the selected topics matched (all topics when none is selected).
    const shown = s.topicIds?.length ? own.filter((m) => s.topicIds!.includes(m.topic_id)) : own;
    return presentMention(row, {
      topicIds: own.map((m) => m.topic_id),
      tags: tags.filter((t) => Number(t.mention_id) === id).map((t) => t.tag),
      highlights: mergeSpans(
        [...shown.map((m) => m.spans as [number, number][]), wordSpans(row.text, words)],
        row.text.length,
      ),
    });
  });
  const last = pageRows.at(-1);
  return {
    data,
    nextCursor:
      more && last
        ? encode({
            key: sort === "reach" ? Number(last.followers) : new Date(last.created_at).getTime(),
            id: Number(last.id),
          })
        : null,
  };
}

type Row = {
  id: number;
  channel: string;
  author_handle: string | null;
  author_name: string | null;
  author_url: string | null;
  followers: number;
  text: string;
  title: string | null;
  url: string | null;
  language: string | null;
  country: string | null;
  sentiment: number | null;
  sentiment_label: string | null;
  intent: string | null;
  hashtags: string[];
  likes: number;
  shares: number;
  replies: number;
  views: number;
  created_at: Date;
  near_duplicate_of: number | null;
};

export function presentMention(
  row: Row,
  extra: { topicIds: string[]; tags: string[]; highlights: [number, number][] },
) {
  return {
    id: String(row.id),
    channel: row.channel,
    author: {
      handle: row.author_handle,
      name: row.author_name,
      url: row.author_url,
      followers: Number(row.followers),
    },
    text: row.text,
    title: row.title,
    url: row.url,
    language: row.language,
    country: row.country,
    sentiment: row.sentiment,
    sentimentLabel: row.sentiment_label ?? "neutral",
    intent: row.intent,
    hashtags: row.hashtags,
    engagement: { likes: row.likes, shares: row.shares, replies: row.replies, views: row.views },
    createdAt: new Date(row.created_at).toISOString(),
    duplicateOf: row.near_duplicate_of === null ? null : String(row.near_duplicate_of),
    ...extra,
  };
}
export type PresentedMention = ReturnType<typeof presentMention>;
