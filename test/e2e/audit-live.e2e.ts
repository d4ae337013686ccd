import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2EServer, launchBrowser, logIn, screenshot, startServer } from "./harness";

/**
 * The scenario: the demo admin invites a member while the audit log is open in another
 * window; the entry appears there without a reload. Then the invitee accepts and lands in Chorus.
 */
describe("admin invites a member and watches the audit log live", () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3201), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens the web app at its root and sends a visitor to the login page", async () => {
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    await page.waitForURL((u) => u.pathname === "/login");
    expect(await page.getByRole("button", { name: "Log in" }).count()).toBe(1);
  });

  it("shows the invitation in the audit log without a reload", async () => {
    const watcher = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await logIn(watcher, server.url, "admin@halcyon.example");
    await watcher.goto(`${server.url}/settings/audit`);
    await expect.poll(() => watcher.getByRole("heading", { name: "Audit log" }).count()).toBeGreaterThan(0);
    // Mark the document: if the page reloads, the mark disappears.
    await watcher.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    await expect.poll(() => watcher.locator("text=Live").count(), { timeout: 10_000 }).toBeGreaterThan(0);

    const actor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await logIn(actor, server.url, "admin@halcyon.example");
    await actor.goto(`${server.url}/settings/invitations`);
    await actor.getByLabel("Email").fill("new.hire@halcyon.example");
    await actor.getByLabel("Role").selectOption("analyst");
    await actor.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => actor.getByText("Invitation created for new.hire@halcyon.example").count())
      .toBe(1);
    await screenshot(actor, "invitations-created");
    const inviteUrl = await actor.getByLabel("Invitation link").inputValue();
    expect(inviteUrl).toMatch(/\/invite\//);

    await expect
      .poll(() => watcher.getByText("invitation.created").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await watcher.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(
      true,
    );
    await screenshot(watcher, "audit-live");

    // The invitee follows the link, picks a name and password, and arrives in the app.
    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, server.url));
    await expect.poll(() => invitee.getByText("Halcyon Outdoor").count()).toBeGreaterThan(0);
    await invitee.getByLabel("Your name").fill("New Hire");
    await invitee.getByLabel("Choose a password").fill("new-hire-password");
    await invitee.getByRole("button", { name: /accept|join/i }).click();
    await invitee.waitForURL((u) => !u.pathname.startsWith("/invite"));
    await expect.poll(() => invitee.getByRole("navigation").getByText("Listen").count()).toBeGreaterThan(0);
    await screenshot(invitee, "invitee-home");

    await expect
      .poll(() => watcher.getByText("member.joined").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });
});
