import { useEffect, useRef, useState } from "react";
import { useAuditLog, useAuditNames } from "../api/audit";
import { errorMessage } from "../api/client";
import { useMembers } from "../api/members";
import type { AuditEntry } from "../api/types";
import { absoluteTime, relativeTime } from "../lib/format";
import {
  Alert,
  Badge,
  type BadgeTone,
  Card,
  type Column,
  EmptyState,
  PageSpinner,
  Select,
  Table,
} from "../ui";
import { IconHistory } from "../ui/icons";
import { LoadMore } from "./shared";

function eventTone(name: string): BadgeTone {
  if (/(removed|revoked|deleted|failed|locked)/.test(name)) return "danger";
  if (/(created|invited|accepted|joined)/.test(name)) return "success";
  return "neutral";
}

/** Re-render every 30s so "2 minutes ago" stays true while the page is open. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Entries that arrive after the first load (via live invalidation) get a brief highlight,
 * so people notice what just happened without a reload.
 */
function useNewRowIds(rows: AuditEntry[], filterKey: string): Set<string> {
  const seen = useRef<Set<string> | null>(null);
  const lastFilter = useRef(filterKey);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (lastFilter.current !== filterKey || seen.current === null) {
      lastFilter.current = filterKey;
      seen.current = rows.length ? new Set(rows.map((r) => r.id)) : null;
      setFresh(new Set());
      return;
    }
    const known = seen.current;
    const added = rows.filter((r) => !known.has(r.id)).map((r) => r.id);
    for (const id of added) known.add(id);
    if (added.length) setFresh(new Set(added));
  }, [rows, filterKey]);
  return fresh;
}

function Details({ entry }: { entry: AuditEntry }) {
  const hasData = entry.data && Object.keys(entry.data).length > 0;
  if (!hasData && !entry.ip) return <span className="muted">—</span>;
  return (
    <details className="audit-details">
      <summary>View</summary>
      <pre>{JSON.stringify({ ...entry.data, ...(entry.ip ? { ip: entry.ip } : {}) }, null, 2)}</pre>
    </details>
  );
}

export function AuditSettings() {
  const [name, setName] = useState("");
  const [actorId, setActorId] = useState("");
  const log = useAuditLog({ name: name || undefined, actorId: actorId || undefined });
  const names = useAuditNames();
  const members = useMembers();
  const now = useNow();
  const fresh = useNewRowIds(log.rows, `${name}|${actorId}`);

  const columns: Column<AuditEntry>[] = [
    {
      key: "time",
      header: "Time",
      width: "140px",
      cell: (e) => (
        <time dateTime={e.createdAt} title={absoluteTime(e.createdAt)}>
          {relativeTime(e.createdAt, now)}
        </time>
      ),
    },
    {
      key: "actor",
      header: "Actor",
      cell: (e) => e.actor?.name ?? <span className="muted">System</span>,
    },
    {
      key: "event",
      header: "Event",
      cell: (e) => (
        <Badge tone={eventTone(e.name)}>
          <span className="mono">{e.name}</span>
        </Badge>
      ),
    },
    {
      key: "subject",
      header: "Subject",
      cell: (e) =>
        e.subjectType ? (
          <span className="audit-subject">
            {e.subjectType}{" "}
            <code title={e.subjectId} className="muted">
              {e.subjectId?.slice(0, 8)}
            </code>
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { key: "details", header: "Details", cell: (e) => <Details entry={e} /> },
  ];

  return (
    <Card
      as="section"
      padded={false}
      title="Audit log"
      description="Every change in this organisation, newest first. New entries appear as they happen."
    >
      <form className="card-inset filters" aria-label="Filter audit log" onSubmit={(e) => e.preventDefault()}>
        <Select label="Event" value={name} onChange={(e) => setName(e.target.value)}>
          <option value="">All events</option>
          {(names.data ?? []).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Select label="Actor" value={actorId} onChange={(e) => setActorId(e.target.value)}>
          <option value="">Anyone</option>
          {members.rows.map((m) => (
            <option key={m.user.id} value={m.user.id}>
              {m.user.name}
            </option>
          ))}
        </Select>
      </form>
      {log.isPending ? (
        <PageSpinner />
      ) : log.isError ? (
        <div className="card-inset">
          <Alert tone="danger">{errorMessage(log.error)}</Alert>
        </div>
      ) : log.rows.length === 0 ? (
        <EmptyState icon={<IconHistory size={24} />} title="No entries" headingLevel={3}>
          <p>
            {name || actorId
              ? "Nothing matches these filters."
              : "Changes will be recorded here as they happen."}
          </p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption="Audit log entries"
            className="table-top"
            columns={columns}
            rows={log.rows}
            rowKey={(e) => e.id}
            rowClassName={(e) => (fresh.has(e.id) ? "row-new" : undefined)}
          />
          <LoadMore query={log} />
        </>
      )}
    </Card>
  );
}
