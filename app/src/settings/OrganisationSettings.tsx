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
  const [retention, setRetention] = useState("");

  // Follow server changes (including live ones) unless the user is mid-edit.
  const serverName = org.data?.name;
  const serverRetention = org.data?.retentionDays;
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (serverName !== undefined && !dirty) setName(serverName);
    if (serverRetention !== undefined && !dirty)
      setRetention(serverRetention === null ? "" : String(serverRetention));
  }, [serverName, serverRetention, dirty]);

  if (org.isPending) return <PageSpinner />;
  if (org.isError) return <Alert tone="danger">{errorMessage(org.error)}</Alert>;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await update.mutateAsync({
        name: name.trim(),
        retentionDays: retention.trim() ? Number(retention) : null,
      });
      setDirty(false);
      toast({ tone: "success", title: "Organisation saved" });
    } catch {
      // Rendered below.
    }
  }

  const fieldErrors = isApiError(update.error) ? update.error.fieldErrors() : {};
  const fieldError = fieldErrors.name;
  const unchanged =
    name.trim() === org.data.name && (retention.trim() ? Number(retention) : null) === org.data.retentionDays;
  return (
    <Card as="section" title="Organisation" description={`Created ${shortDate(org.data.createdAt)}`}>
      <form className="form form-narrow" onSubmit={onSubmit}>
        {update.error && !fieldError && !fieldErrors.retentionDays ? (
          <Alert tone="danger">{errorMessage(update.error)}</Alert>
        ) : null}
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
        <TextField
          label="Keep mentions for (days)"
          type="number"
          min={1}
          max={3650}
          value={retention}
          disabled={!canEdit}
          placeholder="For ever"
          hint="Older mentions, their matches and their hourly figures are deleted. Leave empty to keep everything."
          onChange={(e) => {
            setRetention(e.target.value);
            setDirty(true);
          }}
          error={fieldErrors.retentionDays}
        />
        {canEdit ? (
          <div className="form-actions">
            <Button
              variant="primary"
              type="submit"
              loading={update.isPending}
              disabled={!name.trim() || unchanged}
            >
              Save changes
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
