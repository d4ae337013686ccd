import { type SafeFetchOptions, safeFetch } from "./safe-fetch";

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `typeof fetch` built on safeFetch, for ConnectorContext.fetch: connectors that only know the
 * fetch API still get the SSRF guard, caps and pinned DNS. GET/HEAD only (user-supplied URLs are
 * read, never written to); the body is buffered under the cap before the Response is built.
 */
export function createGuardedFetch(
  defaults: Omit<SafeFetchOptions, "signal" | "headers"> = {},
): typeof fetch {
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (method !== "GET" && method !== "HEAD")
      throw new TypeError(`guarded fetch only allows GET/HEAD, got ${method}`);
    const headers = Object.fromEntries(
      new Headers(init?.headers ?? (input instanceof Request ? input.headers : {})),
    );
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const res = await safeFetch(url, { ...defaults, headers, ...(signal ? { signal } : {}) });
    const body = NULL_BODY.has(res.status) || method === "HEAD" ? null : new Uint8Array(res.body);
    // The body is already decoded; drop the headers that described the wire form.
    const { "content-encoding": _enc, "content-length": _len, ...rest } = res.headers;
    const response = new Response(body, { status: res.status, headers: rest });
    Object.defineProperty(response, "url", { value: res.url });
    return response;
  };
  return guarded as typeof fetch;
}
