import { z } from "zod";
import { type SafeFetchOptions, type SafeResponse, safeFetch } from "../net/safe-fetch";
import {
  type ConnectorContext,
  ConnectorError,
  type NormalisedPost,
  type PollingConnector,
  type PollResult,
} from "../types";
import { type FeedItem, parseFeed } from "./parse";

/**
 * One polling connector for RSS, Atom and JSON Feed. The three exported kinds share this code and
 * sniff the body, because users paste whatever URL the site shows and "RSS" links often serve Atom.
 * The post's `channel` is the connector's kind (what the user configured), not the sniffed format,
 * so a site that switches format keeps its dedupe keys.
 *
 * Categories/tags are NOT folded into `text` (that would skew matching and sentiment); they stay in
 * `raw.categories`. A `tags` field on NormalisedPost would be the clean home for them.
 *
 * Network: this uses safeFetch (SSRF guard, pinned DNS, size cap) directly rather than ctx.fetch,
 * because the guard has to own the socket; ctx.signal/now/log are honoured.
 */
export const feedSettings = z.object({
  url: z.string().url().max(2048),
  allowPrivateNetworks: z.boolean().optional(),
  /** Most posts returned per poll (newest first). Default 100. */
  maxItems: z.number().int().min(1).max(1000).optional(),
  /** Default 5 min; never below 1 min to be polite to small sites. */
  pollIntervalMs: z.number().int().min(60_000).max(86_400_000).optional(),
});
export type FeedSettings = z.infer<typeof feedSettings>;

export interface FeedCursor {
  etag?: string;
  lastModified?: string;
  /** Ids already emitted (newest first, bounded): a re-poll yields only items not in here. */
  seen: string[];
  /** Consecutive failed polls, drives the backoff. */
  failures: number;
  lastError?: string;
}

export const DEFAULT_POLL_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;
const SEEN_CAP = 2_000;
const ACCEPT =
  "application/feed+json, application/atom+xml, application/rss+xml, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

export interface FeedConnectorDeps {
  /** Test seam; defaults to safeFetch. */
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeResponse>;
  maxBytes?: number;
  timeoutMs?: number;
}

export function createFeedConnector(
  kind: "rss" | "atom" | "jsonfeed",
  deps: FeedConnectorDeps = {},
): PollingConnector<FeedSettings, FeedCursor> {
  const fetcher = deps.fetch ?? safeFetch;
  return {
    kind,
    mode: "poll",
    settings: feedSettings,
    async poll(settings, cursor, ctx): Promise<PollResult<FeedCursor>> {
      const state: FeedCursor = cursor ?? { seen: [], failures: 0 };
      const interval = settings.pollIntervalMs ?? DEFAULT_POLL_MS;
      const headers: Record<string, string> = {
        accept: ACCEPT,
        "user-agent": "Chorus feed reader (+https://github.com/chorus)",
      };
      if (state.etag) headers["if-none-match"] = state.etag;
      if (state.lastModified) headers["if-modified-since"] = state.lastModified;

      let res: SafeResponse;
      try {
        res = await fetcher(settings.url, {
          allowPrivateNetworks: settings.allowPrivateNetworks ?? false,
          signal: ctx.signal,
          headers,
          ...(deps.maxBytes ? { maxBytes: deps.maxBytes } : {}),
          ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
        });
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === "retryable")
          return backoff(state, interval, err.message, ctx);
        throw err;
      }

      if (res.status === 304)
        return { posts: [], cursor: { ...state, failures: 0, lastError: undefined }, nextPollMs: interval };
      if (res.status === 429 || res.status === 503 || res.status === 408 || res.status >= 500) {
        const retryAfter = parseRetryAfter(res.headers["retry-after"], ctx.now());
        return backoff(state, interval, `HTTP ${res.status} from ${settings.url}`, ctx, retryAfter);
      }
      if (res.status < 200 || res.status >= 300) {
        // 401/403/404/410…: the URL or its access is wrong; polling again will not fix it.
        throw new ConnectorError(`HTTP ${res.status} from ${settings.url}`, "fatal");
      }

      const feed = parseFeed(res.body, res.url, res.headers["content-type"]);
      const seen = new Set(state.seen);
      const fresh = feed.items.filter((i) => !seen.has(i.id));
      const now = ctx.now().toISOString();
      const posts = fresh
        .map((item) => toPost(kind, item, now))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, settings.maxItems ?? 100);
      if (fresh.length > posts.length) {
        ctx.log("info", "feed had more new items than maxItems; older ones skipped", {
          url: settings.url,
          fresh: fresh.length,
          kept: posts.length,
        });
      }
      // Remember every id in the current document (even the ones cut by maxItems, so they do not
      // trickle in later as "new"), then older memory, bounded.
      const ids = [...new Set([...feed.items.map((i) => i.id), ...state.seen])].slice(
        0,
        Math.max(SEEN_CAP, feed.items.length),
      );
      return {
        posts,
        cursor: {
          etag: res.headers.etag,
          lastModified: res.headers["last-modified"],
          seen: ids,
          failures: 0,
        },
        nextPollMs: interval,
      };
    },
  };
}

export const rssConnector = createFeedConnector("rss");
export const atomConnector = createFeedConnector("atom");
export const jsonFeedConnector = createFeedConnector("jsonfeed");

function toPost(kind: "rss" | "atom" | "jsonfeed", item: FeedItem, now: string): NormalisedPost {
  const post: NormalisedPost = {
    channel: kind,
    externalId: item.id,
    // A title-only item (common for link blogs) still needs text to be matched.
    text: item.text || item.title || "",
    // Items with no date get the poll time: the best lower bound we have for "seen by us".
    createdAt: item.published ?? item.updated ?? now,
    raw: { item: item.raw, categories: item.categories },
  };
  if (item.title) post.title = item.title;
  if (item.url) post.url = item.url;
  if (item.author) post.author = item.author;
  if (item.language) post.language = item.language;
  return post;
}

function backoff(
  state: FeedCursor,
  interval: number,
  reason: string,
  ctx: ConnectorContext,
  retryAfterMs?: number,
) {
  const failures = state.failures + 1;
  const exp = Math.min(interval * 2 ** (failures - 1), MAX_BACKOFF_MS);
  const nextPollMs = Math.min(Math.max(exp, retryAfterMs ?? 0), 24 * 3_600_000);
  ctx.log("warn", "feed poll failed; backing off", { reason, failures, nextPollMs });
  return { posts: [], cursor: { ...state, failures, lastError: reason }, nextPollMs };
}

/** Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
