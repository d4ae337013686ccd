import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router-dom";
import { ROLE_INFO } from "../../../shared/roles";
import { errorMessage, isApiError } from "../api/client";
import { useCreateOrganisation, useRequiredSession, useSwitchOrganisation } from "../api/session";
import { Button, Dialog, TextField, useToast } from "../ui";
import { IconCheck, IconPlus, IconSelector } from "../ui/icons";
import { homePath } from "./access";
import { Menu } from "./Menu";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

export function OrgAvatar({ name }: { name: string }) {
  return (
    <span className="org-avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function CreateOrganisationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateOrganisation();
  const navigate = useNavigate();
  const toast = useToast();
  const [name, setName] = useState("");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const session = await create.mutateAsync(name.trim());
      toast({ tone: "success", title: `Created ${session.organisation?.name ?? name}` });
      setName("");
      onClose();
      navigate(homePath(session.role));
    } catch {
      // Shown below from create.error.
    }
  }

  const fieldError = isApiError(create.error) ? create.error.fieldErrors().name : undefined;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create organisation"
      description="You'll be its owner. You can invite people once it exists."
    >
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label="Organisation name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={120}
          autoComplete="organization"
          error={fieldError ?? (create.error && !fieldError ? errorMessage(create.error) : undefined)}
          data-autofocus
        />
        <div className="dialog-footer">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" loading={create.isPending}>
            Create organisation
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function OrgSwitcher() {
  const session = useRequiredSession();
  const switchOrg = useSwitchOrganisation();
  const navigate = useNavigate();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const current = session.organisation;

  async function choose(id: string) {
    if (id === current?.id) return;
    try {
      const next = await switchOrg.mutateAsync(id);
      navigate(homePath(next.role));
    } catch (error) {
      toast({ tone: "danger", title: "Couldn't switch organisation", description: errorMessage(error) });
    }
  }

  return (
    <>
      <Menu
        label={current ? `Organisation: ${current.name}. Switch organisation` : "Choose an organisation"}
        triggerClassName="org-switcher"
        trigger={
          <>
            <OrgAvatar name={current?.name ?? "?"} />
            <span className="org-switcher-text">
              <span className="org-switcher-name">{current?.name ?? "No organisation"}</span>
              {session.role ? (
                <span className="org-switcher-role">{ROLE_INFO[session.role].label}</span>
              ) : null}
            </span>
            <IconSelector size={16} className="org-switcher-chevron" />
          </>
        }
        items={[
          ...session.organisations.map((org) => ({
            id: org.id,
            text: `${org.name}, ${ROLE_INFO[org.role].label}`,
            checked: org.id === current?.id,
            icon: org.id === current?.id ? <IconCheck size={16} /> : <OrgAvatar name={org.name} />,
            label: (
              <span className="menu-org">
                <span>{org.name}</span>
                <span className="menu-org-role">{ROLE_INFO[org.role].label}</span>
              </span>
            ),
            onSelect: () => void choose(org.id),
          })),
          {
            id: "__create",
            label: "Create organisation",
            icon: <IconPlus size={16} />,
            separatorBefore: session.organisations.length > 0,
            onSelect: () => setCreating(true),
          },
        ]}
      />
      <CreateOrganisationDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
