import { useMemo, useRef } from "react";
import type { QueryCheck } from "../../api/topics";
import { IconAlert, IconCheck, IconInfo } from "../../ui/icons";
import { type Mark, type Segment, segments } from "./highlight";

/** Highlighted query text (no marks): topic lists, the canonical form. */
export function QueryText({ query, className }: { query: string; className?: string }) {
  const parts = useMemo(() => segments(query), [query]);
  return (
    <code className={`query-text ${className ?? ""}`}>
      <Segments parts={parts} />
    </code>
  );
}

function Segments({ parts }: { parts: Segment[] }) {
  return (
    <>
      {parts.map((p, i) => (
        // Segments are derived from the text and never reordered: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <span key={i} className={`q-${p.type}${p.mark ? ` q-mark-${p.mark}` : ""}`}>
          {p.text}
        </span>
      ))}
    </>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The query editor: a transparent <textarea> (the real, accessible control) over a <pre> that
 * shows the same text coloured, with the server's error and warnings marked where they are.
 */
export function QueryEditor({
  id,
  value,
  onChange,
  check,
  fresh,
  serverError,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  check: QueryCheck | null;
  /** Whether `check` describes `value` as it is now (otherwise its positions may be off). */
  fresh: boolean;
  /** A save refused by the server, shown when no check explains it. */
  serverError?: string | undefined;
  describedBy?: string;
}) {
  const layer = useRef<HTMLPreElement>(null);
  const error = check?.errors[0] ?? null;
  const marks = useMemo(() => {
    if (!check || !fresh) return [];
    const out: { start: number; end: number; mark: Mark }[] = check.warnings.map((w) => ({
      ...w.position,
      mark: "warning",
    }));
    if (error) out.push({ ...error.position, mark: "error" });
    return out;
  }, [check, fresh, error]);
  const parts = useMemo(() => segments(value, marks), [value, marks]);
  const errorId = `${id}-error`;
  const message = error ? capitalise(error.message) : serverError;

  return (
    <div className="query-field">
      <div className={`query-editor${message ? " query-editor-invalid" : ""}`}>
        <pre className="query-editor-layer" aria-hidden="true" ref={layer}>
          <Segments parts={parts} />
          {"\n"}
        </pre>
        <textarea
          id={id}
          className="query-editor-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (layer.current) layer.current.scrollTop = e.currentTarget.scrollTop;
          }}
          rows={4}
          maxLength={4096}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          placeholder='(halcyon OR "halcyon outdoor") AND (tent OR stove*) NOT jobs'
          aria-invalid={message ? true : undefined}
          aria-describedby={[describedBy, message ? errorId : null].filter(Boolean).join(" ") || undefined}
        />
      </div>
      <div className="query-diagnostics" aria-live="polite">
        {message ? (
          <p className={`query-error${fresh ? "" : " query-stale"}`} id={errorId}>
            <IconAlert size={16} />
            <span>{message}</span>
          </p>
        ) : null}
        {check && check.warnings.length > 0 ? (
          <ul className={`query-warnings${fresh ? "" : " query-stale"}`} aria-label="Warnings">
            {check.warnings.map((w) => (
              <li key={`${w.code}-${w.position.start}`}>
                <IconInfo size={16} />
                <span>{capitalise(w.message)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {check?.ok && check.canonical ? (
          <div className={`query-canonical${fresh ? "" : " query-stale"}`}>
            <span className="query-canonical-label">
              <IconCheck size={14} /> Saved as
            </span>
            <QueryText query={check.canonical} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
