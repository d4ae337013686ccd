import type { Kysely, Transaction } from "kysely";
import type { Role } from "../../../shared/roles";
import type { DB } from "../../db/schema";
import { slugify } from "../../lib/slug";

type Q = Kysely<DB> | Transaction<DB>;

/** Queries on organisations, memberships and invitations. Every read takes the organisation id. */
export const organisationsRepo = {
  findById(db: Q, id: string) {
    return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async insert(db: Q, name: string) {
    const base = slugify(name);
    const taken = await db
      .selectFrom("organisations")
      .select("slug")
      .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
      .execute();
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    return db.insertInto("organisations").values({ name, slug }).returningAll().executeTakeFirstOrThrow();
  },

  findMembership(db: Q, organisationId: string, userId: string) {
    return db
      .selectFrom("memberships")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
  },

  findMembershipById(db: Q, organisationId: string, id: string) {
    return db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select([
        "memberships.id",
        "memberships.role",
        "memberships.created_at",
        "memberships.user_id",
        "users.email",
        "users.name",
      ])
      .where("memberships.organisation_id", "=", organisationId)
      .where("memberships.id", "=", id)
      .executeTakeFirst();
  },

  insertMembership(db: Q, organisationId: string, userId: string, role: Role) {
    return db
      .insertInto("memberships")
      .values({ organisation_id: organisationId, user_id: userId, role })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  countOwners(db: Q, organisationId: string) {
    return db
      .selectFrom("memberships")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", organisationId)
      .where("role", "=", "owner")
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  /** The organisations a user belongs to, oldest membership first (the default on login). */
  listForUser(db: Q, userId: string) {
    return db
      .selectFrom("memberships")
      .innerJoin("organisations", "organisations.id", "memberships.organisation_id")
      .select(["organisations.id", "organisations.name", "organisations.slug", "memberships.role"])
      .where("memberships.user_id", "=", userId)
      .orderBy("memberships.created_at")
      .orderBy("organisations.id")
      .execute();
  },
};
