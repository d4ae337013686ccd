import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";

export type TopicKind = "brand" | "product" | "competitor" | "campaign" | "other";
export type BackfillStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface Backfill {
  id: string;
  status: BackfillStatus;
  total: number;
  processed: number;
  matched: number;
  error: string | null;
}

export interface Topic {
  id: string;
  name: string;
  kind: TopicKind;
  query: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  backfill: Backfill | null;
}

export interface QueryPosition {
  start: number;
  end: number;
}

export interface QueryIssue {
  path?: string;
  code?: string;
  message: string;
  position: QueryPosition;
  expected?: string[];
}

export interface QueryCheck {
  ok: boolean;
  canonical: string | null;
  errors: QueryIssue[];
  warnings: QueryIssue[];
}

export interface Span {
  field: "text" | "title";
  start: number;
  end: number;
}

export interface PreviewHit {
  id: string;
  channel: string;
  authorHandle: string | null;
  text: string;
  textTruncated: boolean;
  title: string | null;
  url: string | null;
  createdAt: string;
  sentimentLabel: "positive" | "negative" | "neutral" | null;
  language: string | null;
  spans: Span[];
}

export interface TopicPreview {
  scanned: number;
  matched: number;
  hits: PreviewHit[];
}

export interface TopicBody {
  name: string;
  kind: TopicKind;
  query: string;
}

const topicPath = (id: string) => `/api/topics/${encodeURIComponent(id)}`;

export type TopicSummary = Pick<Topic, "id" | "name" | "kind">;

/** Every topic of the organisation in one request (names and kinds for legends and filters). */
export function useTopicSummaries() {
  return useQuery({
    queryKey: [...keys.topics, "summaries"],
    queryFn: async ({ signal }) =>
      (await api<{ data: TopicSummary[] }>("/api/topics", { query: { limit: 200 }, signal })).data,
    staleTime: 30_000,
  });
}

export function useTopics() {
  return useCursorList<Topic>(keys.topics, "/api/topics");
}

function useTopicMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.topics }),
  });
}

export function useCreateTopic() {
  return useTopicMutation((body: TopicBody) => api<Topic>("/api/topics", { method: "POST", body }));
}

export function useUpdateTopic() {
  return useTopicMutation(({ id, body }: { id: string; body: Partial<TopicBody> }) =>
    api<Topic>(topicPath(id), { method: "PATCH", body }),
  );
}

export function useDeleteTopic() {
  return useTopicMutation((id: string) => api<void>(topicPath(id), { method: "DELETE" }));
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/**
 * Checks a query as it is typed (debounced), then previews it against stored mentions once it
 * parses. Superseded requests are aborted; the last answer stays on screen while the next loads.
 */
export function useQueryCheck(query: string, { preview }: { preview: boolean }) {
  const settled = useDebounced(query, 250);
  const trimmed = settled.trim();
  const check = useQuery({
    // Sent as typed (not trimmed) so that error positions line up with the editor's text.
    queryKey: [...keys.topicQuery, "validate", settled],
    queryFn: ({ signal }) =>
      api<QueryCheck>("/api/topics/validate", { method: "POST", body: { query: settled }, signal }),
    enabled: trimmed !== "",
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const ready = preview && trimmed !== "" && check.data?.ok === true && !check.isPlaceholderData;
  const previewQuery = useQuery({
    queryKey: [...keys.topicQuery, "preview", trimmed],
    queryFn: ({ signal }) =>
      api<TopicPreview>("/api/topics/preview", { method: "POST", body: { query: trimmed }, signal }),
    enabled: ready,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  return {
    check: trimmed === "" ? null : (check.data ?? null),
    /** False while typing or while the shown check is for an earlier text (positions may be off). */
    checkFresh: settled === query && !check.isPlaceholderData,
    checking: check.isFetching,
    // The last preview stays up (marked stale) while the next check and preview run.
    preview:
      trimmed === "" || (check.data?.ok === false && !check.isPlaceholderData)
        ? null
        : (previewQuery.data ?? null),
    previewStale: !ready || previewQuery.isPlaceholderData,
    previewing: previewQuery.isFetching,
    previewError: ready ? previewQuery.error : null,
  };
}
