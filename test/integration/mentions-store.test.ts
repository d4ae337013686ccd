import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../server/db/database";
import { migrateToLatest } from "../../server/db/migrate";
import type { NormalisedPost } from "../../server/modules/ingestion/connectors/types";
import { applyRetention } from "../../server/modules/mentions/applyRetention";
import { compareRollupsWithRecount } from "../../server/modules/mentions/recount";
import { storeMentions } from "../../server/modules/mentions/storeMentions";
import type { MentionInput } from "../../server/modules/mentions/types";
import { backend, createTestDatabase } from "../helpers/database";

function input(
  externalId: string,
  text: string,
  topicIds: string[],
  overrides: Partial<NormalisedPost> = {},
): MentionInput {
  const negative = /burn|broke|awful/.test(text);
  return {
    sourceId: null,
    post: {
      channel: "demo",
      externalId,
      text,
      createdAt: "2026-11-20T10:15:00Z",
      author: { handle: `user_${externalId.length % 3}`, followers: 1200 },
      engagement: { likes: 3 },
      raw: { id: externalId, text },
      ...overrides,
    },
    language: "en",
    sentiment: negative ? -0.6 : 0.4,
    sentimentLabel: negative ? "negative" : "positive",
    intent: negative ? "complaint" : "praise",
    hashtags: ["#halcyon"],
    entities: { hashtags: ["#halcyon"] },
    terms: ["stove", "tent"],
    matches: topicIds.map((topicId) => ({ topicId, spans: [[0, 7]] as [number, number][] })),
  };
}

