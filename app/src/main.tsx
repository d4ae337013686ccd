import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App";
import { isApiError, setCsrfToken } from "./api/client";
import { keys } from "./api/keys";
import { ToastProvider } from "./ui";
import "./ui/tokens.css";
import "./ui/base.css";
import "./ui/controls.css";
import "./ui/surfaces.css";
import "./shell/shell.css";
import "./app.css";
import "./listen/listen.css";

// A 401 from anything but the session probe means the session ended elsewhere (logout in
// another tab, expiry): drop it so the guards send the user to the login page.
function onUnauthorized(error: unknown, queryKey?: readonly unknown[]) {
  if (!isApiError(error) || error.status !== 401 || queryKey?.[0] === "session") return;
  if (queryKey?.[0] === "invitation-preview") return;
  setCsrfToken(null);
  queryClient.setQueryData(keys.session, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onUnauthorized(error, query.queryKey) }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // Login and invite acceptance answer 401 for a wrong password; that is not a session loss.
      const key = mutation.options.mutationKey;
      if (!key) onUnauthorized(error, ["mutation"]);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors won't fix themselves on retry; network blips and 5xx might.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ToastProvider>
          <App />
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
