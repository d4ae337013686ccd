import type { NormalisedPost } from "../types";

/** A Reddit "thing" as it appears in a Listing's children. */
export interface RedditThing {
  kind: string;
  data: Record<string, unknown> & { name?: string; created_utc?: number };
}

export interface RedditListing {
  kind: "Listing";
  data: { after: string | null; before: string | null; children: RedditThing[] };
}

export function isListing(body: unknown): body is RedditListing {
  const b = body as RedditListing | null;
  return !!b && b.kind === "Listing" && !!b.data && Array.isArray(b.data.children);
}

/** Reddit's JSON still HTML-escapes &, < and > in titles and bodies (a legacy of its markdown renderer). */
export function decodeRedditText(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x200B;/gi, "")
    .replace(/&amp;/g, "&");
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function author(data: Record<string, unknown>): NormalisedPost["author"] {
  const name = str(data.author);
  // "[deleted]" is Reddit's placeholder for removed accounts, not a person.
  if (!name || name === "[deleted]") return undefined;
  return { handle: `u/${name}`, url: `https://www.reddit.com/user/${name}` };
}

/** Maps t3 (link/self post) and t1 (comment); other kinds (t5 subreddit, more…) give null. */
export function thingToPost(thing: RedditThing): NormalisedPost | null {
  const d = thing.data;
  const name = str(d.name);
  const created = num(d.created_utc);
  if (!name || created === undefined) return null;
  const permalink = str(d.permalink);
  const base = {
    channel: "reddit" as const,
    externalId: name,
    createdAt: new Date(created * 1000).toISOString(),
    author: author(d),
    raw: thing,
  };
  if (thing.kind === "t3") {
    const title = decodeRedditText(str(d.title) ?? "");
    const body = decodeRedditText(str(d.selftext) ?? "");
    const post: NormalisedPost = {
      ...base,
      title,
      text: body ? `${title}\n\n${body}` : title,
      engagement: { likes: num(d.score), replies: num(d.num_comments), shares: num(d.num_crossposts) },
    };
    if (permalink) post.url = `https://www.reddit.com${permalink}`;
    return post;
  }
  if (thing.kind === "t1") {
    const post: NormalisedPost = {
      ...base,
      text: decodeRedditText(str(d.body) ?? ""),
      engagement: { likes: num(d.score) },
    };
    const linkTitle = str(d.link_title);
    if (linkTitle) post.title = decodeRedditText(linkTitle);
    if (permalink) post.url = `https://www.reddit.com${permalink}`;
    if (str(d.parent_id)) post.replyToExternalId = d.parent_id as string;
    if (str(d.link_id)) post.threadExternalId = d.link_id as string;
    return post;
  }
  return null;
}
