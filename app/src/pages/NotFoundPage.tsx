import { Link } from "react-router-dom";
import { useSession } from "../api/session";
import { homePath } from "../shell/access";
import { EmptyState } from "../ui";
import { IconCompass } from "../ui/icons";

export function NotFoundPage() {
  const session = useSession();
  const home = session.data ? homePath(session.data.role) : "/login";
  return (
    <div className="auth-page">
      <main id="main" className="auth-main">
        <EmptyState
          icon={<IconCompass size={24} />}
          title="Page not found"
          headingLevel={2}
          action={
            <Link className="btn btn-primary" to={home}>
              {session.data ? "Go to Chorus" : "Go to log in"}
            </Link>
          }
        >
          <h1 className="visually-hidden">404</h1>
          <p>There's nothing at this address. It may have moved, or the link may be mistyped.</p>
        </EmptyState>
      </main>
    </div>
  );
}
