/**
 * The post as the listening engine sees it: already normalised by a connector, enriched
 * (language, sentiment) before matching so field filters such as `language:` can apply.
 * Pure data: no database types leak into the engine.
 */
export interface Post {
  id: string;
  text: string;
  title?: string;
  /** Author handle without the leading @. */
  author?: string;
  authorFollowers?: number;
  url?: string;
  /** URLs linked from the post. */
  links?: string[];
  /** Host of `url`, lower case, without "www.". */
  site?: string;
  /** ISO 639-1 code, set by enrichment. */
  language?: string;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  /** Source kind: rss, atom, mastodon, bluesky, reddit, webhook, import, demo… */
  channel?: string;
  sentiment?: "positive" | "negative" | "neutral";
  /** Review rating, for example 1–5. */
  rating?: number;
  createdAt?: string;
}
