import WebSocket from "ws";
// Shared helpers live with the Mastodon connector until a connectors/shared folder exists.
import { BoundedQueue, RecentSet } from "../mastodon/queue";
import { backoffDelay, sleep } from "../mastodon/retry";
import { type ConnectorContext, ConnectorError, type StreamItem, type StreamingConnector } from "../types";
import { eventToPost, isPostCreate, type JetstreamEvent, matchesKeywords, POST_COLLECTION } from "./map";
import { type BlueskySettings, blueskySettings } from "./settings";

export interface BlueskyStreamOptions {
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Jetstream's docs advise resuming a few seconds before the cursor; duplicates are deduped. */
  rewindUs?: number;
  /** Queue size at which the socket is paused, and the size at which it is resumed. */
  highWaterMark?: number;
  lowWaterMark?: number;
  /** Ping interval; a missing pong by the next ping means a dead connection. */
  pingMs?: number;
  userAgent?: string;
}

export function subscribeUrl(settings: BlueskySettings, cursorUs: number | null): string {
  const url = new URL(`${settings.endpoint}/subscribe`);
  url.searchParams.append("wantedCollections", POST_COLLECTION);
  for (const did of settings.wantedDids ?? []) url.searchParams.append("wantedDids", did);
  if (cursorUs !== null) url.searchParams.set("cursor", String(Math.max(0, Math.floor(cursorUs))));
  return url.toString();
}

type Outcome = { kind: "closed"; opened: boolean } | { kind: "error"; error: ConnectorError };

/**
 * Jetstream firehose connector. Cursor: the `time_us` of the last yielded post. Backpressure: the
 * queue is filled from socket events, so above the high-water mark the socket is paused (TCP
 * flow control then reaches the server) and resumed once the consumer has drained it.
 */
export function createBlueskyStreamingConnector(
  options: BlueskyStreamOptions = {},
): StreamingConnector<BlueskySettings, number> {
  const baseMs = options.backoffBaseMs ?? 1_000;
  const maxMs = options.backoffMaxMs ?? 60_000;
  const rewindUs = options.rewindUs ?? 5_000_000;
  const high = options.highWaterMark ?? 500;
  const low = options.lowWaterMark ?? Math.floor(high / 2);
  const pingMs = options.pingMs ?? 30_000;

  async function* stream(
    settings: BlueskySettings,
    cursor: number | null,
    ctx: ConnectorContext,
  ): AsyncGenerator<StreamItem<number>> {
    let socket: WebSocket | undefined;
    const queue = new BoundedQueue<{ timeUs: number; ev: JetstreamEvent }>(
      Number.POSITIVE_INFINITY,
      (size) => {
        if (size <= low && socket?.isPaused) {
          socket.resume();
          ctx.log("debug", "bluesky stream resumed", { queued: size });
        }
      },
    );
    const stop = new AbortController();
    const onAbort = () => {
      stop.abort();
      queue.close();
    };
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    // The last event received on any connection: reconnects resume from here (minus the rewind);
    // queued-but-unread posts are not lost on a reconnect since the queue outlives the socket.
    let receivedUs = cursor;
    let attempt = 0;

    const connectOnce = () =>
      new Promise<Outcome>((resolve) => {
        const from = receivedUs === null ? null : receivedUs - rewindUs;
        const ws = new WebSocket(subscribeUrl(settings, from), {
          headers: {
            "user-agent": options.userAgent ?? "Chorus social listening (+https://github.com/chorus)",
          },
          handshakeTimeout: 15_000,
        });
        socket = ws;
        let opened = false;
        let alive = true;
        let ping: NodeJS.Timeout | undefined;
        const finish = (outcome: Outcome) => {
          clearInterval(ping);
          stop.signal.removeEventListener("abort", abort);
          ws.removeAllListeners("message");
          resolve(outcome);
        };
        const abort = () => ws.terminate();
        stop.signal.addEventListener("abort", abort, { once: true });
        ws.on("unexpected-response", (_req, res) => {
          const status = res.statusCode ?? 0;
          const retryAfter = Number(res.headers["retry-after"]);
          res.resume();
          const error =
            status === 401 || status === 403 || status === 400 || status === 404
              ? new ConnectorError(`jetstream refused the subscription (${status})`, "fatal")
              : new ConnectorError(
                  `jetstream handshake failed (${status})`,
                  "retryable",
                  Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
                );
          ws.terminate();
          finish({ kind: "error", error });
        });
        ws.on("open", () => {
          opened = true;
          attempt = 0;
          ctx.log("info", "bluesky stream connected", { cursor: from });
          ping = setInterval(() => {
            // A paused socket reads no pongs either: only judge liveness while reading.
            if (ws.isPaused) return;
            if (!alive) {
              ctx.log("warn", "bluesky stream: no pong; reconnecting");
              ws.terminate();
              return;
            }
            alive = false;
            ws.ping();
          }, pingMs);
        });
        ws.on("pong", () => {
          alive = true;
        });
        ws.on("message", (data, isBinary) => {
          alive = true;
          let ev: JetstreamEvent;
          try {
            ev = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString("utf8") : data.toString());
            if (typeof ev?.time_us !== "number" || typeof ev.did !== "string")
              throw new Error("not an event");
          } catch (err) {
            ctx.log("warn", "bluesky stream: skipped malformed frame", {
              error: err instanceof Error ? err.message : String(err),
              frame: data.toString().slice(0, 200),
            });
            return;
          }
          receivedUs = receivedUs === null ? ev.time_us : Math.max(receivedUs, ev.time_us);
          if (!isPostCreate(ev)) return;
          queue.offer({ timeUs: ev.time_us, ev });
          if (queue.size >= high && !ws.isPaused) {
            ws.pause();
            ctx.log("debug", "bluesky stream paused: consumer is behind", { queued: queue.size });
          }
        });
        ws.on("error", (err) => {
          if (!stop.signal.aborted) ctx.log("warn", "bluesky stream error", { error: err.message });
        });
        ws.on("close", (code) => {
          if (!stop.signal.aborted) ctx.log("warn", "bluesky stream closed; reconnecting", { code });
          finish({ kind: "closed", opened });
        });
      });

    const loop = (async () => {
      while (!stop.signal.aborted) {
        const outcome = await connectOnce();
        if (stop.signal.aborted) return;
        if (outcome.kind === "error" && outcome.error.kind === "fatal") throw outcome.error;
        const wait = outcome.kind === "error" ? outcome.error.retryAfterMs : undefined;
        await sleep(wait ?? backoffDelay(attempt++, baseMs, maxMs), stop.signal);
      }
    })().catch((err) => queue.fail(err));

    const seen = new RecentSet(20_000);
    try {
      if (ctx.signal.aborted) return;
      for (;;) {
        const next = await queue.take();
        if (next.done) return;
        const { ev, timeUs } = next.value;
        if (!isPostCreate(ev)) continue;
        const post = eventToPost(ev);
        if (!seen.add(post.externalId)) continue;
        if (!matchesKeywords(post.text, settings.keywords)) continue;
        yield { post, cursor: timeUs };
      }
    } finally {
      ctx.signal.removeEventListener("abort", onAbort);
      stop.abort();
      queue.close();
      await loop;
    }
  }

  return { kind: "bluesky", mode: "stream", settings: blueskySettings, stream };
}

export const blueskyStreamingConnector = createBlueskyStreamingConnector();
