import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { errorMessage } from "../api/client";
import { useSession, useSetup } from "../api/session";
import { homePath } from "../shell/access";
import { Alert, Button, PageSpinner } from "../ui";

function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="auth-page">
      <main id="main" className="auth-main">
        <Alert
          tone="danger"
          title="Chorus couldn't load"
          action={
            <Button size="sm" onClick={retry}>
              Try again
            </Button>
          }
        >
          {errorMessage(error)}
        </Alert>
      </main>
    </div>
  );
}

/** Renders children only with a session; otherwise sends people to setup or login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const setup = useSetup();
  const location = useLocation();

  if (session.isPending) return <PageSpinner />;
  if (session.isError) return <LoadError error={session.error} retry={() => void session.refetch()} />;
  if (session.data) return <>{children}</>;

  if (setup.isPending) return <PageSpinner />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  const next =
    location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

/** Signed-out pages (login, setup…): a signed-in visitor goes to the app instead. */
export function RedirectIfSession({ children, to }: { children: ReactNode; to?: string }) {
  const session = useSession();
  if (session.isPending) return <PageSpinner />;
  if (session.data) return <Navigate to={to ?? homePath(session.data.role)} replace />;
  return <>{children}</>;
}
