import { Navigate, NavLink, Outlet } from "react-router-dom";
import { useRequiredSession } from "../api/session";
import { homePath, visibleModules } from "../shell/access";
import { MODULES } from "../shell/modules";
import { PageHeader } from "../ui";
import { IconFile, IconListen, IconUpload } from "../ui/icons";
import { OpenAlertsBadge } from "./alerts/OpenAlertsBadge";

const TABS = [
  { path: "/listen/dashboard", label: "Dashboard", icon: <IconListen size={16} /> },
  { path: "/listen/mentions", label: "Mentions", icon: <IconFile size={16} /> },
  { path: "/listen/topics", label: "Topics", icon: <IconFile size={16} /> },
  { path: "/listen/alerts", label: "Alerts", icon: <IconListen size={16} /> },
  { path: "/listen/reports", label: "Reports", icon: <IconFile size={16} /> },
  { path: "/listen/sources", label: "Sources", icon: <IconListen size={16} /> },
  { path: "/listen/import", label: "Import", icon: <IconUpload size={16} /> },
];

/** Listen: dashboards, mention search, topics, alerts, and where posts come from. */
export function ListenLayout() {
  const session = useRequiredSession();
  if (!visibleModules(session.role).includes("listen"))
    return <Navigate to={homePath(session.role)} replace />;
  return (
    <>
      <PageHeader title="Listen" description={MODULES.listen.purpose} />
      <nav aria-label="Listen sections" className="subnav">
        {TABS.map((t) => (
          <NavLink key={t.path} to={t.path} className="subnav-link">
            {t.icon}
            {t.label}
            {t.path === "/listen/alerts" ? <OpenAlertsBadge /> : null}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
