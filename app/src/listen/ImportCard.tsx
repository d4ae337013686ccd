import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, type FormEvent, useId, useRef, useState } from "react";
import { errorMessage } from "../api/client";
import {
  type DateOrder,
  type ImportMapping,
  type ImportPreview,
  type ImportRun,
  type MappingField,
  readSample,
  type UploadProgress,
  uploadImport,
  usePreviewImport,
} from "../api/imports";
import { keys } from "../api/keys";
import { plural } from "../lib/format";
import { Alert, Button, Card, ProgressBar } from "../ui";
import { IconFile, IconUpload } from "../ui/icons";
import { MappingForm, mappingFromSuggestion } from "./MappingForm";
import { BadLines, formatBytes } from "./RecentImports";

type Stage =
  | { step: "pick" }
  | { step: "map"; file: File; preview: ImportPreview }
  | { step: "upload"; file: File; progress: UploadProgress }
  | { step: "done"; file: File; result: ImportRun };

const ACCEPT = ".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv,application/x-ndjson";
const SHOWN_ERRORS = 20;

export function ImportCard() {
  const queryClient = useQueryClient();
  const preview = usePreviewImport();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ step: "pick" });
  const [dragging, setDragging] = useState(false);
  const [mapping, setMapping] = useState<Partial<Record<MappingField, string>>>({});
  const [delimiter, setDelimiter] = useState(",");
  const [dateOrder, setDateOrder] = useState<DateOrder>("dmy");
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size === 0) {
      setError(`“${file.name}” is empty.`);
      return;
    }
    try {
      const sample = await readSample(file);
      const result = await preview.mutateAsync(sample);
      setMapping(mappingFromSuggestion(result.suggestedMapping, result.columns));
      setDelimiter(result.delimiter ?? ",");
      setStage({ step: "map", file, preview: result });
    } catch (cause) {
      setError(`Couldn't read “${file.name}”: ${errorMessage(cause)}`);
    }
  }

  async function onImport(event: FormEvent) {
    event.preventDefault();
    if (stage.step !== "map" || !mapping.text) return;
    const { file, preview: detected } = stage;
    const body: ImportMapping = { ...mapping, text: mapping.text };
    setError(null);
    abort.current = new AbortController();
    setStage({ step: "upload", file, progress: { sent: 0, total: file.size } });
    try {
      const result = await uploadImport(
        file,
        {
          fileName: file.name,
          format: detected.format,
          mapping: body,
          delimiter: detected.format === "csv" ? delimiter : undefined,
          dateOrder,
        },
        (progress) => setStage((s) => (s.step === "upload" ? { ...s, progress } : s)),
        abort.current.signal,
      );
      setStage({ step: "done", file, result });
    } catch (cause) {
      const cancelled = cause instanceof DOMException && cause.name === "AbortError";
      setError(
        cancelled
          ? "Import cancelled. Rows received before cancelling may have been kept."
          : errorMessage(cause),
      );
      setStage({ step: "map", file, preview: detected });
    } finally {
      abort.current = null;
      void queryClient.invalidateQueries({ queryKey: keys.imports });
    }
  }

  function reset() {
    setStage({ step: "pick" });
    setError(null);
    window.setTimeout(() => inputRef.current?.focus());
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    void onFile(event.dataTransfer.files[0]);
  }

  return (
    <Card
      as="section"
      title="Import a file"
      description="Bring in history from other tools: a CSV or JSON Lines export, one post per row."
    >
      <div className="stack">
        {error ? <Alert tone="danger">{error}</Alert> : null}

        {stage.step === "pick" ? (
          <label
            htmlFor={inputId}
            className={`dropzone ${dragging ? "dropzone-active" : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <IconUpload size={28} className="dropzone-icon" />
            <span className="dropzone-title">
              {preview.isPending ? "Reading the file…" : "Drop a file here, or choose one"}
            </span>
            <span className="muted small">
              CSV, JSONL or NDJSON · the first 64 KB are used to detect the columns
            </span>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept={ACCEPT}
              className="dropzone-input"
              aria-label="Choose a file to import"
              disabled={preview.isPending}
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </label>
        ) : (
          <div className="file-chip">
            <IconFile size={18} />
            <span className="cell-strong break">{stage.file.name}</span>
            <span className="muted small">{formatBytes(stage.file.size)}</span>
            {stage.step === "map" ? (
              <Button size="sm" variant="ghost" onClick={reset}>
                Choose another file
              </Button>
            ) : null}
          </div>
        )}

        {stage.step === "map" ? (
          <form className="form" onSubmit={onImport}>
            <MappingForm
              preview={stage.preview}
              mapping={mapping}
              onMapping={setMapping}
              delimiter={delimiter}
              onDelimiter={setDelimiter}
              dateOrder={dateOrder}
              onDateOrder={setDateOrder}
            />
            <div className="form-actions">
              <Button
                variant="primary"
                type="submit"
                icon={<IconUpload size={16} />}
                disabled={!mapping.text}
              >
                Import
              </Button>
              {!mapping.text ? (
                <span className="muted small">Choose the column that holds the post text.</span>
              ) : null}
            </div>
          </form>
        ) : null}

        {stage.step === "upload" ? (
          <div className="stack-tight">
            {stage.progress.sent < stage.progress.total ? (
              <ProgressBar
                label="Uploading"
                value={stage.progress.sent}
                max={stage.progress.total}
                valueText={`${formatBytes(stage.progress.sent)} of ${formatBytes(stage.progress.total)}`}
                detail={`${Math.floor((stage.progress.sent / Math.max(1, stage.progress.total)) * 100)}% · ${formatBytes(stage.progress.sent)} of ${formatBytes(stage.progress.total)}`}
              />
            ) : (
              <ProgressBar label="Uploaded; finishing the import…" />
            )}
            <div>
              <Button size="sm" variant="ghost" onClick={() => abort.current?.abort()}>
                Cancel
              </Button>
            </div>
          </div>
        ) : null}

        {stage.step === "done" ? <ImportResult result={stage.result} onAgain={reset} /> : null}
      </div>
    </Card>
  );
}

function ImportResult({ result, onAgain }: { result: ImportRun; onAgain: () => void }) {
  const failed = result.status === "failed";
  const tone = failed ? "danger" : result.rowsFailed > 0 ? "warning" : "success";
  return (
    <div className="stack import-result">
      <ProgressBar
        label={failed ? "Import failed" : "Import finished"}
        value={100}
        tone={failed ? "danger" : "success"}
        detail="100%"
      />
      <Alert
        tone={tone}
        title={failed ? `“${result.fileName}” could not be imported` : `Imported “${result.fileName}”`}
      >
        <p className="import-counts">
          <span>
            <strong>{plural(result.rowsOk, "row")}</strong> imported
          </span>
          <span>
            <strong>{result.rowsFailed}</strong> failed
          </span>
        </p>
      </Alert>
      {result.errors.length > 0 ? (
        <div className="stack-tight">
          <h3 className="section-title">
            {result.errors.length > SHOWN_ERRORS
              ? `First ${SHOWN_ERRORS} bad lines`
              : plural(result.errors.length, "bad line")}
          </h3>
          <div className="card-flat">
            <BadLines
              errors={result.errors.slice(0, SHOWN_ERRORS)}
              caption={`Bad lines in ${result.fileName}`}
            />
          </div>
        </div>
      ) : null}
      <div>
        <Button onClick={onAgain} icon={<IconUpload size={16} />}>
          Import another file
        </Button>
      </div>
    </div>
  );
}
