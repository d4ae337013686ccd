import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackfillRunner } from "../../server/modules/listening/backfillRunner";
import { applyRetention } from "../../server/modules/mentions/applyRetention";
import { backend } from "../helpers/database";
import { addMember, createOrganisationWithOwner } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

const HOUR = 3_600_000;
const PRODUCTS = ["ember stove", "trailblazer tent", "ridgeline pack"];
const MOODS = [
  ["love it, fantastic and brilliant", "positive"],
  ["awful, broken and dangerous, I hate it", "negative"],
  ["arrived on tuesday", "neutral"],
] as const;
const LANGS = ["en", "de", "fr"];

/** 60 posts over ten days: product × mood × language cycle, authors with growing followers. */
function csvRows(now: number) {
  const lines = ["id,text,date,lang,country,author,followers"];
  for (let i = 0; i < 60; i++) {
    const product = PRODUCTS[i % 3]!;
    const [mood] = MOODS[Math.floor(i / 3) % 3]!;
    const text = i === 7 ? `=HYPERLINK("x") ${product} ${mood}` : `My ${product}: ${mood} #p${i % 4}`;
    const at = new Date(now - (i * 4 + 1) * HOUR).toISOString();
    lines.push(
      `${i},"${text.replace(/"/g, '""')}",${at},${LANGS[i % 3]},${i % 2 ? "DE" : "GB"},user${i % 5},${i * 100}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

describe(`dashboards and mention search on ${backend}`, () => {
  let runtime: TestRuntime;
  let org: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  let other: Awaited<ReturnType<typeof createOrganisationWithOwner>>;
  const topic: Record<string, string> = {};

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true } });
    org = await createOrganisationWithOwner(runtime, "Dash Org");
    other = await createOrganisationWithOwner(runtime, "Other Org");
    for (const [name, kind, query] of [
      ["Ember", "product", "ember"],
      ["Trailblazer", "product", "trailblazer"],
      ["Ridgeline", "competitor", "ridgeline"],
    ] as const)
      topic[name] = (await org.owner.post("/api/topics", { name, kind, query })).body.id;
    await other.owner.post("/api/topics", { name: "Ember elsewhere", query: "ember" });
    const mapping = {
      text: "text",
      externalId: "id",
      createdAt: "date",
      language: "lang",
      country: "country",
      authorHandle: "author",
      authorFollowers: "followers",
    };
    const query = `fileName=p.csv&format=csv&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const csv = csvRows(Date.now());
    for (const client of [org.owner, other.owner]) {
      const imported = await client.post(`/api/imports?${query}`, undefined, {
        rawBody: csv,
        headers: { "content-type": "text/csv" },
      });
      expect(imported.body).toMatchObject({ status: "done", rowsOk: 60 });
    }
    // A topic created afterwards is filled by a backfill: the same rollups, another path.
    topic.Broken = (
      await org.owner.post("/api/topics", { name: "Broken", kind: "other", query: "broken" })
    ).body.id;
    const runner = new BackfillRunner(runtime.ctx);
    while (await runner.runOne()) {}
  });
  afterAll(() => runtime?.close());

  /** The truth, counted from the stored rows: matches per topic under optional conditions. */
  async function recount(where = sql`true`) {
    const rows = await sql<{ topic_id: string; n: number }>`
      select mt.topic_id, count(*)::int as n from mention_topics mt join mentions m on m.id = mt.mention_id
      where mt.organisation_id = ${org.organisationId} and ${where} group by 1`.execute(runtime.ctx.db);
    return Object.fromEntries(rows.rows.map((r) => [r.topic_id, r.n]));
  }

  async function facetsMatchRecount(table: "topic_facets_hourly" | "topic_facets_daily", unit: string) {
    const diff = await sql`
      with truth as (
        select mt.topic_id, date_trunc(${unit}, m.created_at, 'UTC') as bucket, m.channel, coalesce(m.language, '') as language,
          coalesce(m.sentiment_label, 'neutral') as sentiment_label, coalesce(m.intent, '') as intent, count(*)::int as volume
        from mention_topics mt join mentions m on m.id = mt.mention_id where mt.organisation_id = ${org.organisationId}
        group by 1, 2, 3, 4, 5, 6
      ), rollup as (select * from ${sql.table(table)} where organisation_id = ${org.organisationId})
      select * from truth t full outer join rollup r using (topic_id, bucket, channel, language, sentiment_label, intent)
      where t.volume is distinct from r.volume`.execute(runtime.ctx.db);
    return diff.rows;
  }

  async function dimsMatchRecount(table: "topic_dims_hourly" | "topic_dims_daily", unit: string) {
    const diff = await sql`
      with truth as (
        select mt.topic_id, date_trunc(${unit}, m.created_at, 'UTC') as bucket, v.dim, v.value,
          coalesce(m.sentiment_label, 'neutral') as sentiment_label, count(*)::int as volume
        from mention_topics mt join mentions m on m.id = mt.mention_id
        cross join lateral (values ('channel', m.channel), ('language', coalesce(m.language, '')),
          ('country', coalesce(m.country, '')), ('intent', coalesce(m.intent, ''))) v(dim, value)
        where mt.organisation_id = ${org.organisationId}
        group by 1, 2, 3, 4, 5
      ), rollup as (select * from ${sql.table(table)} where organisation_id = ${org.organisationId})
      select * from truth t full outer join rollup r using (topic_id, bucket, dim, value, sentiment_label)
      where t.volume is distinct from r.volume`.execute(runtime.ctx.db);
    return diff.rows;
  }

  const allRollupsMatch = async () => {
    expect(await facetsMatchRecount("topic_facets_hourly", "hour")).toEqual([]);
    expect(await facetsMatchRecount("topic_facets_daily", "day")).toEqual([]);
    expect(await dimsMatchRecount("topic_dims_hourly", "hour")).toEqual([]);
    expect(await dimsMatchRecount("topic_dims_daily", "day")).toEqual([]);
  };

  it("keeps hourly and daily facet rollups equal to a recount, for ingestion and backfills", async () => {
    await allRollupsMatch();
    expect(Object.keys(await recount())).toHaveLength(4);
  });

  it("charts volume per topic over time, and the totals agree with the stored matches", async () => {
    const truth = await recount();
    const res = await org.owner.get(
      "/api/dashboard/volume?from=" + new Date(Date.now() - 15 * 24 * HOUR).toISOString(),
    );
    expect(res.status).toBe(200);
    expect(res.body.interval).toBe("day");
    for (const s of res.body.series) {
      expect(s.total).toBe(truth[s.topicId]);
      expect(s.volume.reduce((a: number, b: number) => a + b, 0)).toBe(s.total);
      expect(s.volume).toHaveLength(res.body.buckets.length);
    }
    const hourly = await org.owner.get(
      `/api/dashboard/volume?from=${new Date(Date.now() - 48 * HOUR).toISOString()}&interval=hour`,
    );
    expect(hourly.body.buckets.length).toBeGreaterThanOrEqual(48);
    // 48 hours hold posts 0..11 (one every four hours): four of each product.
    expect(hourly.body.series.find((s: { topicId: string }) => s.topicId === topic.Ember).total).toBe(4);
  });

  it("filters to negative sentiment everywhere, with net sentiment in range", async () => {
    const truth = await recount(sql`m.sentiment_label = 'negative'`);
    expect(Object.values(truth).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const range = `from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}`;
    const volume = await org.owner.get(`/api/dashboard/volume?${range}&sentiments=negative`);
    for (const s of volume.body.series) {
      expect(s.total).toBe(truth[s.topicId]);
      for (const n of s.netSentiment) if (n !== null) expect(n).toBe(-100);
    }
    // A language cut reads the facet rollups instead of topic_hourly: the same truth.
    const german = await recount(sql`m.language = 'de' and m.sentiment_label = 'negative'`);
    const de = await org.owner.get(`/api/dashboard/volume?${range}&sentiments=negative&languages=de`);
    expect(
      Object.fromEntries(de.body.series.map((s: { topicId: string; total: number }) => [s.topicId, s.total])),
    ).toEqual(german);
    const all = await org.owner.get(`/api/dashboard/volume?${range}`);
    for (const n of all.body.overall.netSentiment)
      if (n !== null) expect(Math.abs(n)).toBeLessThanOrEqual(100);
    const b = await org.owner.get(
      `/api/dashboard/breakdown?${range}&sentiments=negative&topicIds=${topic.Ember},${topic.Ridgeline}`,
    );
    expect(b.body.sentiments.map((s: { value: string }) => s.value)).toEqual(["negative"]);
    expect(b.body.total).toBe((truth[topic.Ember!] ?? 0) + (truth[topic.Ridgeline!] ?? 0));
    const share = b.body.topics.reduce((a: number, t: { share: number }) => a + t.share, 0);
    expect(share).toBeCloseTo(100, 0);
    expect(b.body.languages.reduce((a: number, l: { volume: number }) => a + l.volume, 0)).toBe(b.body.total);
    expect(b.body.countries.reduce((a: number, l: { volume: number }) => a + l.volume, 0)).toBe(b.body.total);
    // With a language cut the figures come from the facet cross product: still the truth.
    const fr = await org.owner.get(`/api/dashboard/breakdown?${range}&languages=fr`);
    const frTruth = await recount(sql`m.language = 'fr'`);
    expect(fr.body.total).toBe(Object.values(frTruth).reduce((a, b) => a + b, 0));
    expect(fr.body.languages.map((l: { value: string }) => l.value)).toEqual(["fr"]);
    for (const t of fr.body.topics) expect(t.volume).toBe(frTruth[t.topicId]);
    expect(fr.body.channels.reduce((a: number, c: { volume: number }) => a + c.volume, 0)).toBe(
      fr.body.total,
    );
  });

  it("ranks hashtags, terms and authors from the matching mentions", async () => {
    const top = await org.owner.get(
      `/api/dashboard/top?from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}&topicIds=${topic.Ember}`,
    );
    expect(top.body.sample).toBe((await recount())[topic.Ember!]);
    expect(top.body.terms.map((t: { value: string }) => t.value)).toContain("ember");
    expect(top.body.hashtags.length).toBeGreaterThan(0);
    expect(top.body.authors[0].count).toBeGreaterThanOrEqual(top.body.authors.at(-1).count);
  });

  it("searches full text with highlights, sorts by reach, pages without overlap", async () => {
    const found = await org.owner.get(
      `/api/mentions?q=${encodeURIComponent("stove -broken")}&from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}&limit=100`,
    );
    expect(found.status).toBe(200);
    expect(found.body.data.length).toBeGreaterThan(0);
    for (const m of found.body.data) {
      expect(m.text.toLowerCase()).toContain("stove");
      expect(m.text.toLowerCase()).not.toContain("broken");
      const marked = m.highlights.map(([a, b]: [number, number]) => m.text.slice(a, b).toLowerCase());
      expect(marked).toContain("stove");
    }
    const seen = new Set<string>();
    let cursor: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const res: {
        body: { data: { id: string; author: { followers: number } }[]; nextCursor: string | null };
      } = await org.owner.get(
        `/api/mentions?sort=reach&limit=7&from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}${cursor ? `&cursor=${cursor}` : ""}`,
      );
      for (const m of res.body.data) {
        expect(seen.has(m.id)).toBe(false);
        seen.add(m.id);
        expect(m.author.followers).toBeLessThanOrEqual(previous);
        previous = m.author.followers;
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(60);
    const negative = await org.owner.get(
      `/api/mentions?sentiments=negative&topicIds=${topic.Ember}&from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}&limit=100`,
    );
    expect(negative.body.data.length).toBe(
      (await recount(sql`m.sentiment_label = 'negative'`))[topic.Ember!],
    );
    expect(negative.body.data.every((m: { sentimentLabel: string }) => m.sentimentLabel === "negative")).toBe(
      true,
    );
  });

  it("tags, hands off and drills into one mention; other organisations see none of it", async () => {
    const list = await org.owner.get("/api/mentions?limit=1");
    const id = list.body.data[0].id;
    const tagged = await org.owner.put(`/api/mentions/${id}/tags`, { tags: [" Urgent ", "urgent", "press"] });
    expect(tagged.body.tags).toEqual(["press", "urgent"]);
    expect(
      (await org.owner.get("/api/mentions?tag=urgent")).body.data.map((m: { id: string }) => m.id),
    ).toEqual([id]);
    expect(
      (await org.owner.get("/api/mentions?tag=%20URGENT")).body.data.map((m: { id: string }) => m.id),
    ).toEqual([id]);
    const handoff = await org.owner.post(`/api/mentions/${id}/handoff`, {
      target: "care",
      note: "call them",
    });
    expect(handoff.status).toBe(202);
    const detail = await org.owner.get(`/api/mentions/${id}`);
    expect(detail.body).toMatchObject({ id, tags: ["press", "urgent"], handoffs: [{ target: "care" }] });
    const event = await runtime.ctx.db
      .selectFrom("events")
      .select("data")
      .where("name", "=", "mention.handed_off")
      .where("organisation_id", "=", org.organisationId)
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ target: "care", mentionId: id, note: "call them" });
    expect((await other.owner.get(`/api/mentions/${id}`)).status).toBe(404);
    expect((await other.owner.put(`/api/mentions/${id}/tags`, { tags: ["x"] })).status).toBe(404);
    expect((await other.owner.get("/api/mentions?tag=urgent")).body.data).toEqual([]);
    const otherVolume = await other.owner.get(
      `/api/dashboard/volume?from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}`,
    );
    expect(otherVolume.body.series.map((s: { topicId: string }) => s.topicId)).not.toContain(topic.Ember);
  });

  it("exports mentions and chart data as CSV, formulas defused; employees may read but not export", async () => {
    const res = await org.owner.get(
      `/api/mentions/export.csv?from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    const text = String(res.body);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFF?id,created_at,channel/);
    expect(lines).toHaveLength(61);
    expect(text).toContain(`"'=HYPERLINK(""x"")`);
    const chart = await org.owner.get(
      `/api/dashboard/breakdown.csv?from=${new Date(Date.now() - 15 * 24 * HOUR).toISOString()}`,
    );
    expect(String(chart.body)).toMatch(/^dimension,value,volume/);
    const employee = await addMember(runtime, org.owner, "employee");
    expect((await employee.client.get("/api/dashboard/volume")).status).toBe(200);
    expect((await employee.client.get("/api/mentions/export.csv")).status).toBe(403);
  });

  it("answers hostile input with 4xx and a message", async () => {
    expect(
      (await org.owner.get("/api/dashboard/volume?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")).status,
    ).toBe(400);
    expect((await org.owner.get("/api/dashboard/volume?sentiments=furious")).status).toBe(422);
    expect((await org.owner.get("/api/dashboard/breakdown?topicIds=not-a-uuid")).status).toBe(422);
    expect((await org.owner.get("/api/mentions?cursor=%%%")).status).toBe(400);
    const forged = Buffer.from("1e20|1").toString("base64url");
    expect((await org.owner.get(`/api/mentions?sort=reach&cursor=${forged}`)).status).toBe(400);
    expect((await org.owner.get(`/api/mentions?cursor=${forged}`)).status).toBe(400);
    const id = (await org.owner.get("/api/mentions?limit=1")).body.data[0].id;
    expect((await org.owner.put(`/api/mentions/${id}/tags`, { tags: ["bad\u0000tag"] })).status).toBe(422);
    const odd = await org.owner.get(
      `/api/mentions?q=${encodeURIComponent(`'":*&|!() <script>alert(1)</script> 🔥 \u202e`)}`,
    );
    expect(odd.status).toBe(200);
  });

  it("keeps the facet rollups exact after retention deletes old mentions", async () => {
    await runtime.ctx.db
      .updateTable("organisations")
      .set({ retention_days: 5 })
      .where("id", "=", org.organisationId)
      .execute();
    expect(await applyRetention(runtime.ctx.db)).toBeGreaterThan(0);
    await allRollupsMatch();
  });
  it("rebuilds the same rollups from stored matches, as the migration does on an upgraded install", async () => {
    const file = readFileSync("server/modules/mentions/migrations/0015_facets_search.sql", "utf8");
    const backfill = file.slice(file.indexOf("-- An upgraded install"));
    expect(backfill.length).toBeGreaterThan(100);
    for (const table of [
      "topic_facets_hourly",
      "topic_facets_daily",
      "topic_dims_hourly",
      "topic_dims_daily",
    ])
      await sql`delete from ${sql.table(table)}`.execute(runtime.ctx.db);
    for (const statement of backfill
      .split(";")
      .map((x) => x.trim())
      .filter((x) => /^(insert|update)/m.test(x.replace(/^--.*$/gm, "").trim())))
      await sql.raw(statement).execute(runtime.ctx.db);
    await allRollupsMatch();
  });
});
