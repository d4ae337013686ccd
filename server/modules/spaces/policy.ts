import { isOutsideRole } from "../../../shared/roles";
import { allow } from "../../policies/policy";

// Employees see every space of their organisation; outside members only those they joined.
allow<{ isMember: boolean }>(
  "all",
  ["read"],
  "Space",
  (actor, space) => !isOutsideRole(actor.role) || space.isMember,
);
allow(["owner", "admin"], ["create", "manageMembers"], "Space");
