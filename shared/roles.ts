/**
 * Roles are shared by the server (policies) and the web app (role pickers, navigation).
 * Members work for the organisation; outside members (customers, suppliers, partners,
 * specialists) only ever see the collaboration spaces they are invited to.
 */
export const MEMBER_ROLES = ["owner", "admin", "analyst", "agent", "employee"] as const;
export const OUTSIDE_ROLES = ["customer", "supplier", "partner", "specialist"] as const;
export const ROLES = [...MEMBER_ROLES, ...OUTSIDE_ROLES] as const;

export type MemberRole = (typeof MEMBER_ROLES)[number];
export type OutsideRole = (typeof OUTSIDE_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_INFO: Record<Role, { label: string; description: string }> = {
  owner: {
    label: "Owner",
    description: "Everything, including billing, deleting the organisation and other owners.",
  },
  admin: { label: "Admin", description: "Manages members, invitations, settings and every module." },
  analyst: { label: "Analyst", description: "Builds topics, dashboards and reports in Listen and Lead." },
  agent: { label: "Agent", description: "Answers customers in the Care inbox." },
  employee: {
    label: "Employee",
    description: "Advocate: shares approved content and joins internal spaces.",
  },
  customer: { label: "Customer", description: "Outside member: sees only the spaces they are invited to." },
  supplier: { label: "Supplier", description: "Outside member: sees only the spaces they are invited to." },
  partner: { label: "Partner", description: "Outside member: sees only the spaces they are invited to." },
  specialist: {
    label: "Specialist",
    description: "Outside expert for Innovate challenges and invited spaces.",
  },
};

export function isOutsideRole(role: Role): role is OutsideRole {
  return (OUTSIDE_ROLES as readonly string[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
