import {
  type ConnectorContext,
  ConnectorError,
  type NormalisedPost,
  type PollingConnector,
  type PollResult,
} from "../types";
import { isListing, type RedditThing, thingToPost } from "./map";
import { type RedditSettings, redditSettings } from "./settings";

/** Per listing: the newest fullname seen (for `before=`) and its time (to detect a vanished anchor). */
export interface RedditSourceCursor {
  newest: string;
  newestUtc: number;
  emptyPolls: number;
}
export type RedditCursor = Record<string, RedditSourceCursor>;

export interface RedditPollOptions {
  intervalMs?: number;
  maxPages?: number;
  /** After this many empty `before=` polls, check without `before` in case the anchor post was removed. */
  verifyAfterEmptyPolls?: number;
}

export interface RedditRateLimit {
  remaining?: number;
  used?: number;
  resetMs?: number;
}

/** Reddit sends Remaining as a float ("598.0"), Used as an int, Reset as seconds until the window ends. */
export function parseRedditRateLimit(headers: Headers): RedditRateLimit {
  const read = (name: string) => {
    const v = headers.get(name);
    const n = v === null ? Number.NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const reset = read("x-ratelimit-reset");
  return {
    remaining: read("x-ratelimit-remaining"),
    used: read("x-ratelimit-used"),
    resetMs: reset === undefined ? undefined : reset * 1000,
  };
}

export function sourcesFor(s: RedditSettings): { key: string; path: string }[] {
  const out: { key: string; path: string }[] = [];
  const subs = (s.subreddits ?? []).join("+");
  const q = s.query ? encodeURIComponent(s.query) : "";
  if (s.query && subs)
    out.push({
      key: `search:${subs}:${s.query}`,
      path: `/r/${subs}/search.json?q=${q}&restrict_sr=1&sort=new`,
    });
  else if (s.query) out.push({ key: `search:${s.query}`, path: `/search.json?q=${q}&sort=new&type=link` });
  else for (const sub of s.subreddits ?? []) out.push({ key: `new:${sub}`, path: `/r/${sub}/new.json?` });
  if (s.includeComments)
    for (const sub of s.subreddits ?? [])
      out.push({ key: `comments:${sub}`, path: `/r/${sub}/comments.json?` });
  return out;
}

const PAGE = 100;

export function createRedditPollingConnector(
  options: RedditPollOptions = {},
): PollingConnector<RedditSettings, RedditCursor> {
  const intervalMs = options.intervalMs ?? 60_000;
  const maxPages = options.maxPages ?? 5;
  const verifyAfter = options.verifyAfterEmptyPolls ?? 3;

  async function poll(
    settings: RedditSettings,
    cursor: RedditCursor | null,
    ctx: ConnectorContext,
  ): Promise<PollResult<RedditCursor>> {
    const next: RedditCursor = { ...cursor };
    const things = new Map<string, RedditThing>();
    let limit: RedditRateLimit = {};
    let requests = 0;
    const spent = () => limit.remaining !== undefined && limit.remaining < 1;

    const get = async (path: string, params: Record<string, string>): Promise<RedditThing[]> => {
      const sep = path.endsWith("?") ? "" : "&";
      const query = new URLSearchParams({ limit: String(PAGE), ...params }).toString();
      const url = `${settings.baseUrl}${path}${sep}${query}`;
      let res: Response;
      try {
        res = await ctx.fetch(url, {
          headers: {
            authorization: `bearer ${settings.accessToken}`,
            "user-agent": settings.userAgent,
            accept: "application/json",
          },
          signal: ctx.signal,
          redirect: "manual",
        });
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        throw new ConnectorError(
          `reddit: network error: ${err instanceof Error ? err.message : String(err)}`,
          "retryable",
        );
      }
      requests++;
      limit = parseRedditRateLimit(res.headers);
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw errorFor(res, limit, path);
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new ConnectorError(`reddit ${path}: response is not JSON`, "retryable");
      }
      if (!isListing(body))
        throw new ConnectorError(`reddit ${path}: response is not a Listing`, "retryable");
      return body.data.children;
    };

    for (const source of sourcesFor(settings)) {
      if (spent()) break;
      const c = next[source.key];
      const fresh: RedditThing[] = [];
      if (!c) {
        // First poll: the newest page is the starting point, not the listing's whole history.
        fresh.push(...(await get(source.path, {})));
      } else {
        let before = c.newest;
        for (let page = 0; page < maxPages && !spent(); page++) {
          const children = await get(source.path, { before });
          fresh.unshift(...children);
          if (children.length < PAGE || !children[0]?.data.name) break;
          before = children[0].data.name;
        }
        if (fresh.length === 0 && c.emptyPolls + 1 >= verifyAfter && !spent()) {
          // `before=` pointing at a removed post returns an empty page forever; check by time instead.
          const latest = (await get(source.path, {})).filter((t) => (t.data.created_utc ?? 0) > c.newestUtc);
          if (latest.length)
            ctx.log("warn", "reddit: cursor post vanished; re-anchored by time", { source: source.key });
          fresh.push(...latest);
        }
      }
      for (const t of fresh) if (t.data.name) things.set(t.data.name, t);
      const newest = fresh.reduce<RedditThing | undefined>(
        (best, t) => ((t.data.created_utc ?? 0) > (best?.data.created_utc ?? -1) ? t : best),
        undefined,
      );
      if (newest?.data.name)
        next[source.key] = {
          newest: newest.data.name,
          newestUtc: newest.data.created_utc ?? 0,
          emptyPolls: 0,
        };
      else if (c)
        next[source.key] = { ...c, emptyPolls: c.emptyPolls + 1 >= verifyAfter ? 0 : c.emptyPolls + 1 };
    }
    if (spent())
      ctx.log("info", "reddit rate limit exhausted; waiting for reset", { resetMs: limit.resetMs });

    const posts: NormalisedPost[] = [];
    for (const t of things.values()) {
      const post = thingToPost(t);
      if (post) posts.push(post);
      else ctx.log("debug", "reddit: skipped unsupported thing", { kind: t.kind });
    }
    posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { posts, cursor: next, nextPollMs: redditNextPollMs(limit, requests, intervalMs) };
  }

  return { kind: "reddit", mode: "poll", settings: redditSettings, poll };
}

