import { type ConnectorContext, ConnectorError, type StreamItem, type StreamingConnector } from "../types";
import { errorForResponse, getJson, wrapNetworkError } from "./api";
import { compareIds, isStatus, type MastodonStatus, maxId, statusToPost } from "./map";
import { BoundedQueue, RecentSet } from "./queue";
import { backoffDelay, sleep } from "./retry";
import { type MastodonSettings, mastodonSettings } from "./settings";
import { parseSse } from "./sse";

export interface MastodonStreamOptions {
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Mastodon sends ":thump" every ~10 s; silence longer than this means a dead connection. */
  idleTimeoutMs?: number;
  /** Pages of 40 fetched to fill a gap after a reconnect; beyond that the gap is logged, not filled. */
  gapFillMaxPages?: number;
  queueCapacity?: number;
}

interface Source {
  label: string;
  streamPath: string;
  /** The REST timeline that shows the same statuses, paged forward with min_id to fill gaps. */
  timelinePath: string;
}

export function sourcesFor(settings: MastodonSettings): Source[] {
  const sources: Source[] = (settings.hashtags ?? []).map((tag) => ({
    label: `#${tag}`,
    streamPath: `/api/v1/streaming/hashtag?tag=${encodeURIComponent(tag)}`,
    timelinePath: `/api/v1/timelines/tag/${encodeURIComponent(tag)}?`,
  }));
  if (settings.timeline === "public") {
    sources.push({
      label: "public",
      streamPath: "/api/v1/streaming/public",
      timelinePath: "/api/v1/timelines/public?",
    });
  } else if (settings.timeline === "local") {
    sources.push({
      label: "local",
      streamPath: "/api/v1/streaming/public/local",
      timelinePath: "/api/v1/timelines/public?local=true&",
    });
  }
  return sources;
}

interface Pending {
  id: string;
  status: MastodonStatus;
}

/**
 * Streams statuses over SSE, one connection per hashtag/timeline. Cursor: the highest status id
 * yielded. Each connection remembers its own last id for gap fills, because another connection
 * may have advanced the shared cursor past statuses this one missed while it was down.
 */
