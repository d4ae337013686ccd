import type { Readable } from "node:stream";
import type { AppContext } from "../../../context";
import { type Actor, recordEvent } from "../../../events/record";
import type { ColumnMapping } from "../connectors/import/mapping";
import { parseImport } from "../connectors/import/parse-import";
import type { NormalisedPost } from "../connectors/types";

const CHUNK = 500;
const KEPT_ERRORS = 200;
const PROGRESS_EVERY_MS = 750;

export interface ImportInput {
  organisationId: string;
  actor: Actor;
  fileName: string;
  format: "csv" | "jsonl";
  mapping: ColumnMapping;
  delimiter?: string;
  dateOrder?: "dmy" | "mdy";
  stream: Readable;
  totalBytes: number;
  /** For the CLI's progress bar; the web app follows `import.progress` events instead. */
  onProgress?(progress: { bytesRead: number; totalBytes: number; rowsOk: number; rowsFailed: number }): void;
}

export interface ImportSummary {
  id: string;
  rowsOk: number;
  rowsFailed: number;
  errors: { line: number; message: string }[];
  status: "done" | "failed";
}

/**
 * Streams a CSV or JSONL file into the pipeline: good rows are ingested in chunks as they are
 * read, bad rows are reported by line number and skipped, and progress is saved and announced
 * as it goes. Memory stays flat whatever the file's size.
 */
export async function importFile(
  ctx: Pick<AppContext, "db" | "ingestion">,
  input: ImportInput,
): Promise<ImportSummary> {
  const sink = ctx.ingestion?.sink;
  if (!sink) throw new Error("ingestion is not running in this process");
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("imports")
      .values({
        organisation_id: input.organisationId,
        file_name: input.fileName.slice(0, 255),
        format: input.format,
        bytes_total: input.totalBytes,
        created_by: input.actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordEvent(trx, input.actor, {
      name: "import.started",
      subjectType: "import",
      subjectId: created.id,
      data: { fileName: input.fileName, format: input.format, bytes: input.totalBytes },
    });
    return created;
  });

  const errors: { line: number; message: string }[] = [];
  let rowsOk = 0;
  let rowsFailed = 0;
  let bytesRead = 0;
  let lastSaved = Date.now();
  let chunk: NormalisedPost[] = [];

  const saveProgress = async (final?: "done" | "failed", failure?: string) => {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("imports")
        .set({
          bytes_read: bytesRead,
          rows_ok: rowsOk,
          rows_failed: rowsFailed,
          errors: JSON.stringify(errors),
          updated_at: new Date(),
          ...(final ? { status: final, finished_at: new Date() } : {}),
        })
        .where("id", "=", row.id)
        .execute();
      const data = {
        importId: row.id,
        bytesRead,
        totalBytes: input.totalBytes,
        rowsOk,
        rowsFailed,
        ...(failure ? { error: failure } : {}),
      };
      await recordEvent(
        trx,
        input.actor,
        final
          ? {
              name: `import.${final === "done" ? "finished" : "failed"}`,
              subjectType: "import",
              subjectId: row.id,
              data,
            }
          : { name: "import.progress", subjectType: "import", subjectId: row.id, data, audit: false },
      );
    });
    input.onProgress?.({ bytesRead, totalBytes: input.totalBytes, rowsOk, rowsFailed });
  };

  const flush = async () => {
    if (chunk.length === 0) return;
    const posts = chunk;
    chunk = [];
    await sink.ingest(input.organisationId, null, posts);
    rowsOk += posts.length;
  };

  try {
    const rows = parseImport(input.stream, {
      format: input.format,
      mapping: input.mapping,
      delimiter: input.delimiter,
      dateOrder: input.dateOrder,
      channel: "import",
      totalBytes: input.totalBytes,
      progressEveryBytes: 256 * 1024,
      onProgress: (p) => {
        bytesRead = p.bytesRead;
      },
    });
    for await (const item of rows) {
      if (item.post) chunk.push(item.post);
      else if (item.error) {
        rowsFailed++;
        if (errors.length < KEPT_ERRORS) errors.push({ line: item.line, message: item.error });
      }
      if (chunk.length >= CHUNK) await flush();
      if (Date.now() - lastSaved > PROGRESS_EVERY_MS) {
        lastSaved = Date.now();
        await saveProgress();
      }
    }
    await flush();
    bytesRead = Math.max(bytesRead, input.totalBytes);
    await saveProgress("done");
    return { id: row.id, rowsOk, rowsFailed, errors, status: "done" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await saveProgress("failed", message);
    return { id: row.id, rowsOk, rowsFailed, errors: [...errors, { line: 0, message }], status: "failed" };
  }
}

/** Imports that stopped moving (their process died, or their upload was cut) end as failed. */
export async function failStaleImports(db: AppContext["db"], staleAfterMinutes = 2): Promise<number> {
  const rows = await db
    .updateTable("imports")
    .set({ status: "failed", finished_at: new Date() })
    .where("status", "=", "running")
    .where("updated_at", "<", new Date(Date.now() - staleAfterMinutes * 60_000))
    .returning("id")
    .execute();
  return rows.length;
}
