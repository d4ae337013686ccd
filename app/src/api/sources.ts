import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";

/** JSON Schema (draft 2020-12, generated from zod) describing one connector's settings. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  description?: string;
}

export interface SourceKind {
  kind: string;
  label: string;
  /** Passive sources (webhooks) receive posts; they are never polled or "run". */
  passive: boolean;
  secrets: string[];
  settingsSchema: JsonSchema;
}

export type SourceStatus = "idle" | "running" | "error" | "paused";

export interface Source {
  id: string;
  kind: string;
  name: string;
  settings: Record<string, unknown>;
  enabled: boolean;
  status: SourceStatus;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  postsIngested: number;
  rateLimitPerMinute: number;
  webhookUrl: string | null;
  createdAt: string;
}

export interface CreateSourceBody {
  kind: string;
  name: string;
  settings: Record<string, unknown>;
  rateLimitPerMinute?: number;
}

export type UpdateSourceBody = Partial<Omit<CreateSourceBody, "kind">> & { enabled?: boolean };

export interface CreatedSource {
  source: Source;
  /** Only for webhook sources, and only in this response: the secret is never shown again. */
  webhook: { url: string; secret: string } | null;
}

const sourcePath = (id: string) => `/api/sources/${encodeURIComponent(id)}`;

export function useSourceKinds() {
  return useQuery({
    queryKey: keys.sourceKinds,
    queryFn: ({ signal }) => api<{ kinds: SourceKind[] }>("/api/source-kinds", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.kinds,
  });
}

export function useSources() {
  return useCursorList<Source>(keys.sources, "/api/sources");
}

function useSourceMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sources }),
  });
}

export function useCreateSource() {
  return useSourceMutation((body: CreateSourceBody) =>
    api<CreatedSource>("/api/sources", { method: "POST", body }),
  );
}

export function useUpdateSource() {
  return useSourceMutation(({ id, body }: { id: string; body: UpdateSourceBody }) =>
    api<Source>(sourcePath(id), { method: "PATCH", body }),
  );
}

export function useDeleteSource() {
  return useSourceMutation((id: string) => api<void>(sourcePath(id), { method: "DELETE" }));
}

export function useRunSource() {
  return useSourceMutation((id: string) =>
    api<{ ok: true }>(`${sourcePath(id)}/run`, { method: "POST", body: {} }),
  );
}
