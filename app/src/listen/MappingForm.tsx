import type { DateOrder, ImportPreview, MappingField } from "../api/imports";
import { MAPPING_FIELDS } from "../api/imports";
import { Select } from "../ui";
import { humanise } from "./schemaForm";

type Mapping = Partial<Record<MappingField, string>>;

/** Shown up front; the rest sit behind "More fields". */
const MAIN_FIELDS: MappingField[] = ["text", "externalId", "createdAt", "authorHandle"];

const LABELS: Partial<Record<MappingField, string>> = {
  text: "Post text",
  externalId: "Post ID",
  createdAt: "Date",
  authorHandle: "Author handle",
  authorFollowers: "Author followers",
  authorUrl: "Author URL",
  replyTo: "Reply to (post ID)",
  thread: "Thread (post ID)",
  url: "Post URL",
};

const HINTS: Partial<Record<MappingField, string>> = {
  text: "Required. The words Chorus analyses.",
  externalId: "Keeps re-imports from creating duplicates.",
  createdAt: "When the post was published; rows without a date use the import time.",
};

const DELIMITERS = [
  { value: ",", label: "Comma ( , )" },
  { value: ";", label: "Semicolon ( ; )" },
  { value: "\t", label: "Tab" },
  { value: "|", label: "Pipe ( | )" },
];

/** Suggested mapping → one column per field (a suggested list of text columns keeps the first). */
export function mappingFromSuggestion(
  suggested: ImportPreview["suggestedMapping"],
  columns: string[],
): Mapping {
  const out: Mapping = {};
  for (const field of MAPPING_FIELDS) {
    const value = suggested[field];
    const column = Array.isArray(value) ? value[0] : value;
    if (typeof column === "string" && columns.includes(column)) out[field] = column;
  }
  return out;
}

export function MappingForm({
  preview,
  mapping,
  onMapping,
  delimiter,
  onDelimiter,
  dateOrder,
  onDateOrder,
}: {
  preview: ImportPreview;
  mapping: Mapping;
  onMapping: (m: Mapping) => void;
  delimiter: string;
  onDelimiter: (d: string) => void;
  dateOrder: DateOrder;
  onDateOrder: (d: DateOrder) => void;
}) {
  const field = (name: MappingField) => (
    <Select
      key={name}
      label={LABELS[name] ?? humanise(name)}
      hint={HINTS[name]}
      required={name === "text"}
      value={mapping[name] ?? ""}
      onChange={(e) => {
        const next = { ...mapping };
        if (e.target.value) next[name] = e.target.value;
        else delete next[name];
        onMapping(next);
      }}
    >
      <option value="">{name === "text" ? "Choose a column" : "Not in this file"}</option>
      {preview.columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </Select>
  );
  const extra = MAPPING_FIELDS.filter((f) => !MAIN_FIELDS.includes(f));
  const extraMapped = extra.filter((f) => mapping[f]).length;

  return (
    <div className="stack">
      <div className="detected">
        <p>
          Detected <strong>{preview.format === "csv" ? "CSV" : "JSON Lines"}</strong> with{" "}
          <strong>{preview.columns.length}</strong> {preview.columns.length === 1 ? "column" : "columns"}:
        </p>
        <ul className="column-chips" aria-label="Columns in the file">
          {preview.columns.map((c) => (
            <li key={c} className="column-chip">
              {c}
            </li>
          ))}
        </ul>
      </div>

      <fieldset className="mapping-fieldset">
        <legend className="section-title">Match columns to post fields</legend>
        <div className="form-row">{MAIN_FIELDS.map(field)}</div>
        <details className="more-fields" open={extraMapped > 0 ? true : undefined}>
          <summary>
            More fields{extraMapped > 0 ? ` (${extraMapped} matched)` : ""}: title, URL, author details,
            engagement, language, country…
          </summary>
          <div className="form-row">{extra.map(field)}</div>
        </details>
      </fieldset>

      <div className="form-row">
        {preview.format === "csv" ? (
          <Select label="Delimiter" value={delimiter} onChange={(e) => onDelimiter(e.target.value)}>
            {DELIMITERS.map((d) => (
              <option key={d.label} value={d.value}>
                {d.label}
              </option>
            ))}
            {DELIMITERS.some((d) => d.value === delimiter) ? null : (
              <option value={delimiter}>{delimiter}</option>
            )}
          </Select>
        ) : null}
        <Select
          label="Date order"
          hint="How to read ambiguous dates like 03/04/2026; ISO dates are always clear."
          value={dateOrder}
          onChange={(e) => onDateOrder(e.target.value as DateOrder)}
        >
          <option value="dmy">Day first (31/12/2026)</option>
          <option value="mdy">Month first (12/31/2026)</option>
        </Select>
      </div>
    </div>
  );
}
