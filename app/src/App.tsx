import { Navigate, Route, Routes } from "react-router-dom";
import { useSession } from "./api/session";
import { RedirectIfSession, RequireSession } from "./auth/Guards";
import { InvitePage } from "./auth/InvitePage";
import { LoginPage } from "./auth/LoginPage";
import { ForgotPasswordPage, ResetPasswordPage } from "./auth/PasswordResetPages";
import { SetupPage } from "./auth/SetupPage";
import { AlertsPage } from "./listen/alerts/AlertsPage";
import { DashboardPage } from "./listen/dashboard/DashboardPage";
import { ImportPage } from "./listen/ImportPage";
import { ListenLayout } from "./listen/ListenLayout";
import { MentionsPage } from "./listen/mentions/MentionsPage";
import { ReportsPage } from "./listen/reports/ReportsPage";
import { SourcesPage } from "./listen/SourcesPage";
import { TopicsPage } from "./listen/topics/TopicsPage";
import { ModulePage } from "./modules/ModulePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { AuditSettings } from "./settings/AuditSettings";
import { InvitationsSettings } from "./settings/InvitationsSettings";
import { MembersSettings } from "./settings/MembersSettings";
import { OrganisationSettings } from "./settings/OrganisationSettings";
import { RequireSection, SettingsIndex, SettingsLayout } from "./settings/SettingsLayout";
import { TokensSettings } from "./settings/TokensSettings";
import { AppShell } from "./shell/AppShell";
import { homePath, MODULE_ORDER } from "./shell/access";

function Home() {
  const session = useSession();
  return <Navigate to={homePath(session.data?.role ?? null)} replace />;
}

/**
 * Every route is client-side; the server answers any non-/api path with index.html.
 * Signed-out pages sit outside the shell, everything else inside RequireSession.
 */
export function App() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <RedirectIfSession>
            <LoginPage />
          </RedirectIfSession>
        }
      />
      <Route
        path="/setup"
        element={
          <RedirectIfSession>
            <SetupPage />
          </RedirectIfSession>
        }
      />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />

      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path="listen" element={<ListenLayout />}>
          <Route index element={<Navigate to="/listen/dashboard" replace />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="mentions" element={<MentionsPage />} />
          <Route path="alerts" element={<AlertsPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="sources" element={<SourcesPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="topics" element={<TopicsPage />} />
        </Route>
        {MODULE_ORDER.filter((id) => id !== "listen").map((id) => (
          <Route key={id} path={id} element={<ModulePage id={id} />} />
        ))}
        <Route path="settings" element={<SettingsLayout />}>
          <Route index element={<SettingsIndex />} />
          <Route path="organisation" element={<OrganisationSettings />} />
          <Route
            path="members"
            element={
              <RequireSection section="members">
                <MembersSettings />
              </RequireSection>
            }
          />
          <Route
            path="invitations"
            element={
              <RequireSection section="invitations">
                <InvitationsSettings />
              </RequireSection>
            }
          />
          <Route
            path="tokens"
            element={
              <RequireSection section="tokens">
                <TokensSettings />
              </RequireSection>
            }
          />
          <Route
            path="audit"
            element={
              <RequireSection section="audit">
                <AuditSettings />
              </RequireSection>
            }
          />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
