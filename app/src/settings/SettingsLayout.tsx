import type { ReactNode } from "react";
import { Navigate, NavLink, Outlet } from "react-router-dom";
import { useRequiredSession } from "../api/session";
import { type SettingsSection, visibleSettings } from "../shell/access";
import { EmptyState, PageHeader } from "../ui";
import { IconBuilding, IconCollaborate, IconHistory, IconKey, IconMail } from "../ui/icons";

export const SECTIONS: Record<SettingsSection, { label: string; path: string; icon: ReactNode }> = {
  organisation: { label: "Organisation", path: "/settings/organisation", icon: <IconBuilding size={16} /> },
  members: { label: "Members", path: "/settings/members", icon: <IconCollaborate size={16} /> },
  invitations: { label: "Invitations", path: "/settings/invitations", icon: <IconMail size={16} /> },
  tokens: { label: "API tokens", path: "/settings/tokens", icon: <IconKey size={16} /> },
  audit: { label: "Audit log", path: "/settings/audit", icon: <IconHistory size={16} /> },
};

export function SettingsLayout() {
  const session = useRequiredSession();
  const sections = visibleSettings(session.role);
  return (
    <>
      <PageHeader title="Settings" description={session.organisation?.name} />
      <nav aria-label="Settings sections" className="subnav">
        {sections.map((s) => (
          <NavLink key={s} to={SECTIONS[s].path} className="subnav-link">
            {SECTIONS[s].icon}
            {SECTIONS[s].label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}

export function SettingsIndex() {
  const session = useRequiredSession();
  const first = visibleSettings(session.role)[0];
  return <Navigate to={first ? SECTIONS[first].path : "/"} replace />;
}

/** Wraps a section so deep links to a section the role can't use explain rather than break. */
export function RequireSection({ section, children }: { section: SettingsSection; children: ReactNode }) {
  const session = useRequiredSession();
  if (visibleSettings(session.role).includes(section)) return <>{children}</>;
  return (
    <div className="card">
      <EmptyState title="Not available for your role">
        <p>{SECTIONS[section].label} is managed by the organisation's owners and admins.</p>
      </EmptyState>
    </div>
  );
}
