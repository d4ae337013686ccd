import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/modules/accounts/sessions";
import { backend } from "../helpers/database";
import { PASSWORD, uniqueEmail } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

describe(`accounts on ${backend}`, () => {
  let runtime: TestRuntime;
  const ownerEmail = "first.owner@example.test";

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { LOGIN_MAX_ATTEMPTS: 3 } });
  });
  afterAll(() => runtime?.close());

  it("lets the first user set up the instance, then closes sign-up", async () => {
    const anonymous = runtime.client();
    expect((await anonymous.get("/api/setup")).body).toEqual({ needsSetup: true, openSignup: false });

    const owner = runtime.client();
    const created = await owner.post("/api/auth/signup", {
      name: "First Owner",
      email: ownerEmail,
      password: PASSWORD,
      organisationName: "Acme Ltd",
    });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe("owner");
    expect(created.body.organisation.slug).toBe("acme-ltd");
    expect(owner.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));

    expect((await anonymous.get("/api/setup")).body.needsSetup).toBe(false);
    const second = await runtime.client().post("/api/auth/signup", {
      name: "Intruder",
      email: uniqueEmail("x"),
      password: PASSWORD,
      organisationName: "Other",
    });
    expect(second.status).toBe(403);
    expect(second.body.error.message).toMatch(/invitation/);
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    const user = await runtime.ctx.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", ownerEmail)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(user.password_hash).not.toContain(PASSWORD);
  });

  it("issues a new session at login and destroys the one the browser had (rotation)", async () => {
    const browser = runtime.client();
    await browser.login(ownerEmail, PASSWORD);
    const first = browser.cookie!;
    const firstCsrf = browser.csrfToken;
    await browser.login(ownerEmail, PASSWORD);
    expect(browser.cookie).not.toBe(first);
    expect(browser.csrfToken).not.toBe(firstCsrf);
    const stale = runtime.client();
    stale.cookie = first;
    expect((await stale.get("/api/session")).status).toBe(401);
    expect((await browser.get("/api/session")).status).toBe(200);
  });

  it("sets the session cookie HttpOnly and SameSite", async () => {
    const response = await runtime
      .client()
      .post("/api/auth/login", { email: ownerEmail, password: PASSWORD });
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("answers a wrong password with 401 and the same message as an unknown email", async () => {
    const wrong = await runtime
      .client()
      .post("/api/auth/login", { email: ownerEmail, password: "nope-nope-nope" });
    const unknown = await runtime
      .client()
      .post("/api/auth/login", { email: "nobody@example.test", password: "nope-nope-nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it("rate-limits failed logins per email with Retry-After, even for the right password", async () => {
    const email = "limited@example.test";
    const client = runtime.client();
    for (let i = 0; i < 3; i++) {
      expect((await client.post("/api/auth/login", { email, password: `wrong-${i}-password` })).status).toBe(
        401,
      );
    }
    const blocked = await client.post("/api/auth/login", { email, password: "whatever-it-is" });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const browser = runtime.client();
    await browser.login(ownerEmail, PASSWORD);
    const missing = await browser.post("/api/tokens", { name: "ci" }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe("csrf_failed");
    const forged = await browser.post(
      "/api/tokens",
      { name: "ci" },
      { csrf: false, headers: { "x-csrf-token": "forged" } },
    );
    expect(forged.status).toBe(403);
    const crossSite = await browser.post(
      "/api/tokens",
      { name: "ci" },
      { headers: { "sec-fetch-site": "cross-site" } },
    );
    expect(crossSite.status).toBe(403);
    const ok = await browser.post("/api/tokens", { name: "ci" });
    expect(ok.status).toBe(201);
  });

  it("authenticates API tokens without CSRF, and stops them when revoked", async () => {
    const browser = runtime.client();
    await browser.login(ownerEmail, PASSWORD);
    const created = await browser.post("/api/tokens", { name: "integration", expiresInDays: 30 });
    expect(created.body.secret).toMatch(/^chorus_/);
    const stored = await runtime.ctx.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", created.body.token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.secret);

    const api = runtime.client();
    api.bearer = created.body.secret;
    expect((await api.get("/api/organisation")).body.name).toBe("Acme Ltd");
    expect((await api.patch("/api/organisation", { name: "Acme Limited" })).status).toBe(200);
    // A token cannot mint tokens that would outlive its own revocation.
    expect((await api.post("/api/tokens", { name: "child" })).status).toBe(403);

    expect((await browser.delete(`/api/tokens/${created.body.token.id}`)).status).toBe(204);
    const after = await api.get("/api/organisation");
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
  });

  it("resets a password by mailed link, once, and ends every session", async () => {
    const browser = runtime.client();
    await browser.login(ownerEmail, PASSWORD);
    const api = runtime.client();
    api.bearer = (await browser.post("/api/tokens", { name: "before reset" })).body.secret;
    expect((await api.get("/api/organisation")).status).toBe(200);
    const before = runtime.mailer.sent.length;
    expect((await runtime.client().post("/api/auth/password-reset", { email: ownerEmail })).status).toBe(202);
    expect(
      (await runtime.client().post("/api/auth/password-reset", { email: "ghost@example.test" })).status,
    ).toBe(202);
    expect(runtime.mailer.sent.length).toBe(before + 1);
    const token = runtime.mailer.sent.at(-1)!.text.match(/reset-password\/([\w-]+)/)![1]!;

    const newPassword = "a-brand-new-password";
    expect(
      (await runtime.client().post("/api/auth/password-reset/confirm", { token, password: newPassword }))
        .status,
    ).toBe(204);
    const reused = await runtime
      .client()
      .post("/api/auth/password-reset/confirm", { token, password: newPassword });
    expect(reused.status).toBe(400);
    expect((await browser.get("/api/session")).status).toBe(401);
    expect((await api.get("/api/organisation")).status).toBe(401);
    await runtime.client().login(ownerEmail, newPassword);
    const old = await runtime.client().post("/api/auth/login", { email: ownerEmail, password: PASSWORD });
    expect(old.status).toBe(401);
  });

  it("logs out", async () => {
    const browser = runtime.client();
    await browser.login(ownerEmail, "a-brand-new-password");
    const session = browser.cookie;
    expect((await browser.post("/api/auth/logout")).status).toBe(204);
    const replay = runtime.client();
    replay.cookie = session;
    expect((await replay.get("/api/session")).status).toBe(401);
  });
});