function errorFor(res: Response, limit: RedditRateLimit, path: string): ConnectorError {
  if (res.status === 429) {
    const retryAfter = Number(res.headers.get("retry-after"));
    const wait =
      Number.isFinite(retryAfter) && res.headers.has("retry-after")
        ? retryAfter * 1000
        : (limit.resetMs ?? 60_000);
    return new ConnectorError(`reddit ${path}: rate limited (429)`, "retryable", wait);
  }
  if (res.status >= 500) return new ConnectorError(`reddit ${path}: server error ${res.status}`, "retryable");
  if (res.status === 401) return new ConnectorError(`reddit ${path}: token rejected (401)`, "fatal");
  // 403: private/quarantined/banned subreddit or a token without read scope; 404: no such subreddit.
  return new ConnectorError(`reddit ${path}: ${res.status}`, "fatal");
}

/** Wait for the reset when the budget is gone; otherwise spread the rest of it over the window. */
export function redditNextPollMs(limit: RedditRateLimit, requests: number, intervalMs: number): number {
  if (limit.remaining !== undefined && limit.remaining < 1)
    return Math.max(1_000, limit.resetMs ?? intervalMs);
  if (limit.remaining !== undefined && limit.resetMs !== undefined && requests > 0) {
    const polls = Math.floor(limit.remaining / requests);
    if (polls < 1) return Math.max(1_000, limit.resetMs);
    return Math.max(intervalMs, Math.ceil(limit.resetMs / polls));
  }
  return intervalMs;
}

export const redditPollingConnector = createRedditPollingConnector();
