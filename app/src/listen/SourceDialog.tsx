import { type FormEvent, useId, useRef, useState } from "react";
import { errorMessage, isApiError } from "../api/client";
import {
  type CreatedSource,
  type Source,
  type SourceKind,
  useCreateSource,
  useUpdateSource,
} from "../api/sources";
import { Alert, Button, Dialog, TextField } from "../ui";
import { KindPicker } from "./KindPicker";
import { kindInfo, shortLabel } from "./kinds";
import { SchemaForm } from "./SchemaForm";
import { type FormValues, initialValues, settingsErrors, toSettings } from "./schemaForm";

const DEFAULT_RATE_LIMIT = 600;

/**
 * Connect a source (pick a kind, then name + settings) or edit one (kind fixed). The settings
 * form is generated from the kind's JSON Schema; server validation lands under each field.
 */
export function SourceDialog({
  open,
  source,
  kinds,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** Edit this source; create a new one when null. */
  source: Source | null;
  kinds: SourceKind[];
  onClose: () => void;
  onCreated: (result: CreatedSource) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={source ? `Edit “${source.name}”` : "Connect a source"}
      description={
        source
          ? "Changing settings restarts the source from now; posts already collected stay."
          : "Sources bring posts into Chorus. Pick where they come from."
      }
    >
      {open ? (
        <SourceForm
          key={source?.id ?? "new"}
          source={source}
          kinds={kinds}
          onClose={onClose}
          onCreated={onCreated}
        />
      ) : null}
    </Dialog>
  );
}

function SourceForm({
  source,
  kinds,
  onClose,
  onCreated,
}: {
  source: Source | null;
  kinds: SourceKind[];
  onClose: () => void;
  onCreated: (result: CreatedSource) => void;
}) {
  const formId = useId();
  const create = useCreateSource();
  const update = useUpdateSource();
  const [kind, setKind] = useState<SourceKind | null>(
    source ? (kinds.find((k) => k.kind === source.kind) ?? null) : null,
  );
  const [name, setName] = useState(source?.name ?? "");
  const [values, setValues] = useState<FormValues>(() =>
    kind ? initialValues(kind.settingsSchema, source?.settings) : {},
  );
  const [rate, setRate] = useState(String(source?.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLDivElement>(null);

  function pick(next: SourceKind) {
    setKind(next);
    setValues(initialValues(next.settingsSchema, undefined, kindInfo(next.kind).preset));
    if (!name.trim() || kinds.some((k) => shortLabel(k.label) === name)) setName(shortLabel(next.label));
    setClientErrors({});
    create.reset();
    // The picker's button disappears; keep keyboard focus in the dialog, on the next field.
    window.setTimeout(() => nameRef.current?.focus());
  }

  function changeKind() {
    setKind(null);
    window.setTimeout(() => pickerRef.current?.querySelector<HTMLElement>("button")?.focus());
  }

  if (!kind) {
    if (source) {
      return (
        <Alert tone="danger">This source's kind ({source.kind}) is no longer available on this server.</Alert>
      );
    }
    return (
      <div ref={pickerRef}>
        <KindPicker kinds={kinds} onPick={pick} />
      </div>
    );
  }

  const mutation = source ? update : create;
  const server = isApiError(mutation.error) ? settingsErrors(mutation.error.fieldErrors()) : null;
  const fieldErrors = { ...(server?.settings ?? {}), ...clientErrors };
  const otherErrors = server?.other ?? {};
  const showGeneralError =
    mutation.error &&
    (!server ||
      (Object.keys(server.settings).length === 0 && !otherErrors.name && !otherErrors.rateLimitPerMinute));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!kind) return;
    const { settings, errors } = toSettings(kind.settingsSchema, values);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const rateLimitPerMinute = rate.trim() ? Number(rate) : undefined;
    try {
      if (source) {
        await update.mutateAsync({
          id: source.id,
          body: { name: name.trim(), settings, rateLimitPerMinute },
        });
        onClose();
      } else {
        onCreated(
          await create.mutateAsync({ kind: kind.kind, name: name.trim(), settings, rateLimitPerMinute }),
        );
      }
    } catch {
      // Shown next to the fields.
    }
  }

  return (
    <form id={formId} className="form" onSubmit={onSubmit} noValidate={false}>
      <div className="kind-chosen">
        <span className="kind-icon" aria-hidden="true">
          {kindInfo(kind.kind).icon(20)}
        </span>
        <div>
          <p className="cell-strong">{shortLabel(kind.label)}</p>
          {kindInfo(kind.kind).hint ? <p className="muted small">{kindInfo(kind.kind).hint}</p> : null}
        </div>
        {source ? null : (
          <Button size="sm" variant="ghost" onClick={changeKind}>
            Change kind
          </Button>
        )}
      </div>
      {showGeneralError ? <Alert tone="danger">{errorMessage(mutation.error)}</Alert> : null}
      <div className="form-row">
        <TextField
          label="Name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={otherErrors.name}
          ref={nameRef}
          data-autofocus
        />
        <TextField
          label="Rate limit (per minute)"
          type="number"
          inputMode="numeric"
          min={1}
          max={1_000_000}
          step={1}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          error={otherErrors.rateLimitPerMinute}
          hint={kind.passive ? "Posts accepted per minute." : "Posts or requests per minute."}
        />
      </div>
      <fieldset className="settings-fieldset">
        <legend className="section-title">Settings</legend>
        <SchemaForm
          schema={kind.settingsSchema}
          secrets={kind.secrets}
          values={values}
          onChange={setValues}
          errors={fieldErrors}
          idPrefix={formId}
          hints={kindInfo(kind.kind).fieldHints}
        />
      </fieldset>
      <div className="dialog-footer">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" loading={mutation.isPending}>
          {source ? "Save changes" : "Connect source"}
        </Button>
      </div>
    </form>
  );
}
