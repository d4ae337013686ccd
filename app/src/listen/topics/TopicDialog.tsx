import { type FormEvent, useId, useState } from "react";
import { errorMessage, isApiError } from "../../api/client";
import { type Topic, type TopicKind, useCreateTopic, useQueryCheck, useUpdateTopic } from "../../api/topics";
import { Alert, Button, Dialog, Select, TextField } from "../../ui";
import { QueryEditor } from "./QueryEditor";
import { QueryPreview } from "./QueryPreview";

export const KIND_LABELS: Record<TopicKind, { one: string; many: string }> = {
  brand: { one: "Brand", many: "Brands" },
  product: { one: "Product", many: "Products" },
  competitor: { one: "Competitor", many: "Competitors" },
  campaign: { one: "Campaign", many: "Campaigns" },
  other: { one: "Other", many: "Other" },
};
export const KINDS = Object.keys(KIND_LABELS) as TopicKind[];

/** Create a topic or edit one: name, kind, and the query with live checks and a preview. */
export function TopicDialog({
  open,
  topic,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** Edit this topic; create a new one when null. */
  topic: Topic | null;
  onClose: () => void;
  onSaved: (topic: Topic, created: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      dismissOnBackdrop={false}
      title={topic ? `Edit “${topic.name}”` : "New topic"}
      description={
        topic
          ? "Changing the query re-matches every stored mention; the figures restart from the new matches."
          : "A topic is a Boolean query. Saving it matches it against the mentions already stored, then against every new one."
      }
    >
      {open ? <TopicForm key={topic?.id ?? "new"} topic={topic} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function TopicForm({
  topic,
  onClose,
  onSaved,
}: {
  topic: Topic | null;
  onClose: () => void;
  onSaved: (topic: Topic, created: boolean) => void;
}) {
  const formId = useId();
  const queryId = `${formId}-query`;
  const hintId = `${formId}-query-hint`;
  const [name, setName] = useState(topic?.name ?? "");
  const [kind, setKind] = useState<TopicKind>(topic?.kind ?? "brand");
  const [query, setQuery] = useState(topic?.query ?? "");
  const create = useCreateTopic();
  const update = useUpdateTopic();
  const mutation = topic ? update : create;
  const live = useQueryCheck(query, { preview: true });

  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors() : {};
  const queryRefused =
    fieldErrors["body.query"] ??
    (isApiError(mutation.error) && mutation.error.status === 422 && !fieldErrors["body.name"]
      ? mutation.error.message
      : undefined);
  const generalError =
    mutation.error && !fieldErrors["body.name"] && !queryRefused ? errorMessage(mutation.error) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      if (topic) {
        const body = {
          ...(name.trim() !== topic.name ? { name: name.trim() } : {}),
          ...(kind !== topic.kind ? { kind } : {}),
          ...(query.trim() !== topic.query ? { query: query.trim() } : {}),
        };
        onSaved(await update.mutateAsync({ id: topic.id, body }), false);
      } else {
        onSaved(await create.mutateAsync({ name: name.trim(), kind, query: query.trim() }), true);
      }
    } catch {
      // Shown next to the fields.
    }
  }

  return (
    <form id={formId} className="form topic-form" onSubmit={onSubmit}>
      {generalError ? <Alert tone="danger">{generalError}</Alert> : null}
      <div className="topic-form-row">
        <TextField
          label="Name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors["body.name"]}
          placeholder="Halcyon Outdoor"
          data-autofocus
        />
        <Select label="Kind" value={kind} onChange={(e) => setKind(e.target.value as TopicKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k].one}
            </option>
          ))}
        </Select>
      </div>
      <div className="field">
        <div className="query-label-row">
          <label className="field-label" htmlFor={queryId}>
            Query
          </label>
          <span className="field-hint" id={hintId}>
            AND, OR, NOT, NEAR/3, "phrases", wild*, #tags, @mentions, author:, language:en,
            &lt;&lt;&lt;notes&gt;&gt;&gt;
          </span>
        </div>
        <QueryEditor
          id={queryId}
          value={query}
          onChange={setQuery}
          check={live.check}
          fresh={live.checkFresh}
          serverError={queryRefused}
          describedBy={hintId}
        />
      </div>
      <QueryPreview
        preview={live.preview}
        stale={live.previewStale}
        loading={live.previewing}
        error={live.previewError}
        hasQuery={query.trim() !== ""}
      />
      <div className="dialog-footer">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" loading={mutation.isPending}>
          Save topic
        </Button>
      </div>
    </form>
  );
}
