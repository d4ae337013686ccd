import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCrisisSchedule } from "../../server/modules/ingestion/connectors/demo";
import { type E2EServer, launchBrowser, logIn, screenshot, startServer } from "./harness";

const HOUR = 3_600_000;
const SEED = 7;
const PRODUCT_TOPIC: Record<string, string> = { ember: "Ember stove", "trailblazer-2": "Trailblazer tent" };

/** A JSON API call from the page, with the session's CSRF token (as the app itself sends it). */
async function apiCall(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch("/api/session")).json();
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/**
 * The "done when": the demo analyst creates a topic for the demo company, sees its
 * mentions and charts, filters to negative sentiment, drills into a mention, and sees a spike
 * alert appear (without a reload) when the demo market's crisis starts. The crisis comes from a
 * rehearsal demo source that replays a day and a half of market time before a seeded crisis at
 * an hour of market time per second.
 */
describe("analyst works the Listen workspace", () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3204), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("creates a topic, reads its dashboard, filters, drills down and sees the crisis alert", {
    timeout: 240_000,
  }, async () => {
    const page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await logIn(page, server.url, "analyst@halcyon.example");
    const filter = (name: string) =>
      page.getByRole("group", { name: "Filters" }).getByLabel(name, { exact: true });
    const tab = (name: string) =>
      page.getByRole("navigation", { name: "Listen sections" }).getByRole("link", { name });

    // The live demo stream is paused; a rehearsal source runs up to and through a crisis.
    const sources = await apiCall(page, "GET", "/api/sources");
    for (const s of sources.body.data)
      await apiCall(page, "PATCH", `/api/sources/${s.id}`, { enabled: false });
    const from = new Date(Date.now() + 3 * 24 * HOUR);
    const crisis = demoCrisisSchedule({
      from,
      to: new Date(from.getTime() + 10 * 24 * HOUR),
      seed: SEED,
      everyDays: 2,
    }).find((c) => Date.parse(c.start) > from.getTime())!;
    const rehearsal = await apiCall(page, "POST", "/api/sources", {
      kind: "demo",
      name: "Crisis rehearsal",
      settings: {
        postsPerMinute: 1.5,
        seed: SEED,
        speedup: 3600,
        crisisEveryDays: 2,
        startAt: new Date(Date.parse(crisis.start) - 30 * HOUR).toISOString(),
      },
      rateLimitPerMinute: 100_000,
    });
    expect(rehearsal.status).toBe(201);
    // The topic preview samples stored mentions: wait until the rehearsal has written some.
    await expect
      .poll(async () => (await apiCall(page, "GET", "/api/mentions?limit=1&period=90d")).body.data.length, {
        timeout: 30_000,
      })
      .toBe(1);

    // 1. A topic for the demo company, checked and previewed as it is typed.
    await page.goto(`${server.url}/listen/topics`);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    await page.getByRole("button", { name: "New topic" }).click();
    await page.getByLabel("Name").fill("Halcyon stoves");
    await page.getByLabel("Kind").selectOption("product");
    const query = page.getByLabel("Query");
    await query.fill("ember AND (stove OR");
    await expect.poll(() => page.getByText(/Expected/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await query.fill('ember AND (stove OR kocher OR réchaud OR "halcyon ember")');
    await expect
      .poll(
        () => page.getByText(/This query would have matched [\d,]+ of the last [\d,]+ mentions/).count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await screenshot(page, "listen-topic-editor");
    await page.getByRole("button", { name: "Save topic" }).click();
    await expect.poll(() => page.getByText("Halcyon stoves").count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // 2. Its dashboard: charts drawn, figures counted.
    await tab("Dashboard").click();
    const topicFilter = filter("Topic");
    await expect.poll(() => topicFilter.locator("option", { hasText: "Halcyon stoves" }).count()).toBe(1);
    await topicFilter.selectOption({ label: "Halcyon stoves" });
    await filter("Period").selectOption("24h");
    const volume = page.getByRole("region", { name: "Volume over time" });
    await expect.poll(() => volume.locator("svg path").count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const kpi = (name: string) =>
      page
        .locator(".kpi", { has: page.locator("dt", { hasText: new RegExp(`^${name}$`) }) })
        .locator(".kpi-value");
    const mentionsKpi = kpi("Mentions");
    await expect
      .poll(async () => Number((await mentionsKpi.textContent())?.replace(/\D/g, "") || 0), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await page.waitForTimeout(1_500); // let the charts finish their transition before the picture
    await screenshot(page, "listen-dashboard");

    // 3. Negative sentiment only: every figure follows.
    await filter("Sentiment").selectOption("negative");
    const negativeKpi = kpi("Negative");
    await expect.poll(() => negativeKpi.textContent(), { timeout: 15_000 }).toBe("100 %");
    await page.waitForTimeout(1_500);
    await screenshot(page, "listen-dashboard-negative");

    // 4. Drill down to the mentions behind the figures, then into one mention.
    await page.getByRole("link", { name: "See these mentions" }).click();
    await page.waitForURL(
      (u) => u.pathname === "/listen/mentions" && u.searchParams.get("sentiments") === "negative",
    );
    const first = page.locator("article.mention").first();
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator("article.mention .badge", { hasText: "positive" }).count()).toBe(0);
    await first.getByRole("button", { name: /Details/ }).click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.locator("blockquote mark").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await dialog.getByText("negative").count()).toBeGreaterThan(0);
    expect(await dialog.getByRole("button", { name: "Open a case" }).count()).toBe(1);
    await screenshot(page, "listen-mention-detail");
    await dialog.getByRole("button", { name: "Open a case" }).click();
    await expect.poll(() => dialog.getByText("Sent to Care").count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press("Escape");

    // 5. The crisis: a volume spike alert on the product at its centre, live.
    await tab("Alerts").click();
    const product = PRODUCT_TOPIC[crisis.productId]!;
    const alert = page
      .locator("article, tr")
      .filter({ hasText: product })
      .filter({ hasText: /spike|usual|mentions/i });
    await expect.poll(() => alert.count(), { timeout: 150_000, interval: 1_000 }).toBeGreaterThan(0);
    await screenshot(page, "listen-alert");
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(errors).toEqual([]);
  });
});
