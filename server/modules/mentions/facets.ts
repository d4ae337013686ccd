import { sql, type Transaction } from "kysely";
import type { Database } from "../../db/database";
import type { DB } from "../../db/schema";

const BUCKETS = [
  ["hourly", "hour"],
  ["daily", "day"],
] as const;

/**
 * Advances the dashboard rollups for matches that were just inserted: the facet cross product
 * (channel × language × sentiment × intent) and the one-dimension-at-a-time table (channel,
 * language, country, intent), hourly and daily. Read from the stored mentions in the same
 * transaction, so the live pipeline and backfills share one path and a redelivered match (not
 * returned by the insert) is never counted twice. Rows are grouped and ordered by key, so
 * concurrent batches lock them in the same order (no deadlocks).
 */
export async function updateFacets(
  trx: Transaction<DB>,
  organisationId: string,
  pairs: { topicId: string; mentionId: number }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const matched = sql`unnest(${pairs.map((p) => p.topicId)}::uuid[], ${pairs.map((p) => p.mentionId)}::bigint[]) as x(topic_id, mention_id)
    join mentions m on m.id = x.mention_id and m.organisation_id = ${organisationId}::uuid`;
  for (const [suffix, unit] of BUCKETS) {
    await sql`insert into ${sql.table(`topic_facets_${suffix}`)} as f
        (organisation_id, topic_id, bucket, channel, language, sentiment_label, intent, volume, sentiment_sum)
      select ${organisationId}::uuid, x.topic_id, date_trunc(${unit}, m.created_at, 'UTC'), m.channel,
        coalesce(m.language, ''), coalesce(m.sentiment_label, 'neutral'), coalesce(m.intent, ''),
        count(*)::int, coalesce(sum(m.sentiment), 0)::real
      from ${matched}
      group by 2, 3, 4, 5, 6, 7
      order by 2, 3, 4, 5, 6, 7
      on conflict (topic_id, bucket, channel, language, sentiment_label, intent) do update set
        volume = f.volume + excluded.volume,
        sentiment_sum = f.sentiment_sum + excluded.sentiment_sum`.execute(trx);
    await sql`insert into ${sql.table(`topic_dims_${suffix}`)} as d
        (organisation_id, topic_id, bucket, dim, value, sentiment_label, volume, sentiment_sum)
      select ${organisationId}::uuid, x.topic_id, date_trunc(${unit}, m.created_at, 'UTC'), v.dim, v.value,
        coalesce(m.sentiment_label, 'neutral'), count(*)::int, coalesce(sum(m.sentiment), 0)::real
      from ${matched}
      cross join lateral (values ('channel', m.channel), ('language', coalesce(m.language, '')),
        ('country', coalesce(m.country, '')), ('intent', coalesce(m.intent, ''))) as v(dim, value)
      group by 2, 3, 4, 5, 6
      order by 2, 3, 4, 5, 6
      on conflict (topic_id, bucket, dim, value, sentiment_label) do update set
        volume = d.volume + excluded.volume,
        sentiment_sum = d.sentiment_sum + excluded.sentiment_sum`.execute(trx);
  }
}

/**
 * Retention removed every mention before `cutoff` (a whole hour): drop the buckets before it and
 * rebuild the cut day's daily rows from the hourly ones that remain, so all of them stay exact.
 * The rebuild overwrites on conflict: a batch committed meanwhile for that day is in the hourly
 * rows it is rebuilt from.
 */
export async function trimFacets(db: Database, organisationId: string, cutoff: Date): Promise<void> {
  const day = new Date(cutoff);
  day.setUTCHours(0, 0, 0, 0);
  const next = new Date(day.getTime() + 86_400_000);
  await db.transaction().execute(async (trx) => {
    for (const kind of ["facets", "dims"] as const) {
      const keys =
        kind === "facets"
          ? sql`channel, language, sentiment_label, intent`
          : sql`dim, value, sentiment_label`;
      await sql`delete from ${sql.table(`topic_${kind}_hourly`)} where organisation_id = ${organisationId} and bucket < ${cutoff}`.execute(
        trx,
      );
      await sql`delete from ${sql.table(`topic_${kind}_daily`)} where organisation_id = ${organisationId} and bucket <= ${day}`.execute(
        trx,
      );
      await sql`insert into ${sql.table(`topic_${kind}_daily`)} (organisation_id, topic_id, bucket, ${keys}, volume, sentiment_sum)
        select organisation_id, topic_id, ${day}::timestamptz, ${keys}, sum(volume)::int, sum(sentiment_sum)::real
        from ${sql.table(`topic_${kind}_hourly`)}
        where organisation_id = ${organisationId} and bucket >= ${day} and bucket < ${next}
        group by organisation_id, topic_id, ${keys}
        on conflict (topic_id, bucket, ${keys}) do update set
          volume = excluded.volume, sentiment_sum = excluded.sentiment_sum`.execute(trx);
    }
  });
}
