import { MEMBER_ROLES, ROLES, type Role } from "../../shared/roles";
import { forbidden } from "../http/errors";

/**
 * Permissions, declared once per resource in `server/modules/<m>/policy.ts` with `allow(...)`,
 * in the manner of Outline's policies. Tenant scoping is not a policy: repositories filter by
 * organisation, so another organisation's record is never loaded and answers 404.
 */
export interface PolicyActor {
  userId: string;
  organisationId: string;
  role: Role;
}

type Condition<R> = (actor: PolicyActor, record: R) => boolean;

interface Rule {
  roles: readonly Role[];
  condition?: Condition<never>;
}

const rules = new Map<string, Map<string, Rule[]>>();

export function allow<R = unknown>(
  roles: readonly Role[] | "all" | "members",
  actions: readonly string[],
  resource: string,
  condition?: Condition<R>,
): void {
  const list = roles === "all" ? ROLES : roles === "members" ? MEMBER_ROLES : roles;
  const byAction = rules.get(resource) ?? new Map<string, Rule[]>();
  rules.set(resource, byAction);
  for (const action of actions) {
    const existing = byAction.get(action) ?? [];
    existing.push({ roles: list, condition: condition as Condition<never> | undefined });
    byAction.set(action, existing);
  }
}

/**
 * True when some rule grants the action. A rule with a condition needs the record: without
 * one, `can` answers whether the role could ever do it (used to show or hide UI).
 */
export function can<R>(actor: PolicyActor, action: string, resource: string, record?: R): boolean {
  const list = rules.get(resource)?.get(action) ?? [];
  return list.some((rule) => {
    if (!rule.roles.includes(actor.role)) return false;
    if (!rule.condition || record === undefined) return true;
    return (rule.condition as Condition<R>)(actor, record);
  });
}

export function authorize<R>(actor: PolicyActor, action: string, resource: string, record?: R): void {
  if (!can(actor, action, resource, record))
    throw forbidden(`Your role (${actor.role}) cannot ${action} ${resource}`);
}

/** Every declared resource and action: the role × action matrix test walks this. */
export function declaredPermissions(): { resource: string; action: string }[] {
  return [...rules.entries()].flatMap(([resource, actions]) =>
    [...actions.keys()].map((action) => ({ resource, action })),
  );
}
