/**
 * One error shape for the whole API: `{ error: { code, message, details? }, requestId }`.
 * Use cases throw these; the error handler turns them (and Fastify's own) into responses.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "csrf_failed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal";

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const forbidden = (message = "You are not allowed to do that") =>
  new AppError(403, "forbidden", message);
export const unauthorized = (message = "Log in to continue") => new AppError(401, "unauthorized", message);
export const conflict = (message: string, details?: unknown) =>
  new AppError(409, "conflict", message, details);
export const badRequest = (message: string, details?: unknown) =>
  new AppError(400, "bad_request", message, details);
export const validationFailed = (message: string, details: { path: string; message: string }[]) =>
  new AppError(422, "validation_failed", message, details);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    429,
    "rate_limited",
    `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`,
    { retryAfterSeconds },
    { "retry-after": String(retryAfterSeconds) },
  );
