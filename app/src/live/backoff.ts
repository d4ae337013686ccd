/**
 * Reconnect delay: exponential from 1s, capped at 30s, with +/-20% jitter so a server
 * restart isn't followed by every tab reconnecting in the same millisecond.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(base * jitter);
}

export interface InvalidateMessage {
  keys: string[][];
  event?: string;
}

/** Parses an `invalidate` event's data; ignores anything malformed instead of throwing. */
export function parseInvalidate(data: string): InvalidateMessage | null {
  try {
    const value = JSON.parse(data) as unknown;
    if (!value || typeof value !== "object") return null;
    const keys = (value as { keys?: unknown }).keys;
    if (!Array.isArray(keys)) return null;
    const valid = keys.filter(
      (k): k is string[] => Array.isArray(k) && k.length > 0 && k.every((p) => typeof p === "string"),
    );
    const event = (value as { event?: unknown }).event;
    return { keys: valid, event: typeof event === "string" ? event : undefined };
  } catch {
    return null;
  }
}

/**
 * The live URL. The server already scopes every stream to the session's organisation and
 * user; rooms only add narrower topics (e.g. one collaboration space), so most pages pass none.
 */
export function liveUrl(rooms: readonly string[]): string {
  const list = [...new Set(rooms)].filter(Boolean).sort();
  return list.length ? `/api/live?rooms=${encodeURIComponent(list.join(","))}` : "/api/live";
}

/**
 * Leading-and-trailing throttle per key: the first invalidation runs at once (an audit entry
 * appears immediately), bursts within `windowMs` collapse into one more run at the window's
 * end. A busy stream sends several `mentions.*` events a second; without this every dashboard
 * chart would refetch and redraw for each of them.
 */
export function createKeyThrottle(
  run: (key: string) => void,
  windowMs: number,
  timers: { set: (fn: () => void, ms: number) => unknown; now: () => number } = {
    set: (fn, ms) => setTimeout(fn, ms),
    now: () => Date.now(),
  },
) {
  const last = new Map<string, number>();
  const pending = new Set<string>();
  return (key: string) => {
    const now = timers.now();
    const since = now - (last.get(key) ?? Number.NEGATIVE_INFINITY);
    if (since >= windowMs && !pending.has(key)) {
      last.set(key, now);
      run(key);
      return;
    }
    if (pending.has(key)) return;
    pending.add(key);
    timers.set(
      () => {
        pending.delete(key);
        last.set(key, timers.now());
        run(key);
      },
      Math.max(0, windowMs - since),
    );
  };
}
