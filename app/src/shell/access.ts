import { isOutsideRole, type Role } from "../../../shared/roles";

/**
 * What each role may see in navigation. The server enforces the same rules on the API;
 * hiding things here is about not showing people doors they can't open.
 */
export type ModuleId = "listen" | "care" | "innovate" | "advocate" | "govern" | "collaborate" | "lead";
export type SettingsSection = "organisation" | "members" | "invitations" | "tokens" | "audit";

export const MODULE_ORDER: ModuleId[] = [
  "listen",
  "care",
  "innovate",
  "advocate",
  "govern",
  "collaborate",
  "lead",
];

export function visibleModules(role: Role | null): ModuleId[] {
  if (!role) return [];
  // Outside members only ever see the spaces they are invited to.
  if (isOutsideRole(role)) return ["collaborate"];
  return MODULE_ORDER;
}

export function canManageOrganisation(role: Role | null): boolean {
  return role === "owner" || role === "admin";
}

/** Who may connect, change, run and delete listening sources and import files (server: policy.ts). */
export function canManageListening(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "analyst";
}

export function visibleSettings(role: Role | null): SettingsSection[] {
  if (!role || isOutsideRole(role)) return [];
  const sections: SettingsSection[] = ["organisation"];
  if (canManageOrganisation(role)) sections.push("members", "invitations");
  sections.push("tokens");
  if (canManageOrganisation(role)) sections.push("audit");
  return sections;
}

/** Roles a member may assign: only owners can make (or unmake) other owners. */
export function assignableRoles(actor: Role | null, all: readonly Role[]): Role[] {
  if (actor === "owner") return [...all];
  if (actor === "admin") return all.filter((r) => r !== "owner");
  return [];
}

export function homePath(role: Role | null): string {
  const first = visibleModules(role)[0];
  return first ? `/${first}` : "/settings/tokens";
}

/** Who may tag mentions and hand them to Care or Innovate (server: mentions/policy.ts). */
export function canTriageMentions(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "analyst" || role === "agent";
}

/** Who may export mentions as CSV (server: mentions/policy.ts). */
export function canExportMentions(role: Role | null): boolean {
  return role === "owner" || role === "admin" || role === "analyst";
}
