import type { Database } from "../../../db/database";
import { mergeSpans, wordSpans } from "./highlight";

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

export type MentionRow = {
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
  row: MentionRow,
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

const groupBy = <T>(rows: T[], key: (row: T) => number) => {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
};

/**
 * Presents mentions with their topics, tags and highlights: what the given topics matched (all
 * topics when none are given) merged with the search words. Two queries for the whole page.
 */
export async function presentMentions(
  db: Database,
  organisationId: string,
  rows: MentionRow[],
  highlight: { topicIds?: string[]; words?: string[] } = {},
) {
  const ids = rows.map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const [matches, tags] = await Promise.all([
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
  ]);
  const matchesOf = groupBy(matches, (m) => Number(m.mention_id));
  const tagsOf = groupBy(tags, (t) => Number(t.mention_id));
  return rows.map((row) => {
    const own = matchesOf.get(Number(row.id)) ?? [];
    const shown = highlight.topicIds?.length
      ? own.filter((m) => highlight.topicIds!.includes(m.topic_id))
      : own;
    return presentMention(row, {
      topicIds: own.map((m) => m.topic_id),
      tags: (tagsOf.get(Number(row.id)) ?? []).map((t) => t.tag),
      highlights: mergeSpans(
        [...shown.map((m) => m.spans as [number, number][]), wordSpans(row.text, highlight.words ?? [])],
        row.text.length,
      ),
    });
  });
}
