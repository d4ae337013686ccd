import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { Agent, request } from "undici";
import { ConnectorError } from "../types";
import { ipLiteral, isPublicAddress } from "./address-policy";

/**
 * Fetch for URLs a user typed in (feed URLs, webhooks to call back…). Guards against SSRF:
 * http/https only; every hop's hostname is resolved and ALL its addresses must be public; the
 * socket then connects to exactly those vetted addresses (a per-request undici Agent whose
 * `lookup` returns the pinned list), so a DNS rebind between check and connect cannot redirect
 * us inward. Redirects are followed by hand so each target goes through the same check.
 * The body is read with a byte cap enforced while streaming (after decompression, so a gzip
 * bomb is cut off too) and the whole exchange is bounded by one timeout.
 */
export interface SafeFetchOptions {
  /** Lets tests (and deliberate on-prem setups) reach 127.0.0.1 / 10.x. Default false. */
  allowPrivateNetworks?: boolean;
  /** The caller's cancellation (ctx.signal); combined with the timeout. */
  signal?: AbortSignal;
  /** Whole request: connect, redirects, headers and body. Default 15 s. */
  timeoutMs?: number;
  /** Decoded body cap. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  headers?: Record<string, string>;
  /** Default GET. A POST (alert webhooks) sends `body` once and never follows redirects. */
  method?: "GET" | "POST";
  body?: string;
  /** Test seam: replaces DNS. Default node:dns lookup with `all: true`. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
  /** Test seam: replaces the address policy (default isPublicAddress, or allow-all when allowPrivateNetworks). */
  isAllowedAddress?: (address: string) => boolean;
}

export interface SafeResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** The URL after redirects. */
  url: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const allowed = options.isAllowedAddress ?? (options.allowPrivateNetworks ? () => true : isPublicAddress);
  const resolve = options.resolve ?? resolveAll;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let current = url;
  for (let hop = 0; ; hop++) {
    const target = checkUrl(current);
    const addresses = await vetHost(target, allowed, resolve);
    const agent = pinnedAgent(target.hostname, addresses, timeoutMs);
    try {
      const method = options.method ?? "GET";
      const res = await request(target, {
        method,
        headers: { "accept-encoding": "gzip, deflate, br", ...options.headers },
        ...(method === "POST" ? { body: options.body ?? "" } : {}),
        signal,
        dispatcher: agent,
      });
      const headers = flattenHeaders(res.headers);
      const location = headers.location;
      if (method === "GET" && REDIRECTS.has(res.statusCode) && location) {
        discard(res.body);
        if (hop >= maxRedirects)
          throw new ConnectorError(`Too many redirects (> ${maxRedirects}) from ${url}`, "fatal");
        current = new URL(location, target).toString();
        continue;
      }
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes && !headers["content-encoding"]) {
        discard(res.body);
        throw tooLarge(target, maxBytes);
      }
      const body = await readCapped(res.body, headers["content-encoding"], maxBytes, target);
      return { status: res.statusCode, headers, body, url: target.toString() };
    } catch (err) {
      throw mapError(err, { timeout, caller: options.signal, timeoutMs, url: target.toString() });
    } finally {
      // One agent per hop: its sockets are useless afterwards (pinned to one host's addresses).
      agent.destroy().catch(() => {});
    }
  }
}

function checkUrl(raw: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConnectorError(`Not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`, "fatal");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ConnectorError(`Only http and https URLs are allowed, got ${parsed.protocol}`, "fatal");
  }
  return parsed;
}

async function vetHost(
  url: URL,
  allowed: (address: string) => boolean,
  resolve: (hostname: string) => Promise<LookupAddress[]>,
): Promise<LookupAddress[]> {
  const literal = ipLiteral(url.hostname);
  let addresses: LookupAddress[];
  if (literal) {
    addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(url.hostname);
    } catch (err) {
      throw new ConnectorError(
        `DNS lookup failed for ${url.hostname}: ${(err as Error).message}`,
        "retryable",
      );
    }
    if (addresses.length === 0) throw new ConnectorError(`${url.hostname} has no addresses`, "retryable");
  }
  // Every address must pass: a name with one public and one private record is still refused,
  // since the OS could pick either.
  const bad = addresses.find((a) => !allowed(a.address));
  if (bad) {
    throw new ConnectorError(
      `Refusing to connect to ${url.hostname} (${bad.address}): private, loopback, link-local or reserved address. ` +
        "Set allowPrivateNetworks to reach internal hosts.",
      "fatal",
    );
  }
  return addresses;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((ok, fail) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addrs) => (err ? fail(err) : ok(addrs))),
  );
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** An Agent whose sockets can only connect to the addresses vetted above. */
function pinnedAgent(hostname: string, addresses: LookupAddress[], timeoutMs: number): Agent {
  const lookup = (host: string, opts: LookupOptions, cb: LookupCallback) => {
    if (host !== hostname) return cb(new Error(`Unexpected lookup for ${host}`), []);
    const family = typeof opts.family === "number" && opts.family !== 0 ? opts.family : undefined;
    const list = family ? addresses.filter((a) => a.family === family) : addresses;
    if (opts.all) return cb(null, list);
    const first = list[0];
    if (!first) return cb(new Error(`No IPv${family} address for ${host}`), []);
    cb(null, first.address, first.family);
  };
  return new Agent({
    connect: { lookup: lookup as never, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connections: 1,
  });
}

async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number, url: URL) {
  const decoder = decoderFor(encoding);
  const source: Readable = decoder ? (pipeline(body, decoder, () => {}) as unknown as Readable) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(url, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    discard(body);
    if (decoder) discard(decoder);
  }
  return Buffer.concat(chunks, total);
}

/** Drop a body we no longer want without an unhandled 'error' from the destroy. */
function discard(stream: Readable | NodeJS.ReadWriteStream) {
  stream.on("error", () => {});
  (stream as Readable).destroy();
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function tooLarge(url: URL, maxBytes: number) {
  return new ConnectorError(`Response from ${url.host} is larger than the ${maxBytes}-byte limit`, "fatal");
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = [v].flat().join(", ");
  return out;
}

function mapError(
  err: unknown,
  ctx: { timeout: AbortSignal; caller?: AbortSignal; timeoutMs: number; url: string },
): unknown {
  if (err instanceof ConnectorError) return err;
  // The caller cancelled (shutdown): surface their reason untouched, it is not a source failure.
  if (ctx.caller?.aborted) return ctx.caller.reason ?? err;
  if (ctx.timeout.aborted)
    return new ConnectorError(`Timed out after ${ctx.timeoutMs} ms fetching ${ctx.url}`, "retryable");
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? "";
  if (
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  ) {
    return new ConnectorError(`Timed out after ${ctx.timeoutMs} ms fetching ${ctx.url}`, "retryable");
  }
  if (code.startsWith("Z_") || code === "ERR__ERROR_FORMAT_PADDING_1") {
    return new ConnectorError(`Corrupt compressed body from ${ctx.url}: ${e.message}`, "retryable");
  }
  return new ConnectorError(
    `Network error fetching ${ctx.url}: ${code || e.message || String(err)}`,
    "retryable",
  );
}
