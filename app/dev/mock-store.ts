/** State, seed data and helpers for the dev-only mock API (see mock-api.ts). */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

export type Role =
  | "owner"
  | "admin"
  | "analyst"
  | "agent"
  | "employee"
  | "customer"
  | "supplier"
  | "partner"
  | "specialist";
export interface User {
  id: string;
  email: string;
  name: string;
  password: string;
}
export interface Org {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}
export interface Membership {
  id: string;
  userId: string;
  orgId: string;
  role: Role;
  createdAt: string;
}
export interface Invitation {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  status: string;
  createdAt: string;
  expiresAt: string;
  invitedBy: string | null;
  token: string;
}
export interface Token {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
export interface AuditRow {
  id: string;
  orgId: string;
  name: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  data: object;
  ip: string | null;
  createdAt: string;
}
export interface Sess {
  userId: string;
  orgId: string | null;
  csrf: string;
}

export const users: User[] = [];
export const orgs: Org[] = [];
export const memberships: Membership[] = [];
export const invitations: Invitation[] = [];
export const tokens: Token[] = [];
export const audit: AuditRow[] = [];
export const sessions = new Map<string, Sess>();
export const streams = new Set<{ res: ServerResponse; orgId: string | null }>();
export const failures = new Map<string, number>();

export const now = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "org";

export function record(
  orgId: string,
  name: string,
  actorId: string | null,
  subjectType: string,
  subjectId: string,
  data: object = {},
  at = now(),
) {
  audit.unshift({
    id: randomUUID(),
    orgId,
    name,
    actorId,
    subjectType,
    subjectId,
    data,
    ip: "127.0.0.1",
    createdAt: at,
  });
}

export function broadcast(orgId: string, keys: string[][], event: string) {
  for (const s of streams)
    if (s.orgId === orgId)
      s.res.write(`event: invalidate\ndata: ${JSON.stringify({ keys: [...keys, ["audit"]], event })}\n\n`);
}

export function addUser(name: string, email: string, password: string) {
  const u = { id: randomUUID(), name, email, password };
  users.push(u);
  return u;
}
export function addOrg(name: string, ownerId: string, at = now()) {
  const o = { id: randomUUID(), name, slug: slug(name), createdAt: at };
  orgs.push(o);
  memberships.push({ id: randomUUID(), userId: ownerId, orgId: o.id, role: "owner", createdAt: at });
  record(o.id, "organisation.created", ownerId, "organisation", o.id, { name }, at);
  return o;
}

if (process.env.CHORUS_MOCK_SEED !== "empty") {
  const day = 24 * 3600 * 1000;
  const owner = addUser("Ada Owner", "owner@example.com", "chorus-demo-pass");
  const org = addOrg("Acme Outdoor", owner.id, now(-30 * day));
  const people: Array<[string, string, Role]> = [
    ["Grace Admin", "admin@example.com", "admin"],
    ["Alan Analyst", "analyst@example.com", "analyst"],
    ["Katherine Agent", "agent@example.com", "agent"],
    ["Cara Customer", "customer@example.com", "customer"],
  ];
  people.forEach(([name, email, role], i) => {
    const u = addUser(name, email, "chorus-demo-pass");
    const at = now(-(20 - i * 3) * day);
    memberships.push({ id: randomUUID(), userId: u.id, orgId: org.id, role, createdAt: at });
    record(org.id, "member.joined", u.id, "user", u.id, { role }, at);
  });
  const second = addOrg("Acme Labs", owner.id, now(-3 * day));
  void second;
  invitations.push({
    id: randomUUID(),
    orgId: org.id,
    email: "sam@partner.example",
    role: "partner",
    status: "pending",
    createdAt: now(-2 * day),
    expiresAt: now(5 * day),
    invitedBy: owner.id,
    token: "demo-invite",
  });
  record(
    org.id,
    "invitation.created",
    owner.id,
    "invitation",
    invitations[0]!.id,
    { email: "sam@partner.example", role: "partner" },
    now(-2 * day),
  );
  tokens.push({
    id: randomUUID(),
    orgId: org.id,
    userId: owner.id,
    name: "Reporting script",
    prefix: "chr_7f3a",
    createdAt: now(-9 * day),
    lastUsedAt: now(-3600_000),
    expiresAt: now(81 * day),
  });
  record(
    org.id,
    "token.created",
    owner.id,
    "token",
    tokens[0]!.id,
    { name: "Reporting script" },
    now(-9 * day),
  );
  audit.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
