import type { Role } from "../../../shared/roles";
import { allow } from "../../policies/policy";

// Outside members need the organisation's name for the app shell, nothing more.
allow("all", ["read"], "Organisation");
allow(["owner", "admin"], ["update"], "Organisation");

allow("members", ["read"], "Membership");
// Only owners touch owners: an admin can neither demote, remove nor create one.
allow<{ role: Role; newRole?: Role }>(["owner"], ["changeRole", "remove"], "Membership");
allow<{ role: Role; newRole?: Role }>(
  ["admin"],
  ["changeRole", "remove"],
  "Membership",
  (_actor, member) => member.role !== "owner" && member.newRole !== "owner",
);
// Anyone may leave an organisation.
allow<{ userId: string }>("all", ["leave"], "Membership", (actor, member) => member.userId === actor.userId);

allow(["owner"], ["create", "read", "revoke"], "Invitation");
allow<{ role: Role }>(
  ["admin"],
  ["create"],
  "Invitation",
  (_actor, invitation) => invitation.role !== "owner",
);
allow(["admin"], ["read", "revoke"], "Invitation");
