import { errorMessage } from "../api/client";
import { type ImportRun, useImports } from "../api/imports";
import { absoluteTime, relativeTime } from "../lib/format";
import { LoadMore } from "../settings/shared";
import { Alert, Badge, Card, type Column, EmptyState, PageSpinner, Table } from "../ui";
import { IconFile } from "../ui/icons";

const count = new Intl.NumberFormat();

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function ImportStatusBadge({ run }: { run: ImportRun }) {
  if (run.status === "running") {
    const pct = run.bytesTotal > 0 ? Math.floor((run.bytesRead / run.bytesTotal) * 100) : null;
    return (
      <Badge tone="info">
        <span className="status-dot status-dot-pulse" aria-hidden="true" />
        {pct === null ? "Importing" : `Importing ${pct}%`}
      </Badge>
    );
  }
  if (run.status === "failed") return <Badge tone="danger">Failed</Badge>;
  return (
    <Badge tone={run.rowsFailed > 0 ? "warning" : "success"}>
      {run.rowsFailed > 0 ? "Done with errors" : "Done"}
    </Badge>
  );
}

/** Recent imports, newest first; live events on ["imports"] keep progress and counts current. */
export function RecentImports() {
  const imports = useImports();

  const columns: Column<ImportRun>[] = [
    {
      key: "file",
      header: "File",
      cell: (r) => (
        <div>
          <p className="cell-strong break">{r.fileName}</p>
          <p className="muted small">
            {r.format.toUpperCase()} · {formatBytes(r.bytesTotal || r.bytesRead)}
          </p>
        </div>
      ),
    },
    { key: "status", header: "Status", cell: (r) => <ImportStatusBadge run={r} /> },
    {
      key: "ok",
      header: "Imported",
      align: "end",
      cell: (r) => <span className="tabular">{count.format(r.rowsOk)}</span>,
    },
    {
      key: "failed",
      header: "Failed",
      align: "end",
      cell: (r) => (
        <span className={`tabular ${r.rowsFailed > 0 ? "text-danger" : ""}`}>
          {count.format(r.rowsFailed)}
        </span>
      ),
    },
    {
      key: "when",
      header: "Started",
      cell: (r) => (
        <time dateTime={r.createdAt} title={absoluteTime(r.createdAt)}>
          {relativeTime(r.createdAt)}
        </time>
      ),
    },
  ];

  return (
    <Card
      as="section"
      padded={false}
      title="Recent imports"
      description="Updates live while a file is being imported."
    >
      {imports.isPending ? (
        <PageSpinner />
      ) : imports.isError ? (
        <div className="card-inset">
          <Alert tone="danger">{errorMessage(imports.error)}</Alert>
        </div>
      ) : imports.rows.length === 0 ? (
        <EmptyState icon={<IconFile size={24} />} title="No imports yet" headingLevel={3}>
          <p>Exports from other tools (CSV or JSON Lines) become searchable history once imported.</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption="Recent imports"
            columns={columns}
            rows={imports.rows}
            rowKey={(r) => r.id}
            rowDetail={(r) =>
              r.errors.length > 0 ? (
                <details className="import-errors-disclosure">
                  <summary>
                    {r.errors.length === 1
                      ? "Show the bad line"
                      : `Show the first ${Math.min(r.errors.length, 10)} bad lines`}
                  </summary>
                  <BadLines errors={r.errors.slice(0, 10)} caption={`Bad lines in ${r.fileName}`} />
                </details>
              ) : null
            }
          />
          <LoadMore query={imports} />
        </>
      )}
    </Card>
  );
}

export function BadLines({ errors, caption }: { errors: ImportRun["errors"]; caption: string }) {
  const columns: Column<ImportRun["errors"][number]>[] = [
    {
      key: "line",
      header: "Line",
      width: "96px",
      cell: (e) => <span className="tabular cell-strong">Line {e.line}</span>,
    },
    { key: "message", header: "Problem", cell: (e) => <span className="break">{e.message}</span> },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={errors}
      rowKey={(e) => `${e.line}:${e.message}`}
      className="bad-lines"
    />
  );
}
