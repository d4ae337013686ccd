import type { ConnectorContext } from "../types";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  data?: Record<string, unknown>;
}

export interface TestContext extends ConnectorContext {
  logs: LogEntry[];
  controller: AbortController;
  abort(): void;
}

/**
 * A ConnectorContext for tests: real fetch (local servers only), captured log lines so tests
 * can assert "skipped with a log line", and an AbortController to stop streams.
 */
export function createTestContext(
  overrides: Partial<Pick<ConnectorContext, "fetch" | "now">> = {},
): TestContext {
  const controller = new AbortController();
  const logs: LogEntry[] = [];
  return {
    fetch: overrides.fetch ?? globalThis.fetch,
    now: overrides.now ?? (() => new Date()),
    signal: controller.signal,
    controller,
    logs,
    abort: () => controller.abort(),
    log(level, message, data) {
      logs.push(data ? { level, message, data } : { level, message });
    },
  };
}

/**
 * Pulls `count` items from a stream (or fewer if it ends), failing after `timeoutMs` so a
 * broken reconnect shows up as a test failure, not a hang. Leaves the iterator open unless
 * `close` is set, so a test can keep consuming from the same stream.
 */
export async function take<T>(iterator: AsyncIterator<T>, count: number, timeoutMs = 5_000): Promise<T[]> {
  const out: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`take: timed out after ${out.length}/${count} items`);
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`take: timed out after ${out.length}/${count} items`)),
          remaining,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** Waits until `predicate` holds, polling; for "the server saw a reconnect" style assertions. */
export async function waitFor(
  predicate: () => boolean,
  timeoutMs = 5_000,
  label = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`waitFor: ${label} not met within ${timeoutMs}ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
