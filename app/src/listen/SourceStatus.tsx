import type { Source } from "../api/sources";
import { Badge, type BadgeTone } from "../ui";

const STATUS: Record<Source["status"], { label: string; tone: BadgeTone; title: string }> = {
  idle: { label: "Idle", tone: "success", title: "Working; waiting for its next run or for posts" },
  running: { label: "Running", tone: "info", title: "Collecting posts right now" },
  error: { label: "Error", tone: "danger", title: "The last run failed; it will retry" },
  paused: { label: "Paused", tone: "neutral", title: "Paused; resume to collect posts again" },
};

export function SourceStatusBadge({ status }: { status: Source["status"] }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone} title={s.title}>
      <span className={`status-dot ${status === "running" ? "status-dot-pulse" : ""}`} aria-hidden="true" />
      {s.label}
    </Badge>
  );
}
