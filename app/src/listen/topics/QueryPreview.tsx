import { useId } from "react";
import { errorMessage } from "../../api/client";
import type { PreviewHit, Span, TopicPreview } from "../../api/topics";
import { absoluteTime, relativeTime } from "../../lib/format";
import { Alert, Badge, type BadgeTone, Spinner } from "../../ui";
import { splitBySpans } from "./highlight";

const count = new Intl.NumberFormat("en");

/** "This query would have matched N of the last 10,000 mentions" (fewer when fewer are stored). */
export function previewSentence(preview: TopicPreview): string {
  const noun = preview.scanned === 1 ? "mention" : "mentions";
  return `This query would have matched ${count.format(preview.matched)} of the last ${count.format(preview.scanned)} ${noun}`;
}

function Highlighted({ text, spans, field }: { text: string; spans: Span[]; field: Span["field"] }) {
  const parts = splitBySpans(
    text,
    spans.filter((s) => s.field === field),
  );
  return (
    <>
      {parts.map((p, i) =>
        // Parts are a pure function of the text: index keys are stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

const SENTIMENT_TONE: Record<string, BadgeTone> = {
  positive: "success",
  negative: "danger",
  neutral: "neutral",
};

function Hit({ hit }: { hit: PreviewHit }) {
  return (
    <li className="preview-hit">
      <div className="preview-hit-meta">
        <span className="preview-hit-author">
          {hit.authorHandle ? `@${hit.authorHandle}` : "Unknown author"}
        </span>
        <span aria-hidden="true">·</span>
        <span>{hit.channel}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={hit.createdAt} title={absoluteTime(hit.createdAt)}>
          {relativeTime(hit.createdAt)}
        </time>
        {hit.sentimentLabel ? (
          <Badge tone={SENTIMENT_TONE[hit.sentimentLabel] ?? "neutral"}>{hit.sentimentLabel}</Badge>
        ) : null}
      </div>
      {hit.title ? (
        <p className="preview-hit-title">
          <Highlighted text={hit.title} spans={hit.spans} field="title" />
        </p>
      ) : null}
      <p className="preview-hit-text">
        <Highlighted text={hit.text} spans={hit.spans} field="text" />
        {hit.textTruncated ? "…" : null}
      </p>
    </li>
  );
}

export function QueryPreview({
  preview,
  stale,
  loading,
  error,
  hasQuery,
}: {
  preview: TopicPreview | null;
  stale: boolean;
  loading: boolean;
  error: unknown;
  hasQuery: boolean;
}) {
  const titleId = useId();
  const share = preview && preview.scanned > 0 ? preview.matched / preview.scanned : 0;
  return (
    <section className="topic-preview" aria-labelledby={titleId} aria-busy={loading || undefined}>
      <div className="topic-preview-head">
        <h3 id={titleId} className="section-title">
          Preview
        </h3>
        {loading ? <Spinner size={14} label="Updating the preview" /> : null}
      </div>
      {error ? (
        <Alert tone="danger">{errorMessage(error)}</Alert>
      ) : !preview ? (
        <p className="muted small">
          {hasQuery
            ? "The preview appears once the query has no errors."
            : "Type a query to see which stored mentions it would match."}
        </p>
      ) : preview.scanned === 0 ? (
        <p className="muted small">
          No mentions are stored yet. Connect a source or import a file, and previews will show what a query
          finds.
        </p>
      ) : (
        <div className={stale ? "query-stale" : undefined}>
          <p className="topic-preview-summary" role="status">
            {previewSentence(preview)}
          </p>
          <div className="topic-preview-meter" aria-hidden="true">
            <div style={{ width: `${Math.max(share > 0 ? 1 : 0, share * 100)}%` }} />
          </div>
          {preview.hits.length > 0 ? (
            <>
              <p className="preview-hits-caption muted small">
                {preview.matched > preview.hits.length
                  ? `The latest ${preview.hits.length} matches, words that matched highlighted`
                  : "Words that matched are highlighted"}
              </p>
              <ol className="preview-hits" aria-label="Matching mentions">
                {preview.hits.map((hit) => (
                  <Hit key={hit.id} hit={hit} />
                ))}
              </ol>
            </>
          ) : (
            <p className="muted small">Nothing matched. Try broader words or an OR group.</p>
          )}
        </div>
      )}
    </section>
  );
}
