import { type FormEvent, useState } from "react";
import { MEMBER_ROLES, OUTSIDE_ROLES, ROLE_INFO, ROLES, type Role } from "../../../shared/roles";
import { errorMessage, isApiError } from "../api/client";
import { useCreateInvitation, useInvitations, useRevokeInvitation } from "../api/invitations";
import { useRequiredSession } from "../api/session";
import type { Invitation, InvitationStatus } from "../api/types";
import { CopyField } from "../lib/CopyField";
import { absoluteTime, relativeTime, shortDate } from "../lib/format";
import { assignableRoles } from "../shell/access";
import {
  Alert,
  Badge,
  type BadgeTone,
  Button,
  Card,
  type Column,
  EmptyState,
  PageSpinner,
  Select,
  Table,
  Tabs,
  TextField,
  useToast,
} from "../ui";
import { IconMail } from "../ui/icons";
import { LoadMore, RoleBadge } from "./shared";

const STATUS_TONE: Record<InvitationStatus, BadgeTone> = {
  pending: "info",
  accepted: "success",
  revoked: "neutral",
  expired: "warning",
};

function InviteForm() {
  const session = useRequiredSession();
  const create = useCreateInvitation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("employee");
  const [created, setCreated] = useState<{ email: string; url: string | null } | null>(null);
  const allowed = assignableRoles(session.role, ROLES);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await create.mutateAsync({ email: email.trim(), role });
      setCreated({ email: result.invitation.email, url: result.inviteUrl });
      setEmail("");
    } catch {
      // Rendered below.
    }
  }

  const fields = isApiError(create.error) ? create.error.fieldErrors() : {};
  const group = (label: string, roles: readonly Role[]) => {
    const visible = roles.filter((r) => allowed.includes(r));
    return visible.length ? (
      <optgroup label={label}>
        {visible.map((r) => (
          <option key={r} value={r}>
            {ROLE_INFO[r].label}
          </option>
        ))}
      </optgroup>
    ) : null;
  };

  return (
    <Card
      as="section"
      title="Invite someone"
      description="They get a link to join this organisation with the role you pick."
    >
      <form className="form" onSubmit={onSubmit}>
        {create.error && Object.keys(fields).length === 0 ? (
          <Alert tone="danger">{errorMessage(create.error)}</Alert>
        ) : null}
        <div className="form-row invite-row">
          <TextField
            label="Email"
            type="email"
            required
            autoComplete="off"
            placeholder="name@example.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
          />
          <Select
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            hint={ROLE_INFO[role].description}
            error={fields.role}
          >
            {group("Members", MEMBER_ROLES)}
            {group("Outside members", OUTSIDE_ROLES)}
          </Select>
          <div className="invite-submit">
            <Button variant="primary" type="submit" loading={create.isPending}>
              Send invitation
            </Button>
          </div>
        </div>
        {created ? (
          <Alert tone="success" title={`Invitation created for ${created.email}`}>
            {created.url ? (
              <>
                <p>
                  Email is not configured on this server, so share this link with them directly. It works
                  once.
                </p>
                <div className="alert-copy">
                  <CopyField label="Invitation link" value={created.url} />
                </div>
              </>
            ) : (
              <p>We emailed them a link to join. It works once and expires in 14 days.</p>
            )}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}

export function InvitationsSettings() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const toast = useToast();
  const [tab, setTab] = useState("pending");

  async function onRevoke(inv: Invitation) {
    try {
      await revoke.mutateAsync(inv.id);
      toast({ tone: "success", title: `Invitation for ${inv.email} revoked` });
    } catch (error) {
      toast({ tone: "danger", title: "Invitation not revoked", description: errorMessage(error) });
    }
  }

  const rows = tab === "pending" ? invitations.rows.filter((i) => i.status === "pending") : invitations.rows;
  const columns: Column<Invitation>[] = [
    { key: "email", header: "Email", cell: (i) => <span className="cell-strong">{i.email}</span> },
    { key: "role", header: "Role", cell: (i) => <RoleBadge role={i.role} /> },
    {
      key: "status",
      header: "Status",
      cell: (i) => (
        <Badge tone={STATUS_TONE[i.status]}>{i.status[0]?.toUpperCase() + i.status.slice(1)}</Badge>
      ),
    },
    { key: "by", header: "Invited by", cell: (i) => i.invitedBy?.name ?? <span className="muted">—</span> },
    {
      key: "sent",
      header: "Sent",
      cell: (i) => (
        <time dateTime={i.createdAt} title={absoluteTime(i.createdAt)}>
          {relativeTime(i.createdAt)}
        </time>
      ),
    },
    {
      key: "expires",
      header: "Expires",
      cell: (i) => (
        <time dateTime={i.expiresAt} title={absoluteTime(i.expiresAt)}>
          {shortDate(i.expiresAt)}
        </time>
      ),
    },
    {
      key: "actions",
      header: <span className="visually-hidden">Actions</span>,
      label: "",
      align: "end",
      cell: (i) =>
        i.status === "pending" ? (
          <Button
            size="sm"
            variant="ghost"
            loading={revoke.isPending && revoke.variables === i.id}
            onClick={() => void onRevoke(i)}
            aria-label={`Revoke invitation for ${i.email}`}
          >
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="stack">
      <InviteForm />
      <Card as="section" title="Invitations">
        <Tabs
          label="Invitation filter"
          value={tab}
          onChange={setTab}
          tabs={[
            { id: "pending", label: "Pending" },
            { id: "all", label: "All" },
          ]}
        >
          {invitations.isPending ? (
            <PageSpinner />
          ) : invitations.isError ? (
            <Alert tone="danger">{errorMessage(invitations.error)}</Alert>
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<IconMail size={24} />}
              title={tab === "pending" ? "No pending invitations" : "No invitations yet"}
              headingLevel={3}
            >
              <p>
                Invite people with the form above. Invitations you send show up here until they're accepted.
              </p>
            </EmptyState>
          ) : (
            <div className="card-flush">
              <Table caption="Invitations" columns={columns} rows={rows} rowKey={(i) => i.id} />
            </div>
          )}
          <LoadMore query={invitations} />
        </Tabs>
      </Card>
    </div>
  );
}