export function createMastodonStreamingConnector(
  options: MastodonStreamOptions = {},
): StreamingConnector<MastodonSettings, string> {
  const baseMs = options.backoffBaseMs ?? 1_000;
  const maxMs = options.backoffMaxMs ?? 60_000;
  const idleMs = options.idleTimeoutMs ?? 45_000;
  const maxPages = options.gapFillMaxPages ?? 10;

  async function* stream(
    settings: MastodonSettings,
    cursor: string | null,
    ctx: ConnectorContext,
  ): AsyncGenerator<StreamItem<string>> {
    const sources = sourcesFor(settings);
    if (sources.length === 0) {
      throw new ConnectorError(
        "streaming needs hashtags or a timeline; use the polling connector for a query",
        "fatal",
      );
    }
    const stop = new AbortController();
    const onAbort = () => {
      stop.abort();
      queue.close();
    };
    const queue = new BoundedQueue<Pending>(options.queueCapacity ?? 256);
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    const inner: ConnectorContext = { ...ctx, signal: stop.signal };
    const seen = new RecentSet();
    const loops = sources.map((source) =>
      connectLoop(source, settings, cursor, inner, queue).catch((err) => queue.fail(err)),
    );
    let position = cursor;
    try {
      if (ctx.signal.aborted) return;
      for (;;) {
        const next = await queue.take();
        if (next.done) return;
        const { id, status } = next.value;
        if (!seen.add(id)) continue;
        position = maxId(position, id);
        yield { post: statusToPost(status, settings.instanceUrl), cursor: position };
      }
    } finally {
      ctx.signal.removeEventListener("abort", onAbort);
      stop.abort();
      queue.close();
      await Promise.allSettled(loops);
    }
  }

  async function connectLoop(
    source: Source,
    settings: MastodonSettings,
    cursor: string | null,
    ctx: ConnectorContext,
    queue: BoundedQueue<Pending>,
  ): Promise<void> {
    let since = cursor;
    let attempt = 0;
    const track = async (status: MastodonStatus): Promise<boolean> => {
      since = maxId(since, status.id);
      return queue.push({ id: (status.reblog ?? status).id, status });
    };
    while (!ctx.signal.aborted) {
      const conn = new AbortController();
      const abortConn = () => conn.abort();
      ctx.signal.addEventListener("abort", abortConn, { once: true });
      let idle: NodeJS.Timeout | undefined;
      const armIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          ctx.log("warn", "mastodon stream idle; reconnecting", { source: source.label, idleMs });
          conn.abort();
        }, idleMs);
      };
      let wait: number | undefined;
      try {
        let res: Response;
        try {
          res = await ctx.fetch(settings.instanceUrl + source.streamPath, {
            headers: { authorization: `Bearer ${settings.accessToken}`, accept: "text/event-stream" },
            signal: conn.signal,
          });
        } catch (err) {
          throw wrapNetworkError(err, `mastodon stream ${source.label}`, ctx);
        }
        if (!res.ok || !res.body) throw errorForResponse(res, `mastodon stream ${source.label}`, ctx.now());
        ctx.log("info", "mastodon stream connected", { source: source.label, since });
        armIdle();
        // Connect first, then fill the gap: statuses posted meanwhile wait in the socket, so
        // nothing falls between the REST page and the stream (the overlap is deduped).
        if (since !== null) {
          clearTimeout(idle);
          if (!(await gapFill(source, settings, since, ctx, track))) return;
          armIdle();
        }
        for await (const msg of parseSse(res.body)) {
          armIdle();
          attempt = 0;
          if (msg.type === "comment") continue;
          if (msg.event === "update") {
            let status: unknown;
            try {
              status = JSON.parse(msg.data);
            } catch {
              ctx.log("warn", "mastodon stream: skipped malformed update", {
                source: source.label,
                data: msg.data.slice(0, 200),
              });
              continue;
            }
            if (!isStatus(status)) {
              ctx.log("warn", "mastodon stream: update is not a status", { source: source.label });
              continue;
            }
            if (!(await track(status))) return;
          } else if (msg.event === "delete" || msg.event === "status.update") {
            // The contract has no way to retract or edit a post yet (see report); note it.
            ctx.log("debug", `mastodon stream: ${msg.event} ignored`, { id: msg.data.slice(0, 40) });
          }
        }
        if (ctx.signal.aborted) return;
        ctx.log("warn", "mastodon stream closed by server; reconnecting", { source: source.label });
      } catch (err) {
        if (ctx.signal.aborted) return;
        if (err instanceof ConnectorError && err.kind === "fatal") throw err;
        wait = err instanceof ConnectorError ? err.retryAfterMs : undefined;
        const message = err instanceof Error ? err.message : String(err);
        ctx.log("warn", "mastodon stream failed; reconnecting", { source: source.label, error: message });
      } finally {
        clearTimeout(idle);
        ctx.signal.removeEventListener("abort", abortConn);
        conn.abort();
      }
      await sleep(wait ?? backoffDelay(attempt++, baseMs, maxMs), ctx.signal);
    }
  }

  /** Pages forward from `since` (min_id gives the page right after it), oldest first. */
  async function gapFill(
    source: Source,
    settings: MastodonSettings,
    since: string,
    ctx: ConnectorContext,
    track: (s: MastodonStatus) => Promise<boolean>,
  ): Promise<boolean> {
    let minId = since;
    for (let page = 0; page < maxPages; page++) {
      const url = `${settings.instanceUrl}${source.timelinePath}min_id=${encodeURIComponent(minId)}&limit=40`;
      const { body } = await getJson(url, settings.accessToken, ctx, `mastodon gap fill ${source.label}`);
      const statuses = (Array.isArray(body) ? body : []).filter(isStatus);
      statuses.sort((a, b) => compareIds(a.id, b.id));
      for (const status of statuses) {
        if (!(await track(status))) return false;
        minId = maxId(minId, status.id);
      }
      if (statuses.length < 40) return true;
    }
    ctx.log("warn", "mastodon gap fill stopped at page limit; older statuses skipped", {
      source: source.label,
      maxPages,
    });
    return true;
  }

  return { kind: "mastodon", mode: "stream", settings: mastodonSettings, stream };
}

export const mastodonStreamingConnector = createMastodonStreamingConnector();
