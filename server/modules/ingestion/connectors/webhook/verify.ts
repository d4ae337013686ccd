import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Inbound webhook authentication. Two accepted schemes, tried in this order:
 *
 * 1. Chorus (preferred). The sender sets
 *      X-Chorus-Timestamp: <unix seconds>
 *      X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)>
 *    The timestamp must be within ±toleranceSeconds of `now`, so a captured request can only be
 *    replayed inside that window; give a replay cache too and even that is closed (delivery id
 *    from X-Chorus-Delivery, else the signature itself is the key).
 *
 * 2. GitHub-style: X-Hub-Signature-256 over the raw body only, no timestamp. Nothing in the
 *    signed bytes ages, so it is accepted ONLY when the caller supplies a replay cache AND the
 *    request carries a delivery id (X-Chorus-Delivery or X-GitHub-Delivery); each id is accepted
 *    once for `replayTtlSeconds`. Without a cache these requests are refused.
 *
 * The raw body must be the exact bytes received (before any JSON parsing). `secret` may be a list
 * so a secret can be rotated without downtime. Comparison is constant-time.
 */
export interface ReplayCache {
  /** Atomically records `id`; resolves false when it was already present (a replay). */
  remember(id: string, ttlSeconds: number): boolean | Promise<boolean>;
}

export interface VerifyWebhookInput {
  secret: string | string[];
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
  now: Date;
  toleranceSeconds?: number;
  replayCache?: ReplayCache;
  replayTtlSeconds?: number;
}

export type WebhookFailure =
  | "missing_signature"
  | "malformed_signature"
  | "bad_signature"
  | "missing_timestamp"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "missing_delivery_id"
  | "replayed_delivery"
  | "no_secret";

export type VerifyWebhookResult =
  | { ok: true; scheme: "timestamped" | "body-only"; timestamp?: number; deliveryId?: string }
  | { ok: false; reason: WebhookFailure; message: string };

export async function verifyWebhook(input: VerifyWebhookInput): Promise<VerifyWebhookResult> {
  const tolerance = input.toleranceSeconds ?? 300;
  const secrets = [input.secret].flat().filter((s) => s.length > 0);
  if (secrets.length === 0) return fail("no_secret", "No webhook secret is configured for this source");
  const header = (name: string) => {
    const v = input.headers[name] ?? input.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  };

  const signature = header("x-hub-signature-256");
  if (!signature) return fail("missing_signature", "Missing X-Hub-Signature-256 header");
  const match = signature.trim().match(/^sha256=([0-9a-fA-F]{64})$/);
  if (!match) return fail("malformed_signature", "X-Hub-Signature-256 must be sha256=<64 hex chars>");
  const given = Buffer.from(match[1]!, "hex");
  const deliveryId = header("x-chorus-delivery") ?? header("x-github-delivery");
  const ttl = input.replayTtlSeconds ?? Math.max(tolerance * 2, 86_400);

  const tsHeader = header("x-chorus-timestamp");
  if (tsHeader !== undefined) {
    if (!/^\d{1,12}$/.test(tsHeader.trim()))
      return fail("malformed_timestamp", "X-Chorus-Timestamp must be unix seconds");
    const timestamp = Number(tsHeader.trim());
    const skew = Math.abs(input.now.getTime() / 1000 - timestamp);
    // Check the signature first so an attacker learns nothing about the clock from the reason.
    const payload = Buffer.concat([Buffer.from(`${timestamp}.`), input.body]);
    if (!secrets.some((s) => equal(given, hmac(s, payload))))
      return fail("bad_signature", "Signature does not match");
    if (skew > tolerance) {
      return fail(
        "stale_timestamp",
        `Timestamp is ${Math.round(skew)} s away from now (tolerance ${tolerance} s)`,
      );
    }
    if (input.replayCache && !(await input.replayCache.remember(deliveryId ?? `sig:${match[1]}`, ttl))) {
      return fail("replayed_delivery", `Delivery ${deliveryId ?? "(signature)"} was already accepted`);
    }
    return { ok: true, scheme: "timestamped", timestamp, ...(deliveryId ? { deliveryId } : {}) };
  }

  if (!secrets.some((s) => equal(given, hmac(s, input.body))))
    return fail("bad_signature", "Signature does not match");
  if (!input.replayCache) {
    return fail(
      "missing_timestamp",
      "Missing X-Chorus-Timestamp: body-only signatures are accepted only with a replay cache",
    );
  }
  if (!deliveryId)
    return fail(
      "missing_delivery_id",
      "Body-only signatures need an X-Chorus-Delivery or X-GitHub-Delivery id",
    );
  if (!(await input.replayCache.remember(deliveryId, ttl))) {
    return fail("replayed_delivery", `Delivery ${deliveryId} was already accepted`);
  }
  return { ok: true, scheme: "body-only", deliveryId };
}

/** The signature a sender must put in X-Hub-Signature-256 for the timestamped scheme. */
export function signWebhook(secret: string, body: Buffer | string, timestamp: number): string {
  return `sha256=${hmac(secret, Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(body)])).toString("hex")}`;
}

/** In-process replay cache (single instance deployments, tests). Bounded; oldest entries evicted. */
export function createMemoryReplayCache(maxEntries = 100_000, clock: () => number = Date.now): ReplayCache {
  const seen = new Map<string, number>();
  return {
    remember(id, ttlSeconds) {
      const now = clock();
      const expires = seen.get(id);
      if (expires !== undefined && expires > now) return false;
      seen.delete(id);
      seen.set(id, now + ttlSeconds * 1000);
      while (seen.size > maxEntries) seen.delete(seen.keys().next().value as string);
      return true;
    },
  };
}

function hmac(secret: string, payload: Buffer): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function fail(reason: WebhookFailure, message: string): VerifyWebhookResult {
  return { ok: false, reason, message };
}
