import { describe, expect, it } from "vitest";
import { createTestContext, take } from "../testing/context";
import type { NormalisedPost } from "../types";
import { demoCrisisSchedule } from "./crisis";
import { type DemoRaw, generateDemoPosts } from "./generate";
import { demoSettings } from "./settings";
import { createDemoStreamingConnector } from "./stream";

const week = { from: "2024-05-06T00:00:00Z", to: "2024-05-13T00:00:00Z" }; // Monday to Monday
const raw = (p: NormalisedPost) => p.raw as DemoRaw;
const share = <T>(items: T[], pred: (t: T) => boolean) => items.filter(pred).length / items.length;

describe("generateDemoPosts", () => {
  const posts = [...generateDemoPosts({ ...week, seed: 42, postsPerDay: 3_000, crisis: false })];

  it("is deterministic per seed and independent of the window", () => {
    const again = [
      ...generateDemoPosts({
        from: "2024-05-08T10:30:00Z",
        to: "2024-05-08T12:00:00Z",
        seed: 42,
        postsPerDay: 3_000,
        crisis: false,
      }),
    ];
    const slice = posts.filter(
      (p) => p.createdAt >= "2024-05-08T10:30:00.000Z" && p.createdAt < "2024-05-08T12:00:00.000Z",
    );
    expect(again).toEqual(slice);
    const other = [
      ...generateDemoPosts({
        from: "2024-05-08T10:00:00Z",
        to: "2024-05-08T11:00:00Z",
        seed: 43,
        postsPerDay: 3_000,
        crisis: false,
      }),
    ];
    expect(other.map((p) => p.text)).not.toEqual(slice.slice(0, other.length).map((p) => p.text));
  });

  it("produces about postsPerDay posts, oldest first, with unique ids and valid fields", () => {
    expect(posts.length / 7).toBeGreaterThan(2_700);
    expect(posts.length / 7).toBeLessThan(3_300);
    expect(new Set(posts.map((p) => p.externalId)).size).toBe(posts.length);
    for (let i = 1; i < posts.length; i++) expect(posts[i]!.createdAt >= posts[i - 1]!.createdAt).toBe(true);
    const p = posts[0]!;
    expect(new Date(p.createdAt).toISOString()).toBe(p.createdAt);
    expect(p.author?.followers).toBeGreaterThan(0);
    expect(p.text).not.toMatch(/\{\w+\}/);
    expect(posts.every((x) => x.text.length > 20 && !/\{|\}|undefined/.test(x.text))).toBe(true);
  });

  it("mixes languages, mostly English", () => {
    const en = share(posts, (p) => p.language === "en");
    expect(en).toBeGreaterThan(0.55);
    expect(en).toBeLessThan(0.65);
    for (const lang of ["de", "fr", "es", "it", "nl", "pt"])
      expect(share(posts, (p) => p.language === lang)).toBeGreaterThan(0.02);
  });

  it("mixes intents and brands, with hashtags, mentions, emoji and URLs", () => {
    for (const intent of ["complaint", "question", "praise", "suggestion", "purchase_intent"]) {
      expect(share(posts, (p) => raw(p).intent === intent)).toBeGreaterThan(0.08);
    }
    expect(share(posts, (p) => raw(p).brand === "Halcyon Outdoor")).toBeGreaterThan(0.6);
    for (const brand of ["Ridgeline", "Tundra Gear", "Summit & Co"])
      expect(posts.some((p) => raw(p).brand === brand)).toBe(true);
    expect(share(posts, (p) => /#\p{L}/u.test(p.text))).toBeGreaterThan(0.2);
    expect(share(posts, (p) => p.text.includes("@HalcyonOutdoor"))).toBeGreaterThan(0.03);
    expect(share(posts, (p) => /\p{Extended_Pictographic}/u.test(p.text))).toBeGreaterThan(0.25);
    expect(share(posts, (p) => p.text.includes("https://"))).toBeGreaterThan(0.03);
    expect(posts.some((p) => p.replyToExternalId)).toBe(true);
  });

  it("shows a daily rhythm and busier weekends", () => {
    const byHour = new Array(24).fill(0);
    for (const p of posts) byHour[new Date(p.createdAt).getUTCHours()]++;
    expect(byHour[19]).toBeGreaterThan(byHour[3] * 5);
    const day = (d: string) => posts.filter((p) => p.createdAt.startsWith(d)).length;
    expect(day("2024-05-11")).toBeGreaterThan(day("2024-05-08") * 1.15); // Saturday vs Wednesday
  });

  it("schedules crises and shows the spike: negative posts about one product with crisis terms", () => {
    const schedule = demoCrisisSchedule({
      from: new Date(week.from),
      to: new Date(week.to),
      seed: 42,
      everyDays: 3,
    });
    expect(schedule.length).toBeGreaterThanOrEqual(2);
    expect(
      demoCrisisSchedule({ from: new Date(week.from), to: new Date(week.to), seed: 42, everyDays: 3 }),
    ).toEqual(schedule);
    const crisis = schedule.find((c) => c.start >= week.from && c.end <= week.to)!;
    const all = [...generateDemoPosts({ ...week, seed: 42, postsPerDay: 3_000, crisis: schedule })];
    const inWindow = (p: NormalisedPost) => p.createdAt >= crisis.start && p.createdAt < crisis.end;
    const during = all.filter(inWindow);
    const sameHoursDayBefore = posts.filter((p) => {
      const t = Date.parse(p.createdAt) + 86_400_000;
      return t >= Date.parse(crisis.start) && t < Date.parse(crisis.end);
    });
    expect(during.length).toBeGreaterThan(sameHoursDayBefore.length * 2);
    const about = during.filter((p) => raw(p).crisisId === crisis.id);
    expect(about.every((p) => raw(p).productId === crisis.productId && raw(p).sentiment === "negative")).toBe(
      true,
    );
    const terms =
      /recall|injur|burn|lawsuit|fire|flame|Rückruf|rappel|retirada|richiamo|terugroep|Klage|procès|demanda|causa|rechtszaak|processo|quem|brûl|ustion|Verbrenn|brandwond|letsel|lesión|ferit|ferimento|blessure|Verletzung|snapped|splinter|broken|gebrochen|cass|partió|spezzat|brak|partiu/i;
    expect(share(about, (p) => terms.test(p.text))).toBeGreaterThan(0.9);
    expect(all.filter((p) => !inWindow(p) && raw(p).crisisId === crisis.id)).toEqual([]);
  });
});

describe("demo streaming connector", () => {
  it("paces itself in accelerated time and resumes from the cursor identically", async () => {
    const settings = demoSettings.parse({
      postsPerMinute: 20,
      seed: 9,
      startAt: "2024-05-11T18:00:00Z",
      speedup: 36_000,
      crisisEveryDays: 0,
    });
    const ctx = createTestContext();
    const connector = createDemoStreamingConnector();
    const started = Date.now();
    const it = connector.stream(settings, null, ctx)[Symbol.asyncIterator]();
    const first = await take(it, 40);
    ctx.abort();
    const simulatedMs = Date.parse(first.at(-1)!.post.createdAt) - Date.parse("2024-05-11T18:00:00Z");
    // 36,000× means the simulated span of 40 posts can't have been emitted much faster than real time allows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(simulatedMs / 36_000 - 20);
    const expected = [
      ...generateDemoPosts({
        from: "2024-05-11T18:00:00Z",
        to: "2024-05-11T23:00:00Z",
        seed: 9,
        postsPerDay: 20 * 1440,
        crisis: false,
      }),
    ];
    expect(first.map((i) => i.post.externalId)).toEqual(expected.slice(0, 40).map((p) => p.externalId));

    const ctx2 = createTestContext();
    const resumed = connector.stream(settings, first[19]!.cursor, ctx2)[Symbol.asyncIterator]();
    const next = await take(resumed, 20);
    ctx2.abort();
    expect(next.map((i) => i.post.externalId)).toEqual(first.slice(20).map((i) => i.post.externalId));
  });

  it("stops promptly when aborted while waiting", async () => {
    const settings = demoSettings.parse({ postsPerMinute: 0.01, seed: 1 });
    const ctx = createTestContext();
    const it = createDemoStreamingConnector().stream(settings, null, ctx)[Symbol.asyncIterator]();
    const pending = it.next();
    setTimeout(() => ctx.abort(), 50);
    expect((await pending).done).toBe(true);
  });
});
