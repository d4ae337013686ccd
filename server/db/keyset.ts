import { type SelectQueryBuilder, sql } from "kysely";
import { decodeTimeCursor } from "../http/pagination";

/**
 * One page of a list ordered by (created_at, id) — newest first unless `asc` — starting after
 * the cursor, with one row more than the page so `page()` knows whether another follows.
 * Keyset pagination: stable while rows arrive, and as cheap on page 1,000 as on page 1.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { cursor?: string; limit: number },
  table: string,
  direction: "desc" | "asc" = "desc",
): SelectQueryBuilder<DB, TB, O> {
  const created = sql.ref(`${table}.created_at`);
  const id = sql.ref(`${table}.id`);
  const cursor = decodeTimeCursor(page.cursor);
  const after = direction === "desc" ? sql.raw("<") : sql.raw(">");
  const filtered = cursor
    ? query.where(sql<boolean>`(${created}, ${id}) ${after} (${cursor.createdAt}, ${cursor.id})`)
    : query;
  return filtered
    .orderBy(created, direction)
    .orderBy(id, direction)
    .limit(page.limit + 1);
}
