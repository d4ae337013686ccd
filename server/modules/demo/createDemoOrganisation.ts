import { randomBytes } from "node:crypto";
import { MEMBER_ROLES, OUTSIDE_ROLES, type Role } from "../../../shared/roles";
import type { AppContext } from "../../context";
import { recordEvent } from "../../events/record";
import { hashPassword } from "../accounts/passwords";
import { usersRepo } from "../accounts/repository";
import { organisationsRepo } from "../organisations/repository";

export const DEMO_ORGANISATION = { name: "Halcyon Outdoor", slug: "halcyon-outdoor" } as const;

const PEOPLE: Record<Role, string> = {
  owner: "Olivia Owner",
  admin: "Adam Admin",
  analyst: "Ana Analyst",
  agent: "Aiden Agent",
  employee: "Emma Employee",
  customer: "Carlos Customer",
  supplier: "Sofia Supplier",
  partner: "Priya Partner",
  specialist: "Sam Specialist",
};

export interface DemoCredentials {
  organisation: { id: string; name: string };
  ownerId: string;
  password: string;
  users: { role: Role; email: string; name: string }[];
}

export const demoEmail = (role: Role) => `${role}@halcyon.example`;

/**
 * Creates the demo organisation with one user per role, or refreshes it: running it again
 * sets every demo user's password to the one printed, so the credentials shown always work.
 */
export async function createDemoOrganisation(
  ctx: Pick<AppContext, "db">,
  password?: string,
): Promise<DemoCredentials> {
  const secret = password ?? `demo-${randomBytes(6).toString("base64url")}`;
  const passwordHash = await hashPassword(secret);
  return ctx.db.transaction().execute(async (trx) => {
    let organisation = await trx
      .selectFrom("organisations")
      .selectAll()
      .where("slug", "=", DEMO_ORGANISATION.slug)
      .executeTakeFirst();
    const created = !organisation;
    organisation ??= await organisationsRepo.insert(trx, DEMO_ORGANISATION.name);
    const users: DemoCredentials["users"] = [];
    let ownerId = "";
    for (const role of [...MEMBER_ROLES, ...OUTSIDE_ROLES]) {
      const email = demoEmail(role);
      let user = await usersRepo.findByEmail(trx, email);
      if (user) {
        await trx
          .updateTable("users")
          .set({ password_hash: passwordHash })
          .where("id", "=", user.id)
          .execute();
      } else {
        user = await usersRepo.insert(trx, { email, name: PEOPLE[role], passwordHash });
      }
      if (!(await organisationsRepo.findMembership(trx, organisation.id, user.id))) {
        await organisationsRepo.insertMembership(trx, organisation.id, user.id, role);
      }
      users.push({ role, email, name: user.name });
      if (role === "owner") ownerId = user.id;
    }
    if (created) {
      await recordEvent(
        trx,
        { userId: null, organisationId: organisation.id },
        {
          name: "organisation.created",
          subjectType: "organisation",
          subjectId: organisation.id,
          data: { name: organisation.name, demo: true },
        },
      );
    }
    return {
      organisation: { id: organisation.id, name: organisation.name },
      ownerId,
      password: secret,
      users,
    };
  });
}

export function formatDemoCredentials(demo: DemoCredentials, url: string): string {
  const width = Math.max(...demo.users.map((u) => u.email.length));
  const lines = demo.users.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`);
  return [
    "",
    `Demo organisation "${demo.organisation.name}" is ready at ${url}`,
    `Every demo user's password: ${demo.password}`,
    ...lines,
    "",
  ].join("\n");
}
