import type { IncomingMessage } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import type { JetstreamEvent, PostRecord } from "../bluesky/map";
import { type Fault, listen, takeFault } from "./http";

export interface LocalJetstreamServer {
  /** ws://127.0.0.1:port — pass as the connector's endpoint. */
  url: string;
  events: JetstreamEvent[];
  /** Query strings of every subscription, in order. */
  subscriptions: URLSearchParams[];
  /** Handshake failures for the next upgrades (status + headers). */
  faults: Fault[];
  openSockets(): number;
  /** Stores an event (time_us ascending) and sends it to matching subscribers. */
  emit(event: JetstreamEvent): void;
  /** Stores without sending: events a disconnected client missed. */
  store(event: JetstreamEvent): void;
  sendRaw(frame: string): void;
  /** Kills every socket without a close frame, as a network drop does. */
  dropAll(): void;
  close(): Promise<void>;
}

let clock = Date.now() * 1000;
/** Monotonic microsecond timestamps, like Jetstream's time_us. */
export function nextTimeUs(): number {
  clock = Math.max(clock + 1, Date.now() * 1000);
  return clock;
}

let rkeySeq = 0;
/** A TID-looking record key (base32-sortable, 13 chars). */
export function nextRkey(): string {
  rkeySeq++;
  return `3l${(Date.now() * 1000 + rkeySeq).toString(32).padStart(11, "2")}`.slice(0, 13);
}

export function makePostEvent(
  record: Partial<PostRecord> = {},
  overrides: { did?: string; rkey?: string; time_us?: number } = {},
): JetstreamEvent {
  const time_us = overrides.time_us ?? nextTimeUs();
  return {
    did: overrides.did ?? "did:plc:eygmaihciaxprqvxpfvl6flk",
    time_us,
    kind: "commit",
    commit: {
      rev: `3l${time_us.toString(32)}`,
      operation: "create",
      collection: "app.bsky.feed.post",
      rkey: overrides.rkey ?? nextRkey(),
      record: {
        $type: "app.bsky.feed.post",
        createdAt: new Date(Math.floor(time_us / 1000) - 250).toISOString(),
        langs: ["en"],
        text: "Halcyon Trailblazer 2 survived the storm",
        ...record,
      },
      cid: "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a",
    },
  };
}

/**
 * A local Jetstream: /subscribe with wantedCollections, wantedDids and cursor (replay of stored
 * events with time_us ≥ cursor, then live events), like the real service.
 */
export async function startJetstreamServer(): Promise<LocalJetstreamServer> {
  const events: JetstreamEvent[] = [];
  const subscriptions: URLSearchParams[] = [];
  const faults: Fault[] = [];
  const clients = new Map<WebSocket, (e: JetstreamEvent) => boolean>();
  const http = await listen((_req, res) => {
    res.writeHead(426).end("upgrade required");
  });
  const wss = new WebSocketServer({ noServer: true });

  http.server.on("upgrade", (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? "/", "http://local");
    const fault = takeFault(faults, url.pathname);
    if (fault || url.pathname !== "/subscribe") {
      const status = fault?.status ?? 404;
      const headers = Object.entries(fault?.headers ?? {})
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join("");
      socket.end(`HTTP/1.1 ${status} Scripted\r\n${headers}content-length: 0\r\nconnection: close\r\n\r\n`);
      return;
    }
    subscriptions.push(url.searchParams);
    const collections = url.searchParams.getAll("wantedCollections");
    const dids = url.searchParams.getAll("wantedDids");
    const cursor = Number(url.searchParams.get("cursor") ?? Number.NaN);
    const matches = (e: JetstreamEvent) =>
      (dids.length === 0 || dids.includes(e.did)) &&
      (e.kind !== "commit" || collections.length === 0 || collections.includes(e.commit?.collection ?? ""));
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (Number.isFinite(cursor)) {
        for (const e of events) if (e.time_us >= cursor && matches(e)) ws.send(JSON.stringify(e));
      }
      clients.set(ws, matches);
      ws.on("close", () => clients.delete(ws));
    });
  });

  return {
    url: http.url.replace(/^http/, "ws"),
    events,
    subscriptions,
    faults,
    openSockets: () => clients.size,
    store: (e) => void events.push(e),
    emit(e) {
      events.push(e);
      for (const [ws, matches] of clients) if (matches(e)) ws.send(JSON.stringify(e));
    },
    sendRaw(frame) {
      for (const ws of clients.keys()) ws.send(frame);
    },
    dropAll() {
      for (const ws of clients.keys()) ws.terminate();
    },
    async close() {
      for (const ws of clients.keys()) ws.terminate();
      wss.close();
      await http.close();
    },
  };
}