describe(`mention store on ${backend}`, () => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let organisationId: string;
  let brand: string;
  let product: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    handle = await openDatabase(database.target);
    await migrateToLatest(handle.db);
    organisationId = (
      await handle.db
        .insertInto("organisations")
        .values({ name: "Store Org", slug: "store-org" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const topic = (name: string) =>
      handle.db
        .insertInto("topics")
        .values({ organisation_id: organisationId, name, query: name })
        .returning("id")
        .executeTakeFirstOrThrow();
    brand = (await topic("halcyon")).id;
    product = (await topic("ember")).id;
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  const store = (batch: MentionInput[]) =>
    handle.db.transaction().execute((trx) => storeMentions(trx, organisationId, batch));

  it("stores each post once, however often it is delivered, and keeps rollups exact", async () => {
    const batch = [
      input("p1", "Halcyon Ember stove burned my fingers on first use", [brand, product]),
      input("p2", "Loving my new Halcyon tent, bone dry all night", [brand]),
      input("p3", "Nothing to do with anything", []),
      input("p2", "Loving my new Halcyon tent, bone dry all night", [brand]),
    ];
    const first = await store(batch);
    expect(first.stored).toHaveLength(3);
    expect(first.topicCounts.get(brand)).toBe(2);
    const again = await store(batch);
    expect(again.stored).toHaveLength(0);
    expect(again.alreadyStored).toBe(4);

    const count = await handle.db
      .selectFrom("mentions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(3);
    const hourly = await handle.db
      .selectFrom("topic_hourly")
      .selectAll()
      .where("topic_id", "=", brand)
      .executeTakeFirstOrThrow();
    expect(hourly).toMatchObject({ volume: 2, positive: 1, negative: 1, neutral: 0 });
    expect(hourly.hour.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(await compareRollupsWithRecount(handle.db, organisationId)).toEqual([]);

    const terms = await handle.db
      .selectFrom("topic_hourly_terms")
      .selectAll()
      .where("topic_id", "=", brand)
      .orderBy("term")
      .execute();
    expect(terms.map((t) => [t.kind, t.term, t.count])).toEqual([
      ["hashtag", "#halcyon", 2],
      ["term", "stove", 2],
      ["term", "tent", 2],
    ]);
  });

  it("links reposts and copy-paste spam to the original instead of counting new voices", async () => {
    const original = "The Halcyon Summit pack strap broke after two days of hiking, awful quality";
    await store([input("orig", original, [brand])]);
    const result = await store([
      input("rt1", `RT @someone: ${original}`, [brand]),
      input("spam1", `${original.toUpperCase()} https://spam.example/x`, [brand]),
    ]);
    const originalId = (
      await handle.db
        .selectFrom("mentions")
        .select("id")
        .where("external_id", "=", "orig")
        .executeTakeFirstOrThrow()
    ).id;
    expect(result.stored.map((m) => m.duplicateOf)).toEqual([originalId, originalId]);
    const hour = await handle.db
      .selectFrom("topic_hourly")
      .select(["volume", "duplicates"])
      .where("topic_id", "=", brand)
      .executeTakeFirstOrThrow();
    expect(hour.duplicates).toBe(2);
  });

  it("stores hostile text intact (HTML, emoji, RTL) and survives NUL bytes", async () => {
    const text = "<script>alert(1)</script> Halcyon 👩🏽‍🚀 \u202Eevil \u0000null";
    // Two handles that are one author once NUL is stripped, and counts no int column can hold.
    const result = await store([
      input("hostile", text, [brand], {
        author: { handle: "bad\u0000guy", followers: 5 },
        engagement: { views: 5e12, likes: Number.NaN },
      }),
      input("hostile-2", `${text} again`, [brand], { author: { handle: "badguy", followers: 5 } }),
    ]);
    expect(result.stored).toHaveLength(2);
    const row = await handle.db
      .selectFrom("mentions")
      .select(["text", "author_handle", "views", "likes"])
      .where("external_id", "=", "hostile")
      .executeTakeFirstOrThrow();
    expect(row.views).toBe(2_147_483_647);
    expect(row.likes).toBe(0);
    expect(row.text).toBe(text.replace("\u0000", ""));
    expect(row.author_handle).toBe("badguy");
    expect(await compareRollupsWithRecount(handle.db, organisationId)).toEqual([]);
  });

  it("keeps authors with their reach and mention count", async () => {
    const author = await handle.db
      .selectFrom("authors")
      .selectAll()
      .where("handle", "=", "user_2")
      .executeTakeFirstOrThrow();
    expect(author.followers).toBe(1200);
    expect(author.influence).toBeGreaterThan(30);
    expect(author.mention_count).toBeGreaterThanOrEqual(1);
  });

  it("deletes mentions past the organisation's retention, with their hourly figures", async () => {
    const recent = new Date(Date.now() - 3_600_000).toISOString();
    await store([
      input("recent-1", "Halcyon tent is holding up well this week", [brand], { createdAt: recent }),
    ]);
    const before = await handle.db
      .selectFrom("mentions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable("organisations")
      .set({ retention_days: 2 })
      .where("id", "=", organisationId)
      .execute();
    const deleted = await applyRetention(handle.db);
    expect(deleted).toBe(Number(before.n) - 1);
    const left = await handle.db.selectFrom("mentions").select("external_id").execute();
    expect(left.map((m) => m.external_id)).toEqual(["recent-1"]);
    expect(await compareRollupsWithRecount(handle.db, organisationId)).toEqual([]);
    await handle.db
      .updateTable("organisations")
      .set({ retention_days: null })
      .where("id", "=", organisationId)
      .execute();
  });

  it("rolls back everything when the batch fails", async () => {
    const before = await compareRollupsWithRecount(handle.db, organisationId);
    const bad = input("will-fail", "Halcyon again", ["00000000-0000-0000-0000-000000000000"]);
    await expect(
      store([input("ok-1", "Halcyon tent is fine I guess, solid enough", [brand]), bad]),
    ).rejects.toThrow();
    expect(
      await handle.db
        .selectFrom("mentions")
        .select("id")
        .where("external_id", "=", "ok-1")
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(await compareRollupsWithRecount(handle.db, organisationId)).toEqual(before);
  });
});
