import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { ListenFilters } from "../../api/dashboard";

export const FILTER_KEYS = [
  "period",
  "from",
  "to",
  "topicIds",
  "channels",
  "languages",
  "countries",
  "sentiments",
  "intents",
] as const satisfies readonly (keyof ListenFilters)[];

export const PERIODS = [
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
] as const;

/** Reads the shared filters from a query string (unknown keys ignored). */
export function filtersFrom(params: URLSearchParams): ListenFilters {
  const out: ListenFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/**
 * A link to the mentions behind a chart element: the current filters narrowed by what was
 * clicked (a topic, a bucket of time, a channel…). A time bucket replaces the period.
 */
export function drillHref(current: ListenFilters, narrow: Partial<ListenFilters>): string {
  const merged: ListenFilters = { ...current, ...narrow };
  if (narrow.from || narrow.to) delete merged.period;
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `/listen/mentions?${qs}` : "/listen/mentions";
}

/** The filters in the URL, and a setter that keeps other parameters (search, sort) intact. */
export function useListenFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const setFilter = useCallback(
    (key: string, value: string | undefined) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          // A custom window and a period exclude each other.
          if (key === "period") {
            next.delete("from");
            next.delete("to");
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { filters, params, setFilter, setParams };
}
