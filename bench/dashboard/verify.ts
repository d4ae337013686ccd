/**
 * The rollups the load wrote must be what ingestion would have written: totals agree across
 * every table, a recount of sampled (topic, day) cells from the mentions themselves agrees
 * with the facets, and (up to 2M mentions) the full hourly recount of `chorus verify` is empty.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../server/db/database";
import { compareRollupsWithRecount } from "../../server/modules/mentions/recount";
import type { BenchConfig } from "./load";

type Db = Kysely<any>;

export async function verifyRollups(db: Db, config: BenchConfig, log: (s: string) => void) {
  const org = config.params.main.org;
  const totals = (
    await sql<Record<string, number>>`select
      (select count(*) from mentions where organisation_id = ${org}) as mentions,
      (select count(*) from mention_topics where organisation_id = ${org}) as matches,
      (select coalesce(sum(volume), 0) from topic_facets_hourly where organisation_id = ${org}) as hourly,
      (select coalesce(sum(volume), 0) from topic_facets_daily where organisation_id = ${org}) as daily,
      (select coalesce(sum(volume), 0) from topic_hourly where organisation_id = ${org}) as topic_hourly`.execute(
      db,
    )
  ).rows[0]!;
  const t = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)]));
  if (!(t.matches === t.hourly && t.hourly === t.daily && t.daily === t.topic_hourly))
    throw new Error(`rollup totals disagree: ${JSON.stringify(t)}`);
  log(
    `  verify: ${t.mentions!.toLocaleString()} mentions and ${t.matches!.toLocaleString()} matches in the main organisation; ` +
      "facets hourly, daily and topic_hourly sum to the matches",
  );

  // Recount sampled cells straight from the mentions (what the naive peer does for a whole chart).
  const start = new Date(config.params.start).getTime();
  const cells = [3, 41, 88].flatMap((day, k) =>
    [config.topics[k * 3]!, config.topics[k * 4 + 1]!].map((topic) => ({ topic, day })),
  );
  for (const { topic, day } of cells) {
    // Whole UTC days, as the daily facets bucket them (the data starts on an hour).
    const from = new Date(Math.ceil((start + day * 86_400_000) / 86_400_000) * 86_400_000);
    const to = new Date(from.getTime() + 86_400_000);
    const r = (
      await sql<Record<string, number>>`select
        (select count(*) filter (where m.sentiment_label = 'negative') * 1000000 + count(*)
           from mention_topics mt join mentions m on m.id = mt.mention_id
           where mt.topic_id = ${topic.id} and m.created_at >= ${from} and m.created_at < ${to}) as recount,
        (select coalesce(sum(volume) filter (where sentiment_label = 'negative'), 0) * 1000000 + coalesce(sum(volume), 0)
           from topic_facets_daily where topic_id = ${topic.id} and bucket = ${from}) as daily,
        (select coalesce(sum(volume) filter (where sentiment_label = 'negative'), 0) * 1000000 + coalesce(sum(volume), 0)
           from topic_facets_hourly where topic_id = ${topic.id} and bucket >= ${from} and bucket < ${to}) as hourly`.execute(
        db,
      )
    ).rows[0]!;
    if (Number(r.recount) !== Number(r.daily) || Number(r.recount) !== Number(r.hourly))
      throw new Error(`recount of ${topic.name} on day ${day} disagrees: ${JSON.stringify(r)}`);
  }
  log(
    `  verify: recount of ${cells.length} sampled (topic, day) cells equals the facets (volume and negative)`,
  );
  if (config.mentions <= 2_000_000) {
    const mismatches = await compareRollupsWithRecount(db as Database, org);
    if (mismatches.length) throw new Error(`hourly recount: ${mismatches.length} mismatches`);
    log("  verify: full hourly recount (compareRollupsWithRecount) finds no mismatch");
  }
}
