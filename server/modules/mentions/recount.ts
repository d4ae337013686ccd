import { sql } from "kysely";
import type { Database } from "../../db/database";

export interface RollupMismatch {
  topicId: string;
  hour: string;
  rollup: { volume: number; negative: number; positive: number; neutral: number } | null;
  recount: { volume: number; negative: number; positive: number; neutral: number } | null;
}

/**
 * Recounts the hourly rollups from the mentions themselves and lists every (topic, hour) where
 * they disagree. Empty means the incremental rollups are exact. Used by the crash test and by
 * `chorus verify`.
 */
export async function compareRollupsWithRecount(
  db: Database,
  organisationId: string,
): Promise<RollupMismatch[]> {
  const result = await sql<{
    topic_id: string;
    hour: Date;
    r_volume: number | null;
    r_positive: number | null;
    r_negative: number | null;
    r_neutral: number | null;
    c_volume: number | null;
    c_positive: number | null;
    c_negative: number | null;
    c_neutral: number | null;
  }>`
    with recount as (
      select mt.topic_id, date_trunc('hour', m.created_at) as hour, count(*)::int as volume,
        count(*) filter (where m.sentiment_label = 'positive')::int as positive,
        count(*) filter (where m.sentiment_label = 'negative')::int as negative,
        count(*) filter (where m.sentiment_label = 'neutral')::int as neutral
      from mention_topics mt join mentions m on m.id = mt.mention_id
      where mt.organisation_id = ${organisationId}
      group by 1, 2
    ), rollup as (
      select topic_id, hour, volume, positive, negative, neutral from topic_hourly where organisation_id = ${organisationId}
    )
    select coalesce(r.topic_id, c.topic_id) as topic_id, coalesce(r.hour, c.hour) as hour,
      r.volume as r_volume, r.positive as r_positive, r.negative as r_negative, r.neutral as r_neutral,
      c.volume as c_volume, c.positive as c_positive, c.negative as c_negative, c.neutral as c_neutral
    from rollup r full outer join recount c on c.topic_id = r.topic_id and c.hour = r.hour
    where r.volume is distinct from c.volume or r.positive is distinct from c.positive
      or r.negative is distinct from c.negative or r.neutral is distinct from c.neutral`.execute(db);
  return result.rows.map((row) => ({
    topicId: row.topic_id,
    hour: new Date(row.hour).toISOString(),
    rollup:
      row.r_volume == null
        ? null
        : {
            volume: row.r_volume,
            positive: row.r_positive!,
            negative: row.r_negative!,
            neutral: row.r_neutral!,
          },
    recount:
      row.c_volume == null
        ? null
        : {
            volume: row.c_volume,
            positive: row.c_positive!,
            negative: row.c_negative!,
            neutral: row.c_neutral!,
          },
  }));
}
