import { domainOf } from "../../../shared/listening/enrich";
import type { Node, Query } from "../../../shared/listening/query";
import type { Post } from "../../../shared/listening/types";
import type { Database } from "../../db/database";

/**
 * A stored mention as the listening engine sees it. The backfill runner and the topic preview
 * both match stored mentions, so both build the `Post` here: a query previews exactly what its
 * backfill will match.
 */
export const MENTION_POST_COLUMNS = [
  "mentions.id",
  "mentions.text",
  "mentions.title",
  "mentions.author_handle",
  "mentions.url",
  "mentions.language",
  "mentions.country",
  "mentions.channel",
  "mentions.sentiment_label",
  "mentions.rating",
  "mentions.entities",
  "mentions.created_at",
] as const;

export type MentionPostColumn = (typeof MENTION_POST_COLUMNS)[number];

export interface MentionPostRow {
  id: string | number | bigint;
  text: string;
  title: string | null;
  author_handle: string | null;
  url: string | null;
  language: string | null;
  country: string | null;
  channel: string;
  sentiment_label: "positive" | "negative" | "neutral" | null;
  rating: number | null;
  entities: unknown;
  followers: number | null;
}

/** Which columns a query can look at, beyond the text. */
export interface PostColumns {
  columns: readonly MentionPostColumn[];
  followers: boolean;
}

export const ALL_POST_COLUMNS: PostColumns = { columns: MENTION_POST_COLUMNS, followers: true };

const FIELD_COLUMNS: Record<string, MentionPostColumn> = {
  title: "mentions.title",
  author: "mentions.author_handle",
  site: "mentions.url",
  url: "mentions.url",
  links: "mentions.entities",
  language: "mentions.language",
  country: "mentions.country",
  channel: "mentions.channel",
  sentiment: "mentions.sentiment_label",
  rating: "mentions.rating",
};

/**
 * The columns a query needs to be evaluated: the text always, others only for the fields it
 * names. Parsing fewer columns is most of the cost of reading 10,000 rows (dates and JSON).
 */
export function postColumnsFor(query: Query): PostColumns {
  const columns = new Set<MentionPostColumn>(["mentions.id", "mentions.text"]);
  let followers = false;
  const walk = (n: Node): void => {
    switch (n.type) {
      case "and":
      case "or":
        for (const c of n.children) walk(c);
        return;
      case "not":
        walk(n.child);
        return;
      case "near":
        walk(n.left);
        walk(n.right);
        return;
      case "field":
        columns.add("mentions.title");
        walk(n.child);
        return;
      case "match":
      case "range":
        if (n.field === "authorFollowers") followers = true;
        else columns.add(FIELD_COLUMNS[n.field]!);
        return;
      default:
        return;
    }
  };
  walk(query.root);
  return { columns: [...columns], followers };
}

/** `select … from mentions` with the columns `postOfMention` needs, for one organisation. */
export function selectMentionPosts(db: Database, organisationId: string, need = ALL_POST_COLUMNS) {
  return db
    .selectFrom("mentions")
    .select(need.columns)
    .$if(need.followers, (q) =>
      q.select((eb) =>
        eb
          .selectFrom("authors")
          .select("authors.followers")
          .whereRef("authors.id", "=", "mentions.author_id")
          .as("followers"),
      ),
    )
    .where("mentions.organisation_id", "=", organisationId);
}

/** Columns left out of the select (see `postColumnsFor`) are simply absent from the post. */
export function postOfMention(row: Partial<MentionPostRow> & Pick<MentionPostRow, "id" | "text">): Post {
  const urls = (((row.entities ?? {}) as { urls?: { url: string }[] }).urls ?? []).map((u) => u.url);
  return {
    id: String(row.id),
    text: row.text,
    title: row.title ?? undefined,
    author: row.author_handle ?? undefined,
    authorFollowers: row.followers ?? undefined,
    url: row.url ?? undefined,
    links: urls,
    site: row.url ? domainOf(row.url) || undefined : undefined,
    language: row.language ?? undefined,
    country: row.country ?? undefined,
    channel: row.channel ?? undefined,
    sentiment: row.sentiment_label ?? undefined,
    rating: row.rating ?? undefined,
  };
}
