import type { Readable } from "node:stream";
import type { ChannelKind, NormalisedPost } from "../types";
import { CsvTokenizer } from "./csv-tokenizer";
import type { DateOrder } from "./dates";
import { LineSplitter } from "./lines";
import { buildPost, type ColumnMapping, mappedSources } from "./mapping";

export interface ImportProgress {
  bytesRead: number;
  /** As given in options (e.g. the file's size); enables `fraction`. */
  totalBytes?: number;
  fraction?: number;
  rows: number;
  errors: number;
}

export interface ImportOptions {
  format: "csv" | "jsonl";
  mapping: ColumnMapping;
  /** CSV only; default ",". sniffColumns suggests one. */
  delimiter?: string;
  /** CSV only; default true. Without a header, columns are named "1", "2", … (1-based). */
  header?: boolean;
  /** How to read ambiguous 01/02/2024 dates; default "dmy". */
  dateOrder?: DateOrder;
  channel?: ChannelKind;
  /** A record (CSV) or line (JSONL) larger than this is reported and skipped. Default 1 MiB. */
  maxRecordBytes?: number;
  totalBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Call onProgress at most once per this many bytes read (and once at the end). Default 1 MiB. */
  progressEveryBytes?: number;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface ImportRow {
  /** 1-based line where the record starts (CSV records with quoted newlines span several). */
  line: number;
  post?: NormalisedPost;
  error?: string;
}

/**
 * Streams posts out of a CSV or JSONL/NDJSON file of any size: the source is read chunk by chunk
 * (backpressure comes from the consumer's `for await`), so memory stays at one chunk plus one
 * record. Bad records yield `{ line, error }` and parsing continues; a mapping that names a column
 * the header lacks yields one error at line 1 and stops (every row would fail the same way).
 */
export async function* parseImport(stream: Readable, options: ImportOptions): AsyncGenerator<ImportRow> {
  const progress: ImportProgress = { bytesRead: 0, rows: 0, errors: 0 };
  if (options.totalBytes !== undefined) progress.totalBytes = options.totalBytes;
  const every = options.progressEveryBytes ?? 1024 * 1024;
  let nextReport = every;
  const report = () => {
    if (!options.onProgress) return;
    if (progress.totalBytes) progress.fraction = Math.min(1, progress.bytesRead / progress.totalBytes);
    options.onProgress({ ...progress });
  };
  const rows = options.format === "csv" ? csvRows(options) : jsonlRows(options);
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    options.signal?.throwIfAborted();
    let buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    progress.bytesRead += buf.length;
    if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    first = false;
    for (const { fatal, ...row } of rows.push(buf)) {
      if (row.error) progress.errors++;
      else progress.rows++;
      yield row;
      if (fatal) return report();
    }
    if (progress.bytesRead >= nextReport) {
      nextReport = progress.bytesRead + every;
      report();
    }
  }
  for (const { fatal: _fatal, ...row } of rows.end()) {
    if (row.error) progress.errors++;
    else progress.rows++;
    yield row;
  }
  report();
}

interface RowSource {
  push(chunk: Buffer): (ImportRow & { fatal?: boolean })[];
  end(): (ImportRow & { fatal?: boolean })[];
}

function csvRows(options: ImportOptions): RowSource {
  const tokenizer = new CsvTokenizer(options.delimiter ?? ",", options.maxRecordBytes ?? 1024 * 1024);
  // Streaming decode: a multi-byte character split across chunks is completed by the next chunk.
  const decoder = new TextDecoder("utf-8");
  const hasHeader = options.header ?? true;
  let columns: string[] | null = null;
  let index = new Map<string, number>();
  const ctx = buildContext(options);
  const toRows = (records: ReturnType<CsvTokenizer["push"]>) => {
    const out: (ImportRow & { fatal?: boolean })[] = [];
    for (const rec of records) {
      if (rec.error) {
        out.push({ line: rec.line, error: `CSV: ${rec.error}` });
        continue;
      }
      if (!columns) {
        columns = hasHeader ? rec.fields.map((f) => f.trim()) : rec.fields.map((_, i) => String(i + 1));
        index = new Map(columns.map((c, i) => [c, i] as const).reverse());
        const missing = mappedSources(options.mapping).filter((s) => !index.has(s));
        if (missing.length > 0) {
          out.push({
            line: rec.line,
            error: `mapping names column(s) ${missing.map((m) => `"${m}"`).join(", ")} not in the header (${columns.join(", ")})`,
            fatal: true,
          });
          return out;
        }
        if (hasHeader) continue;
      }
      const fields = rec.fields;
      if (
        fields.length !== columns.length &&
        !(fields.length > columns.length && fields.slice(columns.length).every((f) => f === ""))
      ) {
        out.push({ line: rec.line, error: `expected ${columns.length} columns, got ${fields.length}` });
        continue;
      }
      const result = buildPost((c) => fields[index.get(c) ?? -1], options.mapping, {
        ...ctx(),
        identity: fields.join("\u001f"),
      });
      if (typeof result === "string") out.push({ line: rec.line, error: result });
      else {
        const cols = columns;
        result.raw = Object.fromEntries(cols.map((c, i) => [c, fields[i] ?? ""]));
        out.push({ line: rec.line, post: result });
      }
    }
    return out;
  };
  return {
    push: (chunk) => toRows(tokenizer.push(decoder.decode(chunk, { stream: true }))),
    end: () => toRows([...tokenizer.push(decoder.decode()), ...tokenizer.end()]),
  };
}

function jsonlRows(options: ImportOptions): RowSource {
  const splitter = new LineSplitter(options.maxRecordBytes ?? 1024 * 1024);
  const strict = new TextDecoder("utf-8", { fatal: true });
  const ctx = buildContext(options);
  const toRows = (lines: ReturnType<LineSplitter["push"]>) => {
    const out: ImportRow[] = [];
    for (const { line, bytes, tooLong } of lines) {
      if (tooLong) {
        out.push({
          line,
          error: `line is longer than ${options.maxRecordBytes ?? 1024 * 1024} bytes; skipped`,
        });
        continue;
      }
      let text: string;
      try {
        text = strict.decode(bytes);
      } catch {
        out.push({ line, error: "invalid UTF-8" });
        continue;
      }
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        out.push({ line, error: `invalid JSON: ${(err as Error).message}` });
        continue;
      }
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        out.push({ line, error: "expected a JSON object" });
        continue;
      }
      const result = buildPost((path) => getPath(value, path), options.mapping, {
        ...ctx(),
        identity: text.trim(),
      });
      if (typeof result === "string") out.push({ line, error: result });
      else {
        result.raw = value;
        out.push({ line, post: result });
      }
    }
    return out;
  };
  return { push: (chunk) => toRows(splitter.push(chunk)), end: () => toRows(splitter.end()) };
}

function buildContext(options: ImportOptions) {
  const now = options.now ?? (() => new Date());
  return () => ({ channel: options.channel ?? "import", dateOrder: options.dateOrder ?? "dmy", now: now() });
}

/** "user.name" → value.user.name; an exact key containing dots wins over the path. */
function getPath(value: object, path: string): unknown {
  if (Object.hasOwn(value, path)) return (value as Record<string, unknown>)[path];
  let cur: unknown = value;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object" || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
