/**
 * Helpers for `insert … select … from unnest($1::text[], …)`: one statement and a handful of
 * parameters however many rows, which parses far faster than a multi-row VALUES list.
 * Per-row arrays travel as PostgreSQL array literals and are cast row by row.
 */
export function pgTextArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/** PostgreSQL text cannot hold NUL; hostile input must not make a whole batch fail. */
export function pgText(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

export function pgTextOrNull(value: string | null | undefined): string | null {
  return value == null ? null : pgText(value);
}

/** JSON for a jsonb column: jsonb refuses the \u0000 escape as well. */
export function pgJson(value: unknown): string {
  const json = JSON.stringify(value ?? null);
  return json.includes("\\u0000") ? json.replaceAll("\\u0000", "") : json;
}
