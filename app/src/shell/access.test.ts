import { describe, expect, it } from "vitest";
import { ROLES } from "../../../shared/roles";
import { assignableRoles, canManageListening, homePath, visibleModules, visibleSettings } from "./access";

describe("navigation access", () => {
  it("shows outside members only Collaborate and no settings", () => {
    for (const role of ["customer", "supplier", "partner", "specialist"] as const) {
      expect(visibleModules(role)).toEqual(["collaborate"]);
      expect(visibleSettings(role)).toEqual([]);
      expect(homePath(role)).toBe("/collaborate");
    }
  });

  it("shows members every module", () => {
    expect(visibleModules("employee")).toHaveLength(7);
    expect(homePath("analyst")).toBe("/listen");
  });

  it("limits members, invitations and audit to owners and admins", () => {
    expect(visibleSettings("owner")).toEqual(["organisation", "members", "invitations", "tokens", "audit"]);
    expect(visibleSettings("admin")).toEqual(["organisation", "members", "invitations", "tokens", "audit"]);
    expect(visibleSettings("agent")).toEqual(["organisation", "tokens"]);
  });

  it("lets owners, admins and analysts manage listening sources and imports", () => {
    expect(ROLES.filter(canManageListening)).toEqual(["owner", "admin", "analyst"]);
  });

  it("lets only owners hand out the owner role", () => {
    expect(assignableRoles("owner", ROLES)).toContain("owner");
    expect(assignableRoles("admin", ROLES)).not.toContain("owner");
    expect(assignableRoles("analyst", ROLES)).toEqual([]);
  });
});
