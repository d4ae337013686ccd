import { useRequiredSession } from "../api/session";
import { canManageListening } from "../shell/access";
import { Alert } from "../ui";
import { ImportCard } from "./ImportCard";
import { RecentImports } from "./RecentImports";

export function ImportPage() {
  const session = useRequiredSession();
  return (
    <div className="stack">
      {canManageListening(session.role) ? (
        <ImportCard />
      ) : (
        <Alert tone="info" title="Importing is for analysts and admins">
          You can follow imports here; ask an analyst or admin to import a file.
        </Alert>
      )}
      <RecentImports />
    </div>
  );
}
