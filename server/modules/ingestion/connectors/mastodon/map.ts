import type { NormalisedPost } from "../types";
import { htmlToText } from "./html";

/** The subset of Mastodon's Status entity the mapper reads; the full payload is kept as `raw`. */
export interface MastodonStatus {
  id: string;
  uri?: string;
  url?: string | null;
  created_at: string;
  content: string;
  spoiler_text?: string;
  language?: string | null;
  in_reply_to_id?: string | null;
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  reblog?: MastodonStatus | null;
  account: {
    acct: string;
    username?: string;
    display_name?: string;
    followers_count?: number;
    url?: string;
  };
  tags?: { name: string; url?: string }[];
}

/**
 * Status ids are only unique per instance (a remote toot has a different id on every instance),
 * so the external id is the status's API URL on the configured instance: unique, resolvable, and
 * reproducible from `in_reply_to_id` so replies link to their parent.
 */
export function statusExternalId(instanceUrl: string, id: string): string {
  return `${instanceUrl}/api/v1/statuses/${id}`;
}

export function isStatus(value: unknown): value is MastodonStatus {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === "string" &&
    typeof v.content === "string" &&
    typeof v.created_at === "string" &&
    !!v.account &&
    typeof (v.account as Record<string, unknown>).acct === "string"
  );
}

export function statusToPost(status: MastodonStatus, instanceUrl: string): NormalisedPost {
  // Boosts carry the original in `reblog`; what was said is the original's content.
  const s = status.reblog ?? status;
  const host = new URL(instanceUrl).host;
  // Local accounts' acct is the bare username; qualify it so handles are unique across instances.
  const handle = s.account.acct.includes("@") ? s.account.acct : `${s.account.acct}@${host}`;
  const spoiler = s.spoiler_text?.trim();
  const post: NormalisedPost = {
    channel: "mastodon",
    externalId: statusExternalId(instanceUrl, s.id),
    text: htmlToText(s.content),
    createdAt: new Date(s.created_at).toISOString(),
    author: {
      handle,
      name: s.account.display_name || undefined,
      followers: s.account.followers_count,
      url: s.account.url,
    },
    engagement: {
      likes: s.favourites_count,
      shares: s.reblogs_count,
      replies: s.replies_count,
    },
    raw: status,
  };
  if (spoiler) post.title = spoiler;
  if (s.url ?? s.uri) post.url = (s.url ?? s.uri) as string;
  if (s.language) post.language = s.language.slice(0, 2).toLowerCase();
  if (s.in_reply_to_id) post.replyToExternalId = statusExternalId(instanceUrl, s.in_reply_to_id);
  return post;
}

/** Snowflake ids compare numerically; as strings, longer is larger, then lexicographic. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxId(a: string | null, b: string): string {
  return a === null || compareIds(b, a) > 0 ? b : a;
}
