import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { useCursorList } from "./paging";

/**
 * Alerts. The key prefix ["alerts"] is what the server's live "alert.*" events invalidate,
 * so the history, the open count and the badge refresh without a reload.
 */
export const alertKeys = {
  all: ["alerts"] as const,
  list: ["alerts", "list"] as const,
  openCount: ["alerts", "open-count"] as const,
  settings: ["alerts", "settings"] as const,
};

export type AlertKind = "volume_spike" | "negative_spike" | "keyword";
export type AlertStatus = "open" | "acknowledged";

export interface AlertItem {
  id: string;
  topic: { id: string; name: string };
  kind: AlertKind;
  term: string | null;
  windowStart: string;
  windowEnd: string;
  observed: number;
  expected: number;
  score: number;
  message: string;
  status: AlertStatus;
  acknowledgedBy: { id: string; name: string | null } | null;
  acknowledgedAt: string | null;
  delivery: { emailAt: string | null; webhookAt: string | null; error: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface AlertSettings {
  emailRecipients: string[];
  webhookUrl: string | null;
  crisisTerms: string[];
  enabled: boolean;
  updatedAt: string | null;
}

export type AlertSettingsBody = Omit<AlertSettings, "updatedAt">;

export function useAlerts(filters: { status?: AlertStatus; topicId?: string; kind?: AlertKind }) {
  return useCursorList<AlertItem>(alertKeys.list, "/api/alerts", filters);
}

export function useOpenAlertCount() {
  return useQuery({
    queryKey: alertKeys.openCount,
    queryFn: ({ signal }) => api<{ open: number }>("/api/alerts/open-count", { signal }),
    select: (data) => data.open,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<AlertItem>(`/api/alerts/${encodeURIComponent(id)}/acknowledge`, { method: "POST", body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export function useAlertSettings(enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.settings,
    queryFn: ({ signal }) => api<AlertSettings>("/api/alerts/settings", { signal }),
    enabled,
  });
}

export function useSaveAlertSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AlertSettingsBody) =>
      api<AlertSettings>("/api/alerts/settings", { method: "PUT", body }),
    onSuccess: (data) => queryClient.setQueryData(alertKeys.settings, data),
  });
}
