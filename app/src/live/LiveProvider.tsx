import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { backoffDelay, createKeyThrottle, liveUrl, parseInvalidate } from "./backoff";

/** At most one refetch per query key per window while events stream in (see createKeyThrottle). */
const LIVE_WINDOW_MS = 2_000;

export type LiveStatus = "connecting" | "connected" | "reconnecting" | "off";

const LiveContext = createContext<LiveStatus>("connecting");

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext);
}

/**
 * One EventSource per tab. We drive reconnects ourselves (close + backoff) instead of relying
 * on EventSource's built-in retry, which gives up for good on HTTP errors such as a 502
 * during a deploy. After any reconnect we invalidate everything: events may have been missed.
 */
export function LiveProvider({
  organisationId,
  userId,
  rooms = [],
  children,
}: {
  organisationId: string | null;
  userId: string;
  /** Extra topics beyond the organisation/user scope the server applies by itself. */
  rooms?: readonly string[];
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  const url = liveUrl(rooms);

  // organisationId and userId are dependencies on purpose: the server scopes the stream to
  // the session's organisation, so switching organisation must open a new stream.
  useEffect(() => {
    // Without an organisation the endpoint would refuse us; there is nothing to watch anyway.
    if (typeof EventSource === "undefined" || !organisationId || !userId) {
      setStatus("off");
      return;
    }
    let source: EventSource | null = null;
    let timer: number | undefined;
    let attempt = 0;
    let everConnected = false;
    let disposed = false;
    const invalidate = createKeyThrottle((key) => {
      if (!disposed) void queryClient.invalidateQueries({ queryKey: JSON.parse(key) as string[] });
    }, LIVE_WINDOW_MS);

    const connect = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener("ready", () => {
        if (everConnected) void queryClient.invalidateQueries();
        everConnected = true;
        attempt = 0;
        setStatus("connected");
      });
      source.addEventListener("open", () => {
        // Servers that don't send "ready" still count as connected once the stream opens.
        attempt = 0;
        setStatus("connected");
      });
      source.addEventListener("invalidate", (event) => {
        const message = parseInvalidate((event as MessageEvent<string>).data);
        if (!message) return;
        for (const key of message.keys) invalidate(JSON.stringify(key));
      });
      source.addEventListener("error", () => {
        source?.close();
        source = null;
        if (disposed) return;
        setStatus("reconnecting");
        // A dropped stream can mean the session ended: let the session query find out.
        void queryClient.invalidateQueries({ queryKey: ["session"] });
        timer = window.setTimeout(connect, backoffDelay(attempt++));
      });
    };

    setStatus("connecting");
    connect();
    return () => {
      disposed = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [organisationId, userId, url, queryClient]);

  return <LiveContext.Provider value={status}>{children}</LiveContext.Provider>;
}

export function LiveIndicator() {
  const status = useLiveStatus();
  if (status === "off") return null;
  const label =
    status === "connected"
      ? "Live updates on"
      : status === "connecting"
        ? "Connecting to live updates"
        : "Live updates reconnecting";
  return (
    <span className={`live-indicator live-${status}`} title={label} role="status">
      <span className="live-dot" aria-hidden="true" />
      <span className="live-text" aria-hidden="true">
        {status === "connected" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
