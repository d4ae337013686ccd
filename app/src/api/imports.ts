import { useMutation } from "@tanstack/react-query";
import { ApiError, api, apiErrorFrom, getCsrfToken, withQuery } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";

export type ImportFormat = "csv" | "jsonl";
export type DateOrder = "dmy" | "mdy";

/** Post fields a file column can fill; `text` is required. */
export const MAPPING_FIELDS = [
  "text",
  "externalId",
  "createdAt",
  "authorHandle",
  "authorName",
  "title",
  "url",
  "authorFollowers",
  "authorUrl",
  "language",
  "country",
  "likes",
  "shares",
  "replies",
  "views",
  "rating",
  "replyTo",
  "thread",
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export type ImportMapping = Partial<Record<MappingField, string>> & { text: string | string[] };

export interface ImportPreview {
  format: ImportFormat;
  delimiter?: string;
  columns: string[];
  suggestedMapping: Partial<Record<MappingField, unknown>>;
}

export interface ImportRun {
  id: string;
  fileName: string;
  format: ImportFormat;
  status: "running" | "done" | "failed";
  bytesTotal: number;
  bytesRead: number;
  rowsOk: number;
  rowsFailed: number;
  errors: Array<{ line: number; message: string }>;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportParams {
  fileName: string;
  format: ImportFormat;
  mapping: ImportMapping;
  delimiter?: string;
  dateOrder?: DateOrder;
}

export interface UploadProgress {
  sent: number;
  total: number;
}

/** How much of a file the preview sniffs: enough lines to guess columns and delimiter. */
export const PREVIEW_BYTES = 64 * 1024;

export function useImports() {
  return useCursorList<ImportRun>(keys.imports, "/api/imports");
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (sample: string) =>
      api<ImportPreview>("/api/imports/preview", { method: "POST", body: { sample } }),
  });
}

/** The first bytes of a file as text, cut at the last full line when the file is longer. */
export async function readSample(file: Blob): Promise<string> {
  const text = await file.slice(0, PREVIEW_BYTES).text();
  if (file.size <= PREVIEW_BYTES) return text;
  const lastBreak = text.lastIndexOf("\n");
  return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text;
}

/**
 * Sends the file as the raw request body (the server parses while it receives). XHR rather
 * than fetch because only XHR reports upload progress in every browser.
 */
export function uploadImport(
  file: Blob,
  params: ImportParams,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = withQuery("/api/imports", {
      fileName: params.fileName,
      format: params.format,
      mapping: JSON.stringify(params.mapping),
      delimiter: params.format === "csv" ? params.delimiter : undefined,
      dateOrder: params.dateOrder,
    });
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", params.format === "csv" ? "text/csv" : "application/x-ndjson");
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (event) => {
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.upload.onload = () => onProgress({ sent: file.size, total: file.size });
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as ImportRun);
      else reject(apiErrorFrom(xhr.status, payload, xhr.getResponseHeader("retry-after")));
    };
    xhr.onerror = () =>
      reject(
        new ApiError("network_error", "The upload was interrupted. Check your connection and try again.", 0),
      );
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** A text/csv or NDJSON content type from the file name; null when we can't tell. */
export function formatFromName(name: string): ImportFormat | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (ext === "csv" || ext === "tsv" || ext === "txt") return "csv";
  if (ext === "jsonl" || ext === "ndjson" || ext === "json") return "jsonl";
  return null;
}
