import { useQuery } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./keys";
import { useCursorList } from "./paging";
import type { AuditEntry } from "./types";

export function useAuditLog(filters: { name?: string; actorId?: string }) {
  return useCursorList<AuditEntry>(keys.audit, "/api/audit", {
    name: filters.name,
    actorId: filters.actorId,
  });
}

export function useAuditNames() {
  return useQuery({
    queryKey: keys.auditNames,
    queryFn: () => api<{ names: string[] }>("/api/audit/names"),
    select: (r) => r.names,
  });
}
