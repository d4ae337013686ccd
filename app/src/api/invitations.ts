import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "../../../shared/roles";
import { api } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";
import type { Invitation } from "./types";

export function useInvitations() {
  return useCursorList<Invitation>(keys.invitations, "/api/invitations");
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      api<{ invitation: Invitation; inviteUrl: string | null }>("/api/invitations", { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/invitations/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
}
