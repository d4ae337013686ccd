import { z } from "zod";
import { badRequest } from "./errors";

/**
 * Keyset ("cursor") pagination: the cursor is an opaque base64url of the last row's sort key,
 * so pages stay stable while rows are inserted and cost the same at any depth.
 */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface TimeCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(value: { createdAt: Date; id: string } | { id: number }): string {
  const plain = "createdAt" in value ? `${value.createdAt.toISOString()}|${value.id}` : String(value.id);
  return Buffer.from(plain).toString("base64url");
}

export function decodeTimeCursor(cursor: string | undefined): TimeCursor | null {
  if (!cursor) return null;
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(time ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(id))
    throw badRequest("Invalid cursor");
  return { createdAt, id };
}

export function decodeIdCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const id = Number(Buffer.from(cursor, "base64url").toString());
  if (!Number.isSafeInteger(id) || id < 0) throw badRequest("Invalid cursor");
  return id;
}

/** Takes limit+1 rows, returns `limit` and the cursor of the last one when more exist. */
export function page<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

export const pageResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
