import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../shared/roles";
import "./all";
import { can, declaredPermissions } from "./policy";

/**
 * The whole permission table, written out by hand: every declared (resource, action) must
 * appear here, and for each role the policy must answer exactly as written. Records are
 * given where a rule has a condition, to pin both sides of it.
 */
const O = "owner",
  A = "admin",
  N = "analyst",
  G = "agent",
  E = "employee";
const MEMBERS: Role[] = [O, A, N, G, E];
const EVERYONE: Role[] = [...ROLES];

interface Case {
  resource: string;
  action: string;
  record?: unknown;
  allowed: Role[];
}

const self = { userId: "u-self" };
const other = { userId: "u-other" };

const MATRIX: Case[] = [
  { resource: "Organisation", action: "read", allowed: EVERYONE },
  { resource: "Organisation", action: "update", allowed: [O, A] },
  { resource: "Membership", action: "read", allowed: MEMBERS },
  {
    resource: "Membership",
    action: "changeRole",
    record: { role: "analyst", newRole: "agent" },
    allowed: [O, A],
  },
  { resource: "Membership", action: "changeRole", record: { role: "owner", newRole: "admin" }, allowed: [O] },
  { resource: "Membership", action: "changeRole", record: { role: "agent", newRole: "owner" }, allowed: [O] },
  { resource: "Membership", action: "remove", record: { role: "employee" }, allowed: [O, A] },
  { resource: "Membership", action: "remove", record: { role: "owner" }, allowed: [O] },
  { resource: "Membership", action: "leave", record: self, allowed: EVERYONE },
  { resource: "Membership", action: "leave", record: other, allowed: [] },
  { resource: "Invitation", action: "create", record: { role: "analyst" }, allowed: [O, A] },
  { resource: "Invitation", action: "create", record: { role: "owner" }, allowed: [O] },
  { resource: "Invitation", action: "read", allowed: [O, A] },
  { resource: "Invitation", action: "revoke", allowed: [O, A] },
  { resource: "ApiToken", action: "create", allowed: MEMBERS },
  { resource: "ApiToken", action: "read", allowed: MEMBERS },
  { resource: "ApiToken", action: "readAll", allowed: [O, A] },
  { resource: "ApiToken", action: "revoke", record: self, allowed: MEMBERS },
  { resource: "ApiToken", action: "revoke", record: other, allowed: [O, A] },
  { resource: "AuditLog", action: "read", allowed: [O, A] },
  { resource: "Space", action: "read", record: { isMember: true }, allowed: EVERYONE },
  { resource: "Space", action: "read", record: { isMember: false }, allowed: MEMBERS },
  { resource: "Space", action: "create", allowed: [O, A] },
  { resource: "Space", action: "manageMembers", allowed: [O, A] },
  { resource: "Source", action: "read", allowed: MEMBERS },
  { resource: "Source", action: "create", allowed: [O, A, N] },
  { resource: "Source", action: "update", allowed: [O, A, N] },
  { resource: "Source", action: "delete", allowed: [O, A, N] },
  { resource: "Source", action: "run", allowed: [O, A, N] },
  { resource: "Import", action: "read", allowed: MEMBERS },
  { resource: "Import", action: "create", allowed: [O, A, N] },
  { resource: "Topic", action: "read", allowed: MEMBERS },
  { resource: "Topic", action: "create", allowed: [O, A, N] },
  { resource: "Topic", action: "update", allowed: [O, A, N] },
  { resource: "Topic", action: "delete", allowed: [O, A, N] },
  { resource: "Mention", action: "read", allowed: MEMBERS },
  { resource: "Mention", action: "tag", allowed: [O, A, N, G] },
  { resource: "Mention", action: "handoff", allowed: [O, A, N, G] },
  { resource: "Mention", action: "export", allowed: [O, A, N] },
  { resource: "Digest", action: "read", allowed: MEMBERS },
  { resource: "Digest", action: "manage", allowed: [O, A, N] },
  { resource: "Alert", action: "read", allowed: MEMBERS },
  { resource: "Alert", action: "acknowledge", allowed: [O, A, N] },
  { resource: "Alert", action: "readSettings", allowed: [O, A, N] },
  { resource: "Alert", action: "updateSettings", allowed: [O, A, N] },
];

describe("role × action matrix", () => {
  it("covers every declared permission", () => {
    const covered = new Set(MATRIX.map((c) => `${c.resource}.${c.action}`));
    const missing = declaredPermissions().filter((p) => !covered.has(`${p.resource}.${p.action}`));
    expect(missing).toEqual([]);
  });

  for (const row of MATRIX) {
    it(`${row.resource}.${row.action}${row.record ? ` ${JSON.stringify(row.record)}` : ""}`, () => {
      const actual = ROLES.filter((role) =>
        can({ userId: "u-self", organisationId: "org", role }, row.action, row.resource, row.record),
      );
      expect(actual).toEqual(ROLES.filter((r) => row.allowed.includes(r)));
    });
  }

  it("denies actions nobody declared", () => {
    for (const role of ROLES)
      expect(can({ userId: "u", organisationId: "o", role }, "delete", "Organisation")).toBe(false);
  });
});
