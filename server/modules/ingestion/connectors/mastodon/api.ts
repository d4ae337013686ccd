import { type ConnectorContext, ConnectorError } from "../types";

export interface RateLimit {
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAt?: number;
}

/** Mastodon sends X-RateLimit-Reset as an ISO timestamp; tolerate epoch seconds too. */
export function parseRateLimit(headers: Headers, now: Date): RateLimit {
  const out: RateLimit = {};
  const remaining = Number(headers.get("x-ratelimit-remaining"));
  if (headers.has("x-ratelimit-remaining") && Number.isFinite(remaining)) out.remaining = remaining;
  const reset = headers.get("x-ratelimit-reset");
  if (reset) {
    const asNumber = Number(reset);
    const at = Number.isFinite(asNumber) ? (asNumber > 1e11 ? asNumber : asNumber * 1000) : Date.parse(reset);
    if (Number.isFinite(at)) out.resetAt = Math.max(at, now.getTime());
  }
  return out;
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

/**
 * Maps an HTTP failure to the contract's error kinds: 401/403/404/410/422 mean the settings are
 * wrong (token, instance, tag) and retrying will not help; 429/5xx are transient.
 */
export function errorForResponse(res: Response, what: string, now: Date): ConnectorError {
  const status = res.status;
  if (status === 429) {
    const rl = parseRateLimit(res.headers, now);
    const wait = retryAfterMs(res.headers, now) ?? (rl.resetAt ? rl.resetAt - now.getTime() : 60_000);
    return new ConnectorError(`${what}: rate limited (429)`, "retryable", wait);
  }
  if (status >= 500 || status === 408) {
    return new ConnectorError(`${what}: server error ${status}`, "retryable", retryAfterMs(res.headers, now));
  }
  if (status === 401 || status === 403) {
    return new ConnectorError(`${what}: access token rejected (${status})`, "fatal");
  }
  return new ConnectorError(`${what}: unexpected status ${status}`, "fatal");
}

/** A network failure (DNS, reset, refused) is retryable; an abort is passed through untouched. */
export function wrapNetworkError(err: unknown, what: string, ctx: ConnectorContext): unknown {
  if (ctx.signal.aborted || err instanceof ConnectorError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ConnectorError(`${what}: network error: ${message}`, "retryable");
}

export async function getJson(
  url: string,
  accessToken: string,
  ctx: ConnectorContext,
  what: string,
): Promise<{ body: unknown; headers: Headers }> {
  let res: Response;
  try {
    res = await ctx.fetch(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      signal: ctx.signal,
    });
  } catch (err) {
    throw wrapNetworkError(err, what, ctx);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw errorForResponse(res, what, ctx.now());
  }
  try {
    return { body: await res.json(), headers: res.headers };
  } catch (err) {
    // An HTML error page behind a proxy with a 200 is a source problem that may pass.
    throw new ConnectorError(`${what}: response is not JSON (${String(err)})`, "retryable");
  }
}
