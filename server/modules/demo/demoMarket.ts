import type { AppContext } from "../../context";
import { createSource } from "../ingestion/sources";
import { createTopic } from "../listening/manageTopics";
import type { TopicKind } from "../listening/tables";

/** What a Halcyon Outdoor social media manager would listen for on day one. */
export const DEMO_TOPICS: { name: string; kind: TopicKind; query: string }[] = [
  {
    name: "Halcyon Outdoor",
    kind: "brand",
    query: 'halcyon OR #halcyon OR @HalcyonOutdoor OR "halcyon outdoor"',
  },
  {
    name: "Trailblazer tent",
    kind: "product",
    query: "trailblazer NEAR/3 (halcyon OR tent OR zelt OR tente OR tienda)",
  },
  {
    name: "Aurora jacket",
    kind: "product",
    query: "aurora NEAR/3 (halcyon OR jacket OR jacke OR veste OR chaqueta)",
  },
  { name: "Summit 45L pack", kind: "product", query: '"halcyon summit" OR ("summit 45l" NOT "summit & co")' },
  {
    name: "Ember stove",
    kind: "product",
    query: "ember NEAR/3 (halcyon OR stove OR kocher OR réchaud OR hornillo)",
  },
  { name: "Ridgeline", kind: "competitor", query: "ridgeline OR @RidgelineGear OR #ridgeline" },
  { name: "Tundra Gear", kind: "competitor", query: '"tundra gear" OR @TundraGear OR #tundragear' },
  { name: "Summit & Co", kind: "competitor", query: '"summit & co" OR "summit and co" OR @SummitAndCo' },
  {
    name: "Crisis terms",
    kind: "other",
    query:
      "(halcyon OR ember OR trailblazer) AND (recall OR injury OR injured OR burn* OR lawsuit OR fire OR unsafe OR dangerous)",
  },
];

/**
 * Turns the demo market on for the demo organisation: the topics above and a simulated stream
 * (an hour of market time per real minute, with a crisis now and then), so a fresh install
 * shows a live product. Idempotent: existing topics and the source are left alone.
 */
export async function enableDemoMarket(
  ctx: Pick<AppContext, "db" | "config">,
  organisationId: string,
  ownerId: string,
) {
  const actor = { userId: ownerId, organisationId, role: "owner" as const };
  const eventActor = { userId: ownerId, organisationId };
  const existing = new Set(
    (
      await ctx.db.selectFrom("topics").select("name").where("organisation_id", "=", organisationId).execute()
    ).map((t) => t.name),
  );
  for (const topic of DEMO_TOPICS)
    if (!existing.has(topic.name)) await createTopic(ctx, actor, eventActor, topic);
  const source = await ctx.db
    .selectFrom("sources")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", "demo")
    .executeTakeFirst();
  if (!source) {
    await createSource(ctx, actor, eventActor, {
      kind: "demo",
      name: "Demo market",
      settings: { postsPerMinute: 120, seed: 2026, speedup: 60, crisisEveryDays: 2 },
      rateLimitPerMinute: 100_000,
    });
  }
}
