import { Navigate, NavLink, Outlet } from "react-router-dom";
import { useRequiredSession } from "../api/session";
import { homePath, visibleModules } from "../shell/access";
import { MODULES } from "../shell/modules";
import { EmptyState, PageHeader } from "../ui";
import { IconFile, IconListen, IconUpload } from "../ui/icons";

const TABS = [
  { path: "/listen/sources", label: "Sources", icon: <IconListen size={16} /> },
  { path: "/listen/import", label: "Import", icon: <IconUpload size={16} /> },
  { path: "/listen/topics", label: "Topics", icon: <IconFile size={16} /> },
];

/** Listen: where posts come from (sources, file imports); topics and dashboards come next. */
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
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}

export function TopicsPage() {
  return (
    <div className="card">
      <EmptyState icon={<IconListen size={24} />} title="Topics and dashboards arrive next">
        <p>
          Topics will turn the posts your sources collect into answers: Boolean queries for your brands,
          products and competitors, with sentiment, share of voice, trends and spike alerts.
        </p>
        <p>
          <strong>Not built yet.</strong> Until then, connect sources and import files so there is history to
          analyse when topics arrive.
        </p>
      </EmptyState>
    </div>
  );
}
