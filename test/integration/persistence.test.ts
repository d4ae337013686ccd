import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../../server/config/env";
import { startRuntime } from "../../server/runtime";
import { TestClient } from "../helpers/client";
import { PASSWORD } from "../helpers/fixtures";

describe("embedded PGlite in a folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "chorus-persist-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const boot = () =>
    startRuntime({
      config: testConfig({ CHORUS_DATA_DIR: dir }),
      logger: pino({ level: "silent" }),
      web: true,
      workers: true,
      listen: false,
    });

  it("keeps accounts and organisations across a restart", async () => {
    const first = await boot();
    const client = new TestClient(first.http!.app);
    const created = await client.post("/api/auth/signup", {
      name: "Persistent",
      email: "keep@example.test",
      password: PASSWORD,
      organisationName: "Kept Org",
    });
    expect(created.status).toBe(201);
    await first.close();

    const second = await boot();
    expect(second.ctx.backend).toBe("pglite");
    const again = new TestClient(second.http!.app);
    const session = await again.login("keep@example.test", PASSWORD);
    expect(session.organisation.name).toBe("Kept Org");
    await second.close();
  });
});
