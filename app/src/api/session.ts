import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "./client";
import { keys } from "./keys";
import type { InvitationPreview, Organisation, Session, SetupStatus } from "./types";

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>("/api/session");
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    // 401 is the normal "logged out" answer, not an error state for the UI.
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: fetchSession, staleTime: 60_000 });
}

/** For components rendered inside the authenticated shell, where a session is guaranteed. */
export function useRequiredSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error("useRequiredSession used outside the authenticated shell");
  return data;
}

export function useSetup() {
  return useQuery({
    queryKey: keys.setup,
    queryFn: () => api<SetupStatus>("/api/setup"),
    staleTime: 5 * 60_000,
  });
}

/**
 * Store a new session. Everything else in the cache belongs to the previous user or
 * organisation, so it is dropped rather than shown stale for a moment.
 */
export function adoptSession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
  queryClient.setQueryData(keys.session, session);
}

/** `key` marks auth mutations whose 401 means "wrong password", not "session ended". */
function useSessionMutation<V>(run: (vars: V) => Promise<Session>, key?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: key ? ["auth", key] : undefined,
    mutationFn: run,
    onSuccess: (session) => adoptSession(queryClient, session),
  });
}

export function useLogin() {
  return useSessionMutation(
    (body: { email: string; password: string }) => api<Session>("/api/auth/login", { method: "POST", body }),
    "login",
  );
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["auth", "signup"],
    mutationFn: (body: { name: string; email: string; password: string; organisationName: string }) =>
      api<Session>("/api/auth/signup", { method: "POST", body }),
    onSuccess: (session) => {
      adoptSession(queryClient, session);
      queryClient.setQueryData<SetupStatus | undefined>(keys.setup, (old) =>
        old ? { ...old, needsSetup: false } : old,
      );
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/auth/logout", { method: "POST" }),
    // Even if the server call fails the user asked to leave: forget the session locally.
    onSettled: () => adoptSession(queryClient, null),
  });
}

export function useSwitchOrganisation() {
  return useSessionMutation((organisationId: string) =>
    api<Session>("/api/session/organisation", { method: "POST", body: { organisationId } }),
  );
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    // Creating makes the caller owner of the new organisation; switching makes it active.
    mutationFn: async (name: string) => {
      const org = await api<Organisation>("/api/organisations", { method: "POST", body: { name } });
      return api<Session>("/api/session/organisation", { method: "POST", body: { organisationId: org.id } });
    },
    onSuccess: (session) => adoptSession(queryClient, session),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      api<{ ok: true }>("/api/auth/password-reset", { method: "POST", body: { email } }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<void>("/api/auth/password-reset/confirm", { method: "POST", body }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => api<InvitationPreview>(`/api/auth/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  return useSessionMutation(
    (body: { name?: string; password: string }) =>
      api<Session>(`/api/auth/invitations/${encodeURIComponent(token)}/accept`, { method: "POST", body }),
    "accept",
  );
}
