import { useState } from "react";
import { Outlet } from "react-router-dom";
import { useRequiredSession } from "../api/session";
import { LiveProvider } from "../live/LiveProvider";
import { Button, EmptyState } from "../ui";
import { IconBuilding, IconPlus } from "../ui/icons";
import { CreateOrganisationDialog } from "./OrgSwitcher";
import { Sidebar } from "./Sidebar";

function NoOrganisation() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <EmptyState
        icon={<IconBuilding size={24} />}
        title="You're not in an organisation"
        action={
          <Button variant="primary" icon={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create organisation
          </Button>
        }
      >
        <p>
          Everything in Chorus belongs to an organisation. Create one, or ask someone to invite you to theirs
          — the invitation link will bring you straight in.
        </p>
      </EmptyState>
      <CreateOrganisationDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

export function AppShell() {
  const session = useRequiredSession();
  return (
    <LiveProvider organisationId={session.organisation?.id ?? null} userId={session.user.id}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <Sidebar />
        <main id="main" className="main" tabIndex={-1}>
          <div className="content">{session.organisation ? <Outlet /> : <NoOrganisation />}</div>
        </main>
      </div>
    </LiveProvider>
  );
}
