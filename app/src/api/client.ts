import type { ErrorCode, ValidationIssue } from "./types";

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    /** Seconds from the Retry-After header on 429 responses. */
    readonly retryAfter?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Validation issues keyed by field path, for showing next to inputs. */
  fieldErrors(): Record<string, string> {
    if (this.code !== "validation_failed" || !Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const issue of this.details as ValidationIssue[]) {
      if (issue && typeof issue.path === "string" && !(issue.path in out)) out[issue.path] = issue.message;
    }
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The CSRF token lives in the session payload; the session hooks keep this in sync so
// every mutation can attach it without threading it through components.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests that can't go through api(), such as file uploads with progress (XHR). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError("network_error", "Can't reach the server. Check your connection and try again.", 0);
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }

  if (!response.ok) {
    throw apiErrorFrom(response.status, payload, response.headers.get("retry-after"));
  }
  return payload as T;
}

/** The typed error for a failed response's status and parsed JSON body (`{ error, requestId }`). */
export function apiErrorFrom(status: number, payload: unknown, retryAfter: string | null): ApiError {
  const body = payload as
    | { error?: { code?: ErrorCode; message?: string; details?: unknown }; requestId?: string }
    | undefined;
  const code = body?.error?.code ?? (status >= 500 ? "internal" : "bad_request");
  const message = body?.error?.message ?? `Request failed (${status}).`;
  return new ApiError(
    code,
    message,
    status,
    body?.error?.details,
    parseRetryAfter(retryAfter),
    body?.requestId,
  );
}

/** A user-facing message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "csrf_failed") return "Your session expired. Reload the page and try again.";
    return error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}
