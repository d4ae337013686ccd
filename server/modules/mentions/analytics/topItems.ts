import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { keyTerms } from "../../ingestion/pipeline/terms";
import { type DashboardFilters, mentionWhere, resolveRange } from "./filters";

export interface Ranked {
  value: string;
  count: number;
}

export interface TopItemsResult {
  /** How many mentions the figures come from (the newest matching ones, up to SAMPLE). */
  sample: number;
  hashtags: Ranked[];
  terms: Ranked[];
  emoji: Ranked[];
  authors: (Ranked & { channel: string; followers: number })[];
}

/** Newest matching mentions the top lists are counted over: exact for most ranges, a sample for busy ones. */
export const SAMPLE = 2_000;

function top(counts: Map<string, number>, limit: number): Ranked[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Top hashtags, terms, emoji and authors under the dashboard's filters, counted over the newest
 * SAMPLE matching mentions. Per-term rollups cannot honour every filter combination at a bounded
 * size; a recent sample can, and the response says how large it was.
 */
export async function topItems(
  db: Database,
  organisationId: string,
  filters: DashboardFilters,
  limit = 10,
): Promise<TopItemsResult> {
  const range = await resolveRange(db, organisationId, filters);
  const rows = await db
    .selectFrom("mentions as m")
    .leftJoin("authors as a", "a.id", "m.author_id")
    .select([
      "m.channel",
      "m.author_handle",
      sql<number>`coalesce(a.followers, 0)`.as("followers"),
      sql<string>`left(coalesce(m.title, '') || ' ' || m.text, 1000)`.as("text"),
      "m.hashtags",
      sql<unknown>`m.entities -> 'emoji'`.as("emoji"),
    ])
    .where((eb) => mentionWhere(eb, organisationId, range, filters))
    .orderBy("m.created_at", "desc")
    .limit(SAMPLE)
    .execute();

  const hashtags = new Map<string, number>();
  const terms = new Map<string, number>();
  const emoji = new Map<string, number>();
  const authors = new Map<string, number>();
  const authorInfo = new Map<string, { channel: string; followers: number }>();
  for (const row of rows) {
    for (const tag of new Set(row.hashtags.map((t) => t.toLowerCase()))) bump(hashtags, tag);
    for (const term of keyTerms(row.text)) bump(terms, term);
    if (Array.isArray(row.emoji)) for (const e of new Set(row.emoji.map(String))) bump(emoji, e);
    if (row.author_handle) {
      const key = `${row.channel}\u0000${row.author_handle}`;
      bump(authors, key);
      authorInfo.set(key, { channel: row.channel, followers: Number(row.followers) });
    }
  }
  return {
    sample: rows.length,
    hashtags: top(hashtags, limit),
    terms: top(terms, limit),
    emoji: top(emoji, limit),
    authors: top(authors, limit).map((r) => ({
      ...r,
      value: r.value.split("\u0000")[1]!,
      ...authorInfo.get(r.value)!,
    })),
  };
}
