import type { ReactNode } from "react";

/**
 * Determinate progress (role="progressbar" with aria-valuenow) or, without a value, an
 * indeterminate bar for work whose size we can't know (no aria-valuenow, as ARIA asks).
 */
export function ProgressBar({
  label,
  value,
  max = 100,
  valueText,
  tone = "accent",
  detail,
}: {
  /** Accessible name, also shown above the bar. */
  label: ReactNode;
  value?: number;
  max?: number;
  /** Spoken instead of the bare number, e.g. "1.2 MB of 3 MB". */
  valueText?: string;
  tone?: "accent" | "success" | "danger";
  /** Extra text shown at the end of the label row, e.g. a percentage. */
  detail?: ReactNode;
}) {
  const determinate = value !== undefined && Number.isFinite(value) && max > 0;
  const clamped = determinate ? Math.min(max, Math.max(0, value)) : 0;
  const percent = determinate ? (clamped / max) * 100 : 0;
  return (
    <div className={`progress progress-${tone}`}>
      <div className="progress-labels">
        <span className="progress-label">{label}</span>
        {detail !== undefined ? <span className="progress-detail">{detail}</span> : null}
      </div>
      <div
        className={`progress-track ${determinate ? "" : "progress-indeterminate"}`}
        role="progressbar"
        aria-label={typeof label === "string" ? label : undefined}
        aria-valuemin={determinate ? 0 : undefined}
        aria-valuemax={determinate ? max : undefined}
        aria-valuenow={determinate ? Math.round(clamped) : undefined}
        aria-valuetext={determinate ? valueText : undefined}
      >
        <div className="progress-fill" style={determinate ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
