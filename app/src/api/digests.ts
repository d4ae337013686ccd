import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

export interface DigestTopic {
  topicId: string;
  name: string;
  kind: string;
  volume: number;
  previous: number;
  change: number | null;
  negativeShare: number;
  share: number;
}
export interface DigestContent {
  period: "daily" | "weekly";
  from: string;
  to: string;
  total: number;
  previousTotal: number;
  change: number | null;
  topics: DigestTopic[];
  shareOfVoice: { name: string; share: number }[];
  alerts: { message: string; at: string; status: string }[];
}
export interface Digest {
  id: string;
  period: "daily" | "weekly";
  periodStart: string;
  periodEnd: string;
  recipients: string[];
  createdAt: string;
  content: DigestContent;
}
export interface DigestSettings {
  frequency: "off" | "daily" | "weekly";
  recipients: string[];
  lastSentAt: string | null;
}

export function useDigests() {
  return useQuery({
    queryKey: ["digests"],
    queryFn: async ({ signal }) =>
      (await api<{ data: Digest[] }>("/api/digests", { query: { limit: 30 }, signal })).data,
  });
}

export function useDigestSettings() {
  return useQuery({
    queryKey: ["digests", "settings"],
    queryFn: ({ signal }) => api<DigestSettings>("/api/digests/settings", { signal }),
  });
}

export function useSaveDigestSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<DigestSettings, "lastSentAt">) =>
      api<DigestSettings>("/api/digests/settings", { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["digests"] }),
  });
}

export function useSendDigest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: "daily" | "weekly") =>
      api<Digest>("/api/digests", { method: "POST", body: { period } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["digests"] }),
  });
}
