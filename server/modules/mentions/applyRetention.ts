import { sql } from "kysely";
import type { Database } from "../../db/database";
import { trimFacets } from "./facets";

const CHUNK = 5_000;

/**
 * Deletes mentions older than each organisation's retention, in chunks so a large purge never
 * holds long locks, together with the hourly figures of those hours: the rollups keep agreeing
 * with a recount of what is stored. Returns how many mentions went.
 */
export async function applyRetention(db: Database): Promise<number> {
  const organisations = await db
    .selectFrom("organisations")
    .select(["id", "retention_days"])
    .where("retention_days", "is not", null)
    .execute();
  let deleted = 0;
  for (const organisation of organisations) {
    const cutoff = new Date(Date.now() - organisation.retention_days! * 86_400_000);
    // Whole hours only, so an hour's rollup is either kept whole or removed whole.
    cutoff.setUTCMinutes(0, 0, 0);
    for (;;) {
      const result = await sql<{ id: number }>`
        delete from mentions where id in (
          select id from mentions where organisation_id = ${organisation.id} and created_at < ${cutoff} limit ${CHUNK})
        returning id`.execute(db);
      deleted += result.rows.length;
      if (result.rows.length < CHUNK) break;
    }
    await db
      .deleteFrom("topic_hourly")
      .where("organisation_id", "=", organisation.id)
      .where("hour", "<", cutoff)
      .execute();
    await sql`delete from topic_hourly_terms t using topics p
      where p.id = t.topic_id and p.organisation_id = ${organisation.id} and t.hour < ${cutoff}`.execute(db);
    await trimFacets(db, organisation.id, cutoff);
  }
  return deleted;
}
