import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode } from "../errors";

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  return reply
    .code(status)
    .type("application/json")
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) }, requestId: request.id });
}

/** Maps every failure, ours or Fastify's, onto the one error shape. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return send(reply, request, error.status, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [
          error.validationContext,
          ...(v.instancePath ? v.instancePath.split("/").filter(Boolean) : []),
        ].join("."),
        message: v.message ?? "is invalid",
      }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join("; ");
      return send(reply, request, 422, "validation_failed", `Invalid request: ${summary}`, details);
    }
    // Constraint and encoding errors come from what the client sent (a NUL byte, a duplicate
    // name won by a concurrent request): answer them as such, never as a 500.
    const pgCode = (error as { code?: unknown }).code;
    if (typeof pgCode === "string" && pgCode in DATABASE_ERRORS) {
      const [status, code, message] = DATABASE_ERRORS[pgCode]!;
      return send(reply, request, status, code, message);
    }
    const fastifyError = error as FastifyError;
    switch (fastifyError.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return send(
          reply,
          request,
          413,
          "payload_too_large",
          `Request body is larger than the ${app.initialConfig.bodyLimit} bytes allowed`,
        );
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return send(
          reply,
          request,
          415,
          "unsupported_media_type",
          "Send JSON with Content-Type: application/json",
        );
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return send(reply, request, 400, "bad_request", "The JSON body is empty");
    }
    if (error instanceof SyntaxError || fastifyError.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
      return send(reply, request, 400, "bad_request", `Malformed JSON body: ${error.message}`);
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(reply, request, status, "bad_request", error.message);
    request.log.error({ err: error }, "unhandled error");
    return send(
      reply,
      request,
      500,
      "internal",
      "Something went wrong on our side; the request id helps us find it",
    );
  });
}

const DATABASE_ERRORS: Record<string, [number, ErrorCode, string]> = {
  "23505": [
    409,
    "conflict",
    "That already exists (it may have just been created by another request); try again",
  ],
  "23503": [409, "conflict", "Something this refers to no longer exists; reload and try again"],
  "22P02": [400, "bad_request", "A value has the wrong format"],
  "22021": [400, "bad_request", "Text contains a byte sequence that is not valid UTF-8 (or a NUL character)"],
  "22P05": [400, "bad_request", "Text contains a character that cannot be stored (NUL, \\u0000)"],
  "22003": [400, "bad_request", "A number is out of range"],
};

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(
    reply,
    request,
    404,
    "not_found",
    `No route for ${request.method} ${request.url.split("?")[0]}`,
  );
}
