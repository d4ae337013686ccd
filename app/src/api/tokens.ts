import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";
import type { ApiToken } from "./types";

export function useTokens() {
  return useCursorList<ApiToken>(keys.tokens, "/api/tokens");
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) =>
      api<{ token: ApiToken; secret: string }>("/api/tokens", { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
}
