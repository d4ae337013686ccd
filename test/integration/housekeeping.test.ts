import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { housekeepingTasks } from "../../server/housekeeping";
import { backend } from "../helpers/database";
import { createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

describe(`housekeeping on ${backend}`, () => {
  let runtime: TestRuntime;

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true } });
  });
  afterAll(() => runtime?.close());

  it("removes expired sessions, old login attempts and fails imports that stopped moving", async () => {
    const org = await createOrganisationWithOwner(runtime, "Tidy Org");
    const db = runtime.ctx.db;
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", org.email)
      .executeTakeFirstOrThrow();
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db
      .insertInto("sessions")
      .values({
        token_hash: "expired",
        user_id: user.id,
        organisation_id: null,
        csrf_token: "x",
        ip: null,
        user_agent: null,
        expires_at: hourAgo,
      })
      .execute();
    await db
      .insertInto("login_attempts")
      .values({
        email: "old@example.test",
        ip: "1.2.3.4",
        succeeded: false,
        created_at: new Date(Date.now() - 3 * 86_400_000),
      })
      .execute();
    await db
      .insertInto("login_attempts")
      .values({ email: "new@example.test", ip: "1.2.3.4", succeeded: false })
      .execute();
    const stale = await db
      .insertInto("imports")
      .values({
        organisation_id: org.organisationId,
        file_name: "cut.csv",
        format: "csv",
        errors: "[]",
        updated_at: hourAgo,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    for (const [, task] of housekeepingTasks(runtime.ctx)) await task();

    expect(
      await db.selectFrom("sessions").select("id").where("token_hash", "=", "expired").executeTakeFirst(),
    ).toBeUndefined();
    expect((await org.owner.get("/api/session")).status).toBe(200);
    const attempts = await db.selectFrom("login_attempts").select("email").execute();
    expect(attempts.map((a) => a.email)).toEqual(["new@example.test"]);
    expect(
      (await db.selectFrom("imports").select("status").where("id", "=", stale.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("failed");
  });
});
