import type { IncomingMessage, ServerResponse } from "node:http";
import type { MastodonStatus } from "../mastodon/map";
import { type Fault, listen, sendFault, sendJson, takeFault } from "./http";

export interface MastodonServerOptions {
  accessToken?: string;
  /** Interval of ":thump" heartbeats on open streams; 0 disables them. */
  heartbeatMs?: number;
  /** Per-window request budget reported in X-RateLimit-* headers (Mastodon's default is 300/5 min). */
  rateLimit?: { limit: number; windowMs: number };
}

export interface LocalMastodonServer {
  url: string;
  statuses: MastodonStatus[];
  requests: { method: string; path: string; auth: string | undefined }[];
  faults: Fault[];
  openStreams(): number;
  /** Stores a status and pushes it to every open stream it matches. */
  publish(status: MastodonStatus): void;
  /** Stores a status without pushing it: what is posted while a client is disconnected. */
  store(status: MastodonStatus): void;
  /** Writes raw text to every open stream (malformed frames, deletes). */
  sendRaw(text: string): void;
  /** Destroys every open stream's socket, as a dropped connection or a server restart does. */
  dropStreams(): void;
  /** Sets the remaining budget of the current rate-limit window. */
  setRemaining(remaining: number): void;
  close(): Promise<void>;
}

let sequence = 0n;
/** Snowflake-shaped ids (ms timestamp << 16 | sequence), increasing, like Mastodon's. */
export function nextStatusId(at = Date.now()): string {
  sequence = (sequence + 1n) & 0xffffn;
  return ((BigInt(at) << 16n) | sequence).toString();
}

/** A realistic Status entity; override any field. */
export function makeStatus(
  overrides: Partial<MastodonStatus> & { tags?: { name: string }[] } = {},
): MastodonStatus {
  const id = overrides.id ?? nextStatusId();
  const acct = overrides.account?.acct ?? "trailfan";
  const tags = overrides.tags ?? [{ name: "halcyon" }];
  const tagHtml = tags
    .map(
      (t) =>
        `<a href="https://mastodon.example/tags/${t.name}" class="mention hashtag" rel="tag">#<span>${t.name}</span></a>`,
    )
    .join(" ");
  return {
    id,
    uri: `https://mastodon.example/users/${acct}/statuses/${id}`,
    url: `https://mastodon.example/@${acct}/${id}`,
    created_at: new Date().toISOString(),
    content: `<p>Loving the new tent from Halcyon! ${tagHtml}</p>`,
    spoiler_text: "",
    language: "en",
    in_reply_to_id: null,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    reblog: null,
    ...overrides,
    tags: tags.map((t) => ({ name: t.name, url: `https://mastodon.example/tags/${t.name}` })),
    account: {
      acct,
      username: acct.split("@")[0],
      display_name: "Trail Fan",
      followers_count: 120,
      url: `https://mastodon.example/@${acct}`,
      ...overrides.account,
    },
  };
}

const plain = (s: MastodonStatus) => s.content.replace(/<[^>]*>/g, "").toLowerCase();

/** Mastodon's paging: newest first; max_id/since_id cut from the top, min_id pages forward. */
function page(all: MastodonStatus[], q: URLSearchParams): MastodonStatus[] {
  const cmp = (a: string, b: string) =>
    a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  const limit = Math.min(Number(q.get("limit") ?? 20), 40);
  let list = [...all].sort((a, b) => cmp(a.id, b.id));
  const max = q.get("max_id");
  const since = q.get("since_id");
  const min = q.get("min_id");
  if (max) list = list.filter((s) => cmp(s.id, max) < 0);
  if (since) list = list.filter((s) => cmp(s.id, since) > 0);
  if (min) list = list.filter((s) => cmp(s.id, min) > 0).slice(0, limit);
  else list = list.slice(-limit);
  return list.reverse();
}

export async function startMastodonServer(options: MastodonServerOptions = {}): Promise<LocalMastodonServer> {
  const token = options.accessToken ?? "test-token";
  const window = options.rateLimit ?? { limit: 300, windowMs: 5 * 60_000 };
  let remaining = window.limit;
  let resetAt = Date.now() + window.windowMs;
  const statuses: MastodonStatus[] = [];
  const requests: LocalMastodonServer["requests"] = [];
  const faults: Fault[] = [];
  const streams = new Set<{ res: ServerResponse; matches(s: MastodonStatus): boolean }>();

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname;
    requests.push({
      method: req.method ?? "GET",
      path: `${path}${url.search}`,
      auth: req.headers.authorization,
    });
    const fault = takeFault(faults, path);
    if (fault) return sendFault(res, fault);
    if (req.headers.authorization !== `Bearer ${token}`) {
      return sendFault(res, { status: 401, body: JSON.stringify({ error: "The access token is invalid" }) });
    }
    if (path.startsWith("/api/v1/streaming/")) return openStream(path, url.searchParams, res);
    if (Date.now() > resetAt) {
      remaining = window.limit;
      resetAt = Date.now() + window.windowMs;
    }
    remaining = Math.max(0, remaining - 1);
    const rl = {
      "x-ratelimit-limit": String(window.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": new Date(resetAt).toISOString(),
    };
    const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path);
    if (tag) {
      const name = decodeURIComponent(tag[1] ?? "").toLowerCase();
      return sendJson(
        res,
        page(
          statuses.filter((s) => s.tags?.some((t) => t.name.toLowerCase() === name)),
          url.searchParams,
        ),
        rl,
      );
    }
    if (path === "/api/v1/timelines/public") return sendJson(res, page(statuses, url.searchParams), rl);
    if (path === "/api/v2/search") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const hits = statuses.filter((s) => plain(s).includes(q));
      return sendJson(res, { accounts: [], hashtags: [], statuses: page(hits, url.searchParams) }, rl);
    }
    sendFault(res, { status: 404, body: JSON.stringify({ error: "Record not found" }) });
  };

  function openStream(path: string, q: URLSearchParams, res: ServerResponse) {
    const tag = q.get("tag")?.toLowerCase();
    const matches = path.startsWith("/api/v1/streaming/hashtag")
      ? (s: MastodonStatus) => !!tag && !!s.tags?.some((t) => t.name.toLowerCase() === tag)
      : path.startsWith("/api/v1/streaming/public")
        ? () => true
        : null;
    if (!matches) return sendFault(res, { status: 404, body: JSON.stringify({ error: "Unknown stream" }) });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(":)\n");
    const entry = { res, matches };
    streams.add(entry);
    const beat = options.heartbeatMs
      ? setInterval(() => res.write(":thump\n"), options.heartbeatMs)
      : undefined;
    res.on("close", () => {
      clearInterval(beat);
      streams.delete(entry);
    });
  }

  const http = await listen(handler);
  return {
    url: http.url,
    statuses,
    requests,
    faults,
    openStreams: () => streams.size,
    store: (s) => void statuses.push(s),
    publish(s) {
      statuses.push(s);
      for (const st of streams)
        if (st.matches(s)) st.res.write(`event: update\ndata: ${JSON.stringify(s)}\n\n`);
    },
    sendRaw(text) {
      for (const st of streams) st.res.write(text);
    },
    dropStreams() {
      for (const st of streams) st.res.socket?.destroy();
    },
    setRemaining(n) {
      remaining = n;
    },
    close: http.close,
  };
}
