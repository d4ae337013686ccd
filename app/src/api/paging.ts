import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "./client";
import type { Page } from "./types";

export const PAGE_SIZE = 50;

/**
 * Cursor-paginated list. When a live event invalidates the key, React Query refetches the
 * loaded pages in order, so new rows appear on top and "Load more" keeps working.
 */
export function useCursorList<T>(
  queryKey: readonly unknown[],
  path: string,
  query: Record<string, string | undefined> = {},
) {
  const result = useInfiniteQuery({
    queryKey: [...queryKey, query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(path, { query: { ...query, cursor: pageParam, limit: PAGE_SIZE }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = result.data?.pages.flatMap((p) => p.data) ?? [];
  return { ...result, rows };
}
