import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseTarget } from "../../server/db/database";

/**
 * The integration suite runs once per backend (scripts/test.mjs sets CHORUS_TEST_BACKEND).
 * On PostgreSQL each test file gets its own throw-away database, so files never see each
 * other's rows and a crashed run leaves nothing behind that the next run trips on.
 */
export const backend = process.env.CHORUS_TEST_BACKEND === "postgres" ? "postgres" : "pglite";

export async function createTestDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (backend === "pglite") return { target: { kind: "pglite" }, drop: async () => {} };
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("CHORUS_TEST_BACKEND=postgres needs DATABASE_URL");
  const name = `chorus_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
