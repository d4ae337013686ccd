import type { IncomingMessage, ServerResponse } from "node:http";
import type { RedditThing } from "../reddit/map";
import { type Fault, listen, sendFault, sendJson, takeFault } from "./http";

export interface LocalRedditServer {
  url: string;
  things: RedditThing[];
  requests: { path: string; auth: string | undefined; userAgent: string | undefined }[];
  faults: Fault[];
  add(thing: RedditThing): void;
  remove(name: string): void;
  /** Sets the remaining budget (the next request reports one less). */
  setRemaining(remaining: number, resetSeconds?: number): void;
  close(): Promise<void>;
}

let seq = 1_000_000;
const base36 = () => (seq++).toString(36);

export function makeLink(data: Record<string, unknown> = {}): RedditThing {
  const id = (data.id as string) ?? base36();
  const subreddit = (data.subreddit as string) ?? "CampingGear";
  return {
    kind: "t3",
    data: {
      id,
      name: `t3_${id}`,
      subreddit,
      subreddit_name_prefixed: `r/${subreddit}`,
      title: "Halcyon Trailblazer 2 vs Ridgeline Ascent 2?",
      selftext: "Looking at both for a PCT thru-hike. Weight matters more than space.",
      author: "ultralight_ula",
      score: 12,
      upvote_ratio: 0.93,
      num_comments: 4,
      num_crossposts: 0,
      over_18: false,
      permalink: `/r/${subreddit}/comments/${id}/halcyon_trailblazer_2_vs_ridgeline_ascent_2/`,
      url: `https://www.reddit.com/r/${subreddit}/comments/${id}/`,
      created_utc: Math.floor(Date.now() / 1000) + seq / 1000,
      ...data,
    },
  };
}

export function makeComment(data: Record<string, unknown> = {}): RedditThing {
  const id = (data.id as string) ?? base36();
  const subreddit = (data.subreddit as string) ?? "CampingGear";
  return {
    kind: "t1",
    data: {
      id,
      name: `t1_${id}`,
      subreddit,
      body: "Had the Ember stove for two seasons, the igniter died after 40 uses.",
      author: "stovetop_sam",
      score: 3,
      parent_id: "t3_abc123",
      link_id: "t3_abc123",
      link_title: "Which backpacking stove?",
      permalink: `/r/${subreddit}/comments/abc123/which_backpacking_stove/${id}/`,
      created_utc: Math.floor(Date.now() / 1000) + seq / 1000,
      ...data,
    },
  };
}

const text = (t: RedditThing) => `${t.data.title ?? ""} ${t.data.selftext ?? ""}`.toLowerCase();

/**
 * A local oauth.reddit.com: search.json, r/<subs>/search.json, r/<sub>/new.json and
 * r/<sub>/comments.json, newest first, with before/after paging and X-Ratelimit-* headers.
 */
export async function startRedditServer(
  options: { accessToken?: string; budget?: number } = {},
): Promise<LocalRedditServer> {
  const token = options.accessToken ?? "reddit-token";
  const budget = options.budget ?? 600;
  let remaining = budget;
  let resetAt = Date.now() + 600_000;
  const things: RedditThing[] = [];
  const requests: LocalRedditServer["requests"] = [];
  const faults: Fault[] = [];

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://local");
    requests.push({
      path: `${url.pathname}${url.search}`,
      auth: req.headers.authorization,
      userAgent: req.headers["user-agent"],
    });
    if (Date.now() > resetAt) {
      remaining = budget;
      resetAt = Date.now() + 600_000;
    }
    remaining = Math.max(0, remaining - 1);
    const rl = {
      "x-ratelimit-remaining": remaining.toFixed(1),
      "x-ratelimit-used": String(budget - remaining),
      "x-ratelimit-reset": String(Math.ceil((resetAt - Date.now()) / 1000)),
    };
    const fault = takeFault(faults, url.pathname);
    if (fault) return sendFault(res, { ...fault, headers: { ...rl, ...fault.headers } });
    if (req.headers.authorization?.toLowerCase() !== `bearer ${token}`) {
      return sendFault(res, {
        status: 401,
        headers: { "www-authenticate": 'Bearer realm="reddit", error="invalid_token"' },
        body: '{"message": "Unauthorized", "error": 401}',
      });
    }
    const q = url.searchParams;
    const m = /^\/r\/([^/]+)\/(new|comments|search)\.json$/.exec(url.pathname);
    let pool: RedditThing[] | null = null;
    if (url.pathname === "/search.json") {
      pool = things.filter((t) => t.kind === "t3" && text(t).includes((q.get("q") ?? "").toLowerCase()));
    } else if (m) {
      const subs = m[1]!.toLowerCase().split("+");
      const inSub = (t: RedditThing) => subs.includes(String(t.data.subreddit).toLowerCase());
      if (m[2] === "new") pool = things.filter((t) => t.kind === "t3" && inSub(t));
      else if (m[2] === "comments") pool = things.filter((t) => t.kind === "t1" && inSub(t));
      else
        pool = things.filter(
          (t) => t.kind === "t3" && inSub(t) && text(t).includes((q.get("q") ?? "").toLowerCase()),
        );
    }
    if (!pool)
      return sendFault(res, { status: 404, headers: rl, body: '{"message": "Not Found", "error": 404}' });
    const sorted = pool.sort((a, b) => (b.data.created_utc ?? 0) - (a.data.created_utc ?? 0));
    const limit = Math.min(Number(q.get("limit") ?? 25), 100);
    let children: RedditThing[];
    const before = q.get("before");
    const after = q.get("after");
    if (before) {
      const i = sorted.findIndex((t) => t.data.name === before);
      // Like Reddit: an anchor that no longer exists yields an empty page.
      children = i === -1 ? [] : sorted.slice(Math.max(0, i - limit), i);
    } else if (after) {
      const i = sorted.findIndex((t) => t.data.name === after);
      children = i === -1 ? [] : sorted.slice(i + 1, i + 1 + limit);
    } else children = sorted.slice(0, limit);
    const last = children.at(-1);
    const hasOlder = !!last && sorted.indexOf(last) < sorted.length - 1;
    sendJson(
      res,
      {
        kind: "Listing",
        data: {
          after: hasOlder ? last.data.name : null,
          before: null,
          dist: children.length,
          modhash: "",
          geo_filter: "",
          children,
        },
      },
      rl,
    );
  };

  const http = await listen(handler);
  return {
    url: http.url,
    things,
    requests,
    faults,
    add: (t) => void things.push(t),
    remove(name) {
      const i = things.findIndex((t) => t.data.name === name);
      if (i !== -1) things.splice(i, 1);
    },
    setRemaining(n, resetSeconds) {
      remaining = n;
      if (resetSeconds !== undefined) resetAt = Date.now() + resetSeconds * 1000;
    },
    close: http.close,
  };
}
