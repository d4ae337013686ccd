/**
 * What an analyst's morning looks like to the API: the dashboard charts over several windows
 * and filters, and the mention stream (filters, full text, by reach). Each request ends its
 * window a little earlier than the last (up to two days back from the newest data), so the
 * figures come from many windows, not one cached plan or page.
 */
import type { BenchConfig } from "./load";

export interface Filters {
  period: "24h" | "7d" | "30d";
  interval?: "hour" | "day";
  topicIds?: string[];
  sentiments?: string[];
  languages?: string[];
}

export interface Scenario {
  name: string;
  path: "/api/dashboard/volume" | "/api/dashboard/breakdown" | "/api/dashboard/top" | "/api/mentions";
  filters: Filters;
  extra?: Record<string, string>;
  /** The naive peer computes the same figures straight from mentions ⋈ mention_topics. */
  naive?: "volume" | "breakdown";
}

export function scenarios(config: BenchConfig): Scenario[] {
  const topic = (name: string) => config.topics.find((t) => t.name === name)!.id;
  const product = topic("AeroBook");
  return [
    { name: "volume 24h hourly", path: "/api/dashboard/volume", filters: { period: "24h" }, naive: "volume" },
    { name: "volume 7d daily", path: "/api/dashboard/volume", filters: { period: "7d" }, naive: "volume" },
    {
      name: "volume 7d hourly",
      path: "/api/dashboard/volume",
      filters: { period: "7d", interval: "hour" },
      naive: "volume",
    },
    { name: "volume 30d daily", path: "/api/dashboard/volume", filters: { period: "30d" }, naive: "volume" },
    {
      name: "volume 30d negative+en",
      path: "/api/dashboard/volume",
      filters: { period: "30d", sentiments: ["negative"], languages: ["en"] },
      naive: "volume",
    },
    { name: "breakdown 7d", path: "/api/dashboard/breakdown", filters: { period: "7d" }, naive: "breakdown" },
    {
      name: "breakdown 30d 1 topic",
      path: "/api/dashboard/breakdown",
      filters: { period: "30d", topicIds: [product] },
      naive: "breakdown",
    },
    {
      name: "breakdown 7d en",
      path: "/api/dashboard/breakdown",
      filters: { period: "7d", languages: ["en"] },
      naive: "breakdown",
    },
    { name: "top 7d", path: "/api/dashboard/top", filters: { period: "7d" } },
    { name: "mentions recent p1", path: "/api/mentions", filters: { period: "7d" } },
    {
      name: "mentions negative+topic",
      path: "/api/mentions",
      filters: { period: "7d", sentiments: ["negative"], topicIds: [product] },
    },
    {
      name: "mentions q=aerobook",
      path: "/api/mentions",
      filters: { period: "7d" },
      extra: { q: "aerobook" },
    },
    {
      name: "mentions q=recall (rare)",
      path: "/api/mentions",
      filters: { period: "7d" },
      extra: { q: "recall" },
    },
    {
      name: "mentions sort=reach 24h",
      path: "/api/mentions",
      filters: { period: "24h" },
      extra: { sort: "reach" },
    },
  ];
}

/** A small deterministic generator, so two runs ask for the same windows. */
export function jitter(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function queryString(s: Scenario, to: Date): string {
  const q = new URLSearchParams({ period: s.filters.period, to: to.toISOString() });
  if (s.filters.interval) q.set("interval", s.filters.interval);
  for (const key of ["topicIds", "sentiments", "languages"] as const) {
    const values = s.filters[key];
    if (values?.length) q.set(key, values.join(","));
  }
  for (const [k, v] of Object.entries(s.extra ?? {})) q.set(k, v);
  return `${s.path}?${q}`;
}
