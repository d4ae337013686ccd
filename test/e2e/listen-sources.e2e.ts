import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2EServer, launchBrowser, logIn, screenshot, startServer } from "./harness";

/**
 * The scenario: ingestion from real channels works from the web app. The demo analyst
 * connects a webhook (its secret is shown once), imports a CSV with one bad line (reported by
 * line number), and connects the demo market, whose posts-ingested count rises without a reload.
 */
describe("analyst connects sources and imports a file under Listen", () => {
  let server: E2EServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chorus-e2e-import-"));
    [server, browser] = await Promise.all([startServer(3202), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("connects a webhook, imports a CSV and watches a demo source count up live", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await logIn(page, server.url, "analyst@halcyon.example");
    await page.goto(`${server.url}/listen/sources`);
    await expect.poll(() => page.getByRole("heading", { name: "Sources" }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("text=Live").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Mark the document: if the page reloads, the mark disappears.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const dialog = page.getByRole("dialog");

    // 1. A webhook source: URL and signing secret are shown once.
    await page.getByRole("button", { name: "Connect a source" }).first().click();
    await dialog.getByRole("button", { name: /^Webhook/ }).click();
    await dialog.getByLabel("Name").fill("E2E webhook");
    await dialog.getByRole("button", { name: "Connect source" }).click();
    await expect.poll(() => page.getByText("Your webhook is ready").count()).toBe(1);
    const secret = await dialog.getByLabel("Signing secret").inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await dialog.getByLabel(/Webhook URL/).inputValue()).toMatch(/\/api\/hooks\/[0-9a-f-]{36}$/);
    expect(await dialog.getByText("X-Hub-Signature-256").count()).toBeGreaterThan(0);
    await screenshot(page, "listen-webhook-secret");
    await dialog.getByRole("button", { name: "I've stored the secret" }).click();
    await expect.poll(() => page.getByText("Your webhook is ready").count()).toBe(0);
    await expect.poll(() => page.getByRole("row").filter({ hasText: "E2E webhook" }).count()).toBe(1);
    expect(await page.content()).not.toContain(secret);

    // 2. A CSV with one unparseable date on line 3 (the header is line 1).
    const csv = join(dir, "mentions.csv");
    writeFileSync(
      csv,
      [
        "id,text,author,date",
        "1,Loving my new Halcyon tent,trailfox,2026-01-02T09:00:00Z",
        "2,The Halcyon stove broke on day two,campcook,not a date at all",
        "3,Halcyon vs Northpeak jackets,gearnerd,2026-01-03T10:30:00Z",
        "",
      ].join("\n"),
    );
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByLabel("Choose a file to import").setInputFiles(csv);
    await expect.poll(() => page.getByText("Match columns to post fields").count()).toBe(1);
    expect(await page.getByLabel("Post text").inputValue()).toBe("text");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.getByText("1 failed").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText("2 rows").count()).toBeGreaterThan(0);
    const badLine = page.getByRole("table", { name: "Bad lines in mentions.csv" }).first();
    expect(await badLine.getByText("Line 3").count()).toBe(1);
    expect(await badLine.getByText(/unrecognised date/).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "mentions.csv" }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, "listen-import-result");

    // 3. A demo market source; its count rises through live events, not a reload.
    await page.getByRole("link", { name: "Sources" }).click();
    await page.getByRole("button", { name: "Connect a source" }).first().click();
    await dialog.getByRole("button", { name: /^Demo market/ }).click();
    await dialog.getByLabel("Name").fill("E2E demo");
    await dialog.getByLabel(/^Posts per minute/).fill("120");
    await dialog.getByLabel(/^Speedup/).fill("60");
    // The default limit (600 a minute) would let the count rise once a minute only.
    await dialog.getByLabel(/^Rate limit/).fill("100000");
    await dialog.getByRole("button", { name: "Connect source" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    const counter = page.getByRole("row").filter({ hasText: "E2E demo" }).getByTestId("posts-ingested");
    await expect.poll(() => counter.count(), { timeout: 10_000 }).toBe(1);
    const read = async () => Number(((await counter.textContent()) ?? "0").replace(/\D/g, ""));
    const first = await read();
    await expect.poll(read, { timeout: 30_000 }).toBeGreaterThan(first);
    const second = await read();
    await expect.poll(read, { timeout: 30_000 }).toBeGreaterThan(second);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await screenshot(page, "listen-sources-live");
  });
});
