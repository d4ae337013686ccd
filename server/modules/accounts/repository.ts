import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema";

type Q = Kysely<DB> | Transaction<DB>;

export const usersRepo = {
  findByEmail(db: Q, email: string) {
    return db
      .selectFrom("users")
      .selectAll()
      .where(sql`lower(email)`, "=", email.trim().toLowerCase())
      .executeTakeFirst();
  },
  insert(db: Q, user: { email: string; name: string; passwordHash: string | null }) {
    return db
      .insertInto("users")
      .values({ email: user.email.trim(), name: user.name.trim(), password_hash: user.passwordHash })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async any(db: Q) {
    const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
    return row !== undefined;
  },
};

export const loginAttemptsRepo = {
  record(db: Q, attempt: { email: string; ip: string; succeeded: boolean }) {
    return db.insertInto("login_attempts").values(attempt).execute();
  },

  /**
   * Failures for this key inside the window and since its last success, with the oldest
   * counted failure (which decides when the lock lifts).
   */
  async recentFailures(db: Q, key: "email" | "ip", value: string, windowMinutes: number) {
    const windowStart = new Date(Date.now() - windowMinutes * 60_000);
    const success = await db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.max("created_at").as("t"))
      .where(key, "=", value)
      .where("succeeded", "=", true)
      .executeTakeFirst();
    const lastSuccess = success?.t ? new Date(success.t as Date) : null;
    const since = lastSuccess && lastSuccess > windowStart ? lastSuccess : windowStart;
    const row = await db
      .selectFrom("login_attempts")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("oldest")])
      .where(key, "=", value)
      .where("succeeded", "=", false)
      .where("created_at", ">", since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest as Date) : null };
  },

  prune(db: Q, olderThanMinutes: number) {
    return db
      .deleteFrom("login_attempts")
      .where("created_at", "<", new Date(Date.now() - olderThanMinutes * 60_000))
      .execute();
  },
};
