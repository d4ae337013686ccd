import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";

/** The filters every chart, the stream and the exports share; kept in the URL. */
export interface ListenFilters {
  period?: string;
  from?: string;
  to?: string;
  topicIds?: string;
  channels?: string;
  languages?: string;
  countries?: string;
  sentiments?: string;
  intents?: string;
}

export interface TopicSeries {
  topicId: string;
  volume: number[];
  positive: number[];
  negative: number[];
  neutral: number[];
  netSentiment: (number | null)[];
  total: number;
}
export interface VolumeResult {
  from: string;
  to: string;
  interval: "hour" | "day";
  buckets: string[];
  series: TopicSeries[];
  overall: Omit<TopicSeries, "topicId">;
}
export interface Slice {
  value: string;
  volume: number;
  negative: number;
  sentiment: number;
}
export interface BreakdownResult {
  from: string;
  to: string;
  total: number;
  topics: (Slice & { topicId: string; share: number })[];
  channels: Slice[];
  languages: Slice[];
  countries: Slice[];
  intents: Slice[];
  sentiments: Slice[];
}
export interface Ranked {
  value: string;
  count: number;
}
export interface TopResult {
  sample: number;
  hashtags: Ranked[];
  terms: Ranked[];
  emoji: Ranked[];
  authors: (Ranked & { channel: string; followers: number })[];
}

export interface Mention {
  id: string;
  channel: string;
  author: { handle: string | null; name: string | null; url: string | null; followers: number };
  text: string;
  title: string | null;
  url: string | null;
  language: string | null;
  country: string | null;
  sentiment: number | null;
  sentimentLabel: "positive" | "negative" | "neutral";
  intent: string | null;
  hashtags: string[];
  engagement: { likes: number; shares: number; replies: number; views: number };
  createdAt: string;
  duplicateOf: string | null;
  topicIds: string[];
  tags: string[];
  highlights: [number, number][];
}
export interface MentionDetail extends Mention {
  handoffs: { target: string; at: string }[];
}

type Query = Record<string, string | undefined>;
const clean = (q: Query) => Object.fromEntries(Object.entries(q).filter(([, v]) => v)) as Query;

/** One chart's figures under the filters; the live "dashboards" key refreshes them, keeping the last while loading. */
function useChart<T>(name: string, filters: ListenFilters) {
  const query = clean({ ...filters });
  return useQuery({
    queryKey: [...keys.dashboards, name, query],
    queryFn: ({ signal }) => api<T>(`/api/dashboard/${name}`, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export const useVolume = (filters: ListenFilters) => useChart<VolumeResult>("volume", filters);
export const useBreakdown = (filters: ListenFilters) => useChart<BreakdownResult>("breakdown", filters);
export const useTopItems = (filters: ListenFilters) => useChart<TopResult>("top", filters);

export function useMentions(filters: ListenFilters & { q?: string; sort?: string; tag?: string }) {
  return useCursorList<Mention>([...keys.mentions, "stream"], "/api/mentions", clean({ ...filters }));
}

export function useMention(id: string | null) {
  return useQuery({
    queryKey: [...keys.mentions, "detail", id],
    queryFn: ({ signal }) => api<MentionDetail>(`/api/mentions/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useTagMention(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tags: string[]) =>
      api<{ tags: string[] }>(`/api/mentions/${id}/tags`, { method: "PUT", body: { tags } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mentions }),
  });
}

export function useHandOff(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: "care" | "innovate") =>
      api(`/api/mentions/${id}/handoff`, { method: "POST", body: { target } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...keys.mentions, "detail", id] }),
  });
}

/** Download links: the browser streams the CSV straight from the server. */
export const csvUrl = (path: string, filters: Query) => withQuery(path, clean(filters));
