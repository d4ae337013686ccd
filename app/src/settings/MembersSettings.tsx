import { useState } from "react";
import { ROLE_INFO, ROLES, type Role } from "../../../shared/roles";
import { errorMessage } from "../api/client";
import { useMembers, useRemoveMember, useUpdateMemberRole } from "../api/members";
import { useRequiredSession } from "../api/session";
import type { Member } from "../api/types";
import { absoluteTime, shortDate } from "../lib/format";
import { assignableRoles } from "../shell/access";
import {
  Alert,
  Badge,
  Button,
  Card,
  type Column,
  Dialog,
  EmptyState,
  PageSpinner,
  Select,
  Table,
  useToast,
} from "../ui";
import { IconCollaborate } from "../ui/icons";
import { LoadMore, RoleBadge } from "./shared";

export function MembersSettings() {
  const session = useRequiredSession();
  const members = useMembers();
  const updateRole = useUpdateMemberRole();
  const remove = useRemoveMember();
  const toast = useToast();
  const [removing, setRemoving] = useState<Member | null>(null);
  const assignable = assignableRoles(session.role, ROLES);

  async function changeRole(member: Member, role: Role) {
    try {
      await updateRole.mutateAsync({ id: member.id, role });
      toast({ tone: "success", title: `${member.user.name} is now ${ROLE_INFO[role].label}` });
    } catch (error) {
      toast({ tone: "danger", title: "Role not changed", description: errorMessage(error) });
    }
  }

  async function confirmRemove() {
    if (!removing) return;
    try {
      await remove.mutateAsync(removing.id);
      toast({ tone: "success", title: `${removing.user.name} was removed` });
      setRemoving(null);
    } catch (error) {
      toast({ tone: "danger", title: "Member not removed", description: errorMessage(error) });
    }
  }

  // Admins can't change or remove owners; nobody changes or removes themselves here.
  const editable = (m: Member) => m.user.id !== session.user.id && assignable.includes(m.role);

  const columns: Column<Member>[] = [
    {
      key: "name",
      header: "Name",
      cell: (m) => (
        <span className="row">
          <span className="cell-strong">{m.user.name}</span>
          {m.user.id === session.user.id ? <Badge>You</Badge> : null}
        </span>
      ),
    },
    { key: "email", header: "Email", cell: (m) => <span className="muted">{m.user.email}</span> },
    {
      key: "role",
      header: "Role",
      width: "200px",
      cell: (m) =>
        editable(m) ? (
          <Select
            label={`Role for ${m.user.name}`}
            hideLabel
            value={m.role}
            disabled={updateRole.isPending && updateRole.variables?.id === m.id}
            onChange={(e) => void changeRole(m, e.target.value as Role)}
          >
            {assignable.map((r) => (
              <option key={r} value={r}>
                {ROLE_INFO[r].label}
              </option>
            ))}
          </Select>
        ) : (
          <RoleBadge role={m.role} />
        ),
    },
    {
      key: "joined",
      header: "Joined",
      cell: (m) => (
        <time dateTime={m.createdAt} title={absoluteTime(m.createdAt)}>
          {shortDate(m.createdAt)}
        </time>
      ),
    },
    {
      key: "actions",
      header: <span className="visually-hidden">Actions</span>,
      label: "",
      align: "end",
      cell: (m) =>
        editable(m) ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRemoving(m)}
            aria-label={`Remove ${m.user.name}`}
          >
            Remove
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      as="section"
      padded={false}
      title="Members"
      description="People in this organisation and their roles."
    >
      {members.isPending ? (
        <PageSpinner />
      ) : members.isError ? (
        <div className="card-inset">
          <Alert tone="danger">{errorMessage(members.error)}</Alert>
        </div>
      ) : members.rows.length === 0 ? (
        <EmptyState icon={<IconCollaborate size={24} />} title="No members" headingLevel={3} />
      ) : (
        <>
          <Table caption="Members" columns={columns} rows={members.rows} rowKey={(m) => m.id} />
          <LoadMore query={members} />
        </>
      )}
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.user.name ?? "member"}?`}
        description={`${removing?.user.email ?? ""} loses access to this organisation right away. You can invite them again later.`}
        footer={
          <>
            <Button variant="ghost" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => void confirmRemove()}>
              Remove member
            </Button>
          </>
        }
      />
    </Card>
  );
}
