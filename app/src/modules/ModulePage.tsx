import { Link, Navigate } from "react-router-dom";
import { isOutsideRole } from "../../../shared/roles";
import { useRequiredSession } from "../api/session";
import { homePath, type ModuleId, visibleModules, visibleSettings } from "../shell/access";
import { MODULES } from "../shell/modules";
import { EmptyState, PageHeader } from "../ui";

/** Every module is an honest placeholder until it ships: what it will do, and that it isn't built. */
export function ModulePage({ id }: { id: ModuleId }) {
  const session = useRequiredSession();
  if (!visibleModules(session.role).includes(id)) return <Navigate to={homePath(session.role)} replace />;

  const m = MODULES[id];
  const Icon = m.icon;
  const canSeeAudit = visibleSettings(session.role).includes("audit");
  // Outside members read this from the guest's side, not the organisation's.
  const description =
    session.role && isOutsideRole(session.role)
      ? `Spaces that ${session.organisation?.name ?? "the organisation"} invites you to will appear here: discussions, files and decisions shared with their team.`
      : m.description;
  return (
    <>
      <PageHeader title={m.label} description={m.purpose} />
      <div className="card">
        <EmptyState icon={<Icon size={24} />} title={`${m.label} is coming`}>
          <p>{description}</p>
          <p>
            <strong>{m.status}</strong>
          </p>
          {id === "govern" && canSeeAudit ? (
            <p>
              <Link to="/settings/audit">Open the audit log</Link>
            </p>
          ) : null}
        </EmptyState>
      </div>
    </>
  );
}
