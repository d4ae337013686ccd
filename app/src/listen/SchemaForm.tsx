import type { JsonSchema } from "../api/sources";
import { Select, TextField } from "../ui";
import { type FormValues, fieldHint, fieldKind, humanise } from "./schemaForm";

/**
 * A form generated from a connector's settings schema: one control per property, labels from
 * property names, secrets as password inputs, and server errors shown under their field.
 */
export function SchemaForm({
  schema,
  secrets,
  values,
  onChange,
  errors,
  idPrefix,
  hints = {},
}: {
  schema: JsonSchema;
  secrets: readonly string[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  errors: Record<string, string>;
  idPrefix: string;
  /** Extra hints by property name, shown before the schema-derived hint. */
  hints?: Record<string, string>;
}) {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return <p className="muted">This kind of source has no settings.</p>;

  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });

  return (
    <div className="schema-form">
      {entries.map(([name, prop]) => {
        const kind = fieldKind(prop);
        const isSecret = secrets.includes(name);
        const label = `${humanise(name)}${required.has(name) ? "" : " (optional)"}`;
        const hint = [hints[name], fieldHint(prop, isSecret)].filter(Boolean).join(" ") || undefined;
        const error = errors[name];
        const id = `${idPrefix}-${name}`;
        const value = values[name];

        if (kind === "boolean") {
          return (
            <div key={name} className="field checkbox-field">
              <label className="checkbox-label" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => set(name, e.target.checked)}
                  aria-describedby={hint ? `${id}-hint` : undefined}
                  aria-invalid={error ? true : undefined}
                />
                {humanise(name)}
              </label>
              {hint ? (
                <p className="field-hint" id={`${id}-hint`}>
                  {hint}
                </p>
              ) : null}
              {error ? <p className="field-error">{error}</p> : null}
            </div>
          );
        }

        if (kind === "enum") {
          return (
            <Select
              key={name}
              id={id}
              label={label}
              hint={hint}
              error={error}
              required={required.has(name)}
              value={typeof value === "string" ? value : ""}
              onChange={(e) => set(name, e.target.value)}
            >
              {required.has(name) ? null : <option value="">Default</option>}
              {(prop.enum ?? []).map((option) => (
                <option key={String(option)} value={String(option)}>
                  {humanise(String(option))}
                </option>
              ))}
            </Select>
          );
        }

        const numeric = kind === "number" || kind === "integer";
        const finite = (n: number | undefined) =>
          n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
        return (
          <TextField
            key={name}
            id={id}
            label={label}
            hint={hint}
            error={error}
            required={required.has(name)}
            type={isSecret ? "password" : kind === "url" ? "url" : numeric ? "number" : "text"}
            inputMode={numeric ? (kind === "integer" ? "numeric" : "decimal") : undefined}
            step={numeric ? (kind === "integer" ? 1 : "any") : undefined}
            min={numeric ? finite(prop.minimum) : undefined}
            max={numeric ? finite(prop.maximum) : undefined}
            maxLength={prop.maxLength}
            autoComplete={isSecret ? "new-password" : "off"}
            spellCheck={kind === "text" && !isSecret ? undefined : false}
            placeholder={
              kind === "url"
                ? "https://"
                : kind === "list"
                  ? "e.g. one, two"
                  : prop.default !== undefined && !Array.isArray(prop.default)
                    ? String(prop.default)
                    : undefined
            }
            value={typeof value === "string" ? value : ""}
            onChange={(e) => set(name, e.target.value)}
          />
        );
      })}
    </div>
  );
}
