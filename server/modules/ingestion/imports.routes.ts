import { type Readable, Transform } from "node:stream";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Selectable } from "kysely";
import { keysetPage } from "../../db/keyset";
import { AppError, notFound } from "../../http/errors";
import { encodeCursor, page, pageQuery } from "../../http/pagination";
import { actorOf, memberOf } from "../../http/plugins/auth";
import type { RouteModule } from "../../http/types";
import { authorize } from "../../policies/policy";
import { idParams } from "../accounts/schema";
import { sniffColumns } from "./connectors/import/sniff";
import { importPage, importQuery, importSchema, previewBody, previewResponse } from "./schema";
import type { ImportsTable } from "./tables";
import { importFile } from "./useCases/importFile";

const tags = ["Imports"];
const FILE_TYPES = [
  "text/csv",
  "application/x-ndjson",
  "application/jsonl",
  "application/octet-stream",
  "text/plain",
];

function present(row: Selectable<ImportsTable>) {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    status: row.status,
    bytesTotal: row.bytes_total,
    bytesRead: row.bytes_read,
    rowsOk: row.rows_ok,
    rowsFailed: row.rows_failed,
    errors: row.errors,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** Fails the stream once more than `max` bytes went through (Fastify's limit needs a parser). */
function capped(stream: Readable, max: number): Readable {
  let seen = 0;
  // A client that goes away mid-upload closes the request without ending it: fail the import.
  stream.once("close", () => {
    if (!stream.readableEnded)
      out.destroy(new Error("The upload was interrupted before the end of the file"));
  });
  const out = stream.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > max)
          done(
            new AppError(
              413,
              "payload_too_large",
              `The file is larger than the ${max} bytes allowed (IMPORT_MAX_BYTES)`,
            ),
          );
        else done(null, chunk);
      },
    }),
  );
  return out;
}

export const importsRoutes: RouteModule = (app, ctx) => {
  app.post(
    "/api/imports/preview",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Sniff the columns of a file's first lines and suggest a mapping",
        body: previewBody,
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      authorize(memberOf(request), "create", "Import");
      const result = sniffColumns(request.body.sample);
      return { ...result, suggestedMapping: result.suggestedMapping as Record<string, unknown> };
    },
  );

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The body stays a stream: a file of gigabytes is parsed as it arrives, capped by
    // IMPORT_MAX_BYTES in capped(). The route keeps the normal body limit, which only the
    // buffering parsers (JSON) apply: an unauthenticated JSON flood is cut off at BODY_LIMIT_BYTES.
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));
    scope.post(
      "/api/imports",
      {
        config: { auth: "member" },
        schema: {
          tags,
          summary: "Import a CSV or JSONL file (send the file as the request body)",
          description:
            "Query: fileName, format (csv|jsonl), mapping (JSON: source column per field, `text` required). Bad lines are reported by line number; good lines are kept.",
          querystring: importQuery,
          response: { 201: importSchema },
        },
      },
      async (request, reply) => {
        const actor = memberOf(request);
        authorize(actor, "create", "Import");
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== "function") {
          throw new AppError(
            415,
            "unsupported_media_type",
            `Send the file as the body with Content-Type ${FILE_TYPES.slice(0, 2).join(" or ")}`,
          );
        }
        const summary = await importFile(ctx, {
          organisationId: actor.organisationId,
          actor: actorOf(request),
          fileName: request.query.fileName,
          format: request.query.format,
          mapping: request.query.mapping,
          delimiter: request.query.delimiter,
          dateOrder: request.query.dateOrder,
          stream: capped(body, ctx.config.IMPORT_MAX_BYTES),
          totalBytes: Number(request.headers["content-length"] ?? 0),
        });
        const row = await ctx.db
          .selectFrom("imports")
          .selectAll()
          .where("id", "=", summary.id)
          .executeTakeFirstOrThrow();
        reply.code(201);
        return present(row);
      },
    );
  });

  app.get(
    "/api/imports",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "Recent imports with progress",
        querystring: pageQuery,
        response: { 200: importPage },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Import");
      const q = ctx.db.selectFrom("imports").selectAll().where("organisation_id", "=", actor.organisationId);
      const rows = await keysetPage(q, request.query, "imports").execute();
      const result = page(rows, request.query.limit, (r) =>
        encodeCursor({ createdAt: r.created_at, id: r.id }),
      );
      return { data: result.data.map(present), nextCursor: result.nextCursor };
    },
  );

  app.get(
    "/api/imports/:id",
    {
      config: { auth: "member" },
      schema: {
        tags,
        summary: "One import and its bad lines",
        params: idParams,
        response: { 200: importSchema },
      },
    },
    async (request) => {
      const actor = memberOf(request);
      authorize(actor, "read", "Import");
      const row = await ctx.db
        .selectFrom("imports")
        .selectAll()
        .where("organisation_id", "=", actor.organisationId)
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound("Import");
      return present(row);
    },
  );
};
