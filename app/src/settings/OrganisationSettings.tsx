import { type FormEvent, useEffect, useState } from "react";
import { errorMessage, isApiError } from "../api/client";
import { useOrganisation, useUpdateOrganisation } from "../api/organisation";
import { useRequiredSession } from "../api/session";
import { shortDate } from "../lib/format";
import { canManageOrganisation } from "../shell/access";
import { Alert, Button, Card, PageSpinner, TextField, useToast } from "../ui";

export function OrganisationSettings() {
  const session = useRequiredSession();
  const org = useOrganisation();
  const update = useUpdateOrganisation();
  const toast = useToast();
  const canEdit = canManageOrganisation(session.role);
  const [name, setName] = useState("");

  // Follow server changes (including live ones) unless the user is mid-edit.
  const serverName = org.data?.name;
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (serverName !== undefined && !dirty) setName(serverName);
  }, [serverName, dirty]);

  if (org.isPending) return <PageSpinner />;
  if (org.isError) return <Alert tone="danger">{errorMessage(org.error)}</Alert>;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await update.mutateAsync({ name: name.trim() });
      setDirty(false);
      toast({ tone: "success", title: "Organisation renamed" });
    } catch {
      // Rendered below.
    }
  }

  const fieldError = isApiError(update.error) ? update.error.fieldErrors().name : undefined;
  return (
    <Card as="section" title="Organisation" description={`Created ${shortDate(org.data.createdAt)}`}>
      <form className="form form-narrow" onSubmit={onSubmit}>
        {update.error && !fieldError ? <Alert tone="danger">{errorMessage(update.error)}</Alert> : null}
        <TextField
          label="Name"
          value={name}
          required
          maxLength={120}
          disabled={!canEdit}
          hint={canEdit ? undefined : "Only owners and admins can rename the organisation."}
          onChange={(e) => {
            setName(e.target.value);
            setDirty(true);
          }}
          error={fieldError}
        />
        <TextField
          label="Slug"
          value={org.data.slug}
          readOnly
          disabled
          hint="Short identifier, set when the organisation was created."
        />
        {canEdit ? (
          <div className="form-actions">
            <Button
              variant="primary"
              type="submit"
              loading={update.isPending}
              disabled={!name.trim() || name.trim() === org.data.name}
            >
              Save changes
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
