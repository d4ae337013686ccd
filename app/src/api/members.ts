import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "../../../shared/roles";
import { api } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";
import type { Member } from "./types";

export function useMembers() {
  return useCursorList<Member>(keys.members, "/api/members");
}

export function useUpdateMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api<Member>(`/api/members/${encodeURIComponent(id)}`, { method: "PATCH", body: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.members }),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/members/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.members }),
  });
}
