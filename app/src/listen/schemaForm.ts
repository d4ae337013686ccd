import type { JsonSchema } from "../api/sources";

/**
 * Pure helpers behind SchemaForm: connector settings arrive as JSON Schema (from zod), the form
 * keeps every value as a string (or boolean for checkboxes), and we convert back on submit.
 */
export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

export type FieldKind = "boolean" | "number" | "integer" | "enum" | "list" | "url" | "datetime" | "text";

/** The value the server shows instead of a stored secret; sending it back keeps the secret. */
export const MASKED_SECRET = "••••••••";

const WORDS: Record<string, string> = {
  url: "URL",
  uri: "URI",
  id: "ID",
  ids: "IDs",
  did: "DID",
  dids: "DIDs",
  api: "API",
  ms: "(ms)",
};

/** "accessToken" → "Access token", "pollIntervalMs" → "Poll interval (ms)", "instanceUrl" → "Instance URL". */
export function humanise(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());
  return words
    .map((w, i) => {
      const known = WORDS[w];
      if (known) return known;
      return i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    })
    .join(" ");
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  return schema.type;
}

export function fieldKind(schema: JsonSchema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return "enum";
  const type = primaryType(schema);
  if (type === "boolean") return "boolean";
  if (type === "integer") return "integer";
  if (type === "number") return "number";
  if (type === "array") return "list";
  if (schema.format === "uri") return "url";
  if (schema.format === "date-time") return "datetime";
  return "text";
}

function toFormValue(schema: JsonSchema, value: unknown): FormValue {
  const kind = fieldKind(schema);
  if (kind === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

/** Form values from saved settings, else a preset, else the schema's defaults. */
export function initialValues(
  schema: JsonSchema,
  settings?: Record<string, unknown>,
  preset?: Record<string, unknown>,
): FormValues {
  const out: FormValues = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const value = settings ? settings[name] : (preset?.[name] ?? prop.default);
    out[name] = toFormValue(prop, value);
  }
  return out;
}

/** Splits "a, b,,c" into ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Settings to send, plus client-side errors (by property name) for what the browser's own
 * validation can't catch. Empty optional fields are left out so the server's defaults apply.
 */
export function toSettings(
  schema: JsonSchema,
  values: FormValues,
): { settings: Record<string, unknown>; errors: Record<string, string> } {
  const settings: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const kind = fieldKind(prop);
    const raw = values[name];
    if (kind === "boolean") {
      settings[name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") {
      if (required.has(name)) errors[name] = "Required";
      continue;
    }
    if (kind === "number" || kind === "integer") {
      const n = Number(text);
      if (!Number.isFinite(n)) errors[name] = "Enter a number";
      else if (kind === "integer" && !Number.isInteger(n)) errors[name] = "Enter a whole number";
      else settings[name] = n;
    } else if (kind === "list") {
      const list = splitList(text);
      if (list.length > 0) settings[name] = list;
      else if (required.has(name)) errors[name] = "Required";
    } else if (kind === "enum") {
      settings[name] = prop.enum?.find((option) => String(option) === text) ?? text;
    } else {
      settings[name] = text;
    }
  }
  return { settings, errors };
}

/**
 * Server validation issues keyed by settings property: paths look like "settings.url" (or
 * "body.settings.url" from request validation); anything else stays under its full path.
 */
export function settingsErrors(fieldErrors: Record<string, string>): {
  settings: Record<string, string>;
  other: Record<string, string>;
} {
  const settings: Record<string, string> = {};
  const other: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const clean = path.replace(/^body\./, "");
    const match = clean.match(/^settings\.([^.]+)/);
    if (match?.[1]) settings[match[1]] ??= message;
    else other[clean] ??= message;
  }
  return { settings, other };
}

/** A short hint from the schema: its description, range, default. */
export function fieldHint(schema: JsonSchema, isSecret: boolean): string | undefined {
  const parts: string[] = [];
  if (schema.description) parts.push(schema.description);
  const kind = fieldKind(schema);
  if (kind === "list") parts.push("Separate several with commas.");
  if (kind === "datetime") parts.push("ISO date and time, e.g. 2026-01-01T09:00:00Z.");
  if (kind === "number" || kind === "integer") {
    const fmt = (n: number) => n.toLocaleString("en-US");
    const finite = (n: number | undefined): n is number =>
      n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;
    const range: string[] = [];
    if (finite(schema.minimum)) range.push(`at least ${fmt(schema.minimum)}`);
    else if (finite(schema.exclusiveMinimum)) range.push(`more than ${fmt(schema.exclusiveMinimum)}`);
    if (finite(schema.maximum)) range.push(`at most ${fmt(schema.maximum)}`);
    if (range.length > 0) {
      const sentence = range.join(", ");
      parts.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    }
  }
  if (schema.default !== undefined && schema.default !== "" && kind !== "boolean") {
    parts.push(
      `Default: ${Array.isArray(schema.default) ? schema.default.join(", ") : String(schema.default)}.`,
    );
  }
  if (isSecret) parts.push("Hidden once saved; leave it as is to keep the stored value.");
  return parts.length > 0 ? parts.join(" ") : undefined;
}
