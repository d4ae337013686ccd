import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import type { Organisation, Session } from "./types";

export function useOrganisation() {
  return useQuery({ queryKey: keys.organisation, queryFn: () => api<Organisation>("/api/organisation") });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; retentionDays?: number | null }) =>
      api<Organisation>("/api/organisation", { method: "PATCH", body }),
    onSuccess: (org) => {
      queryClient.setQueryData(keys.organisation, org);
      // The switcher reads names from the session payload; patch it rather than refetch.
      queryClient.setQueryData<Session | null>(keys.session, (s) =>
        s
          ? {
              ...s,
              organisation:
                s.organisation?.id === org.id ? { ...s.organisation, name: org.name } : s.organisation,
              organisations: s.organisations.map((o) => (o.id === org.id ? { ...o, name: org.name } : o)),
            }
          : s,
      );
    },
  });
}
