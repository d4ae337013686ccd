import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { recordEvent } from "../../../events/record";
import { storeMentions } from "../../mentions/storeMentions";
import type { MentionInput, StoreResult } from "../../mentions/types";

/**
 * The one place a processed batch becomes durable: mentions, matches, rollups, source counters
 * and the `mentions.ingested` event commit together or not at all.
 */
export async function commitBatch(
  db: Database,
  organisationId: string,
  results: MentionInput[],
): Promise<StoreResult> {
  return db.transaction().execute(async (trx) => {
    const result = await storeMentions(trx, organisationId, results);
    if (result.stored.length === 0) return result;
    const perSource = new Map<string, number>();
    for (const m of result.stored) {
      if (m.input.sourceId) perSource.set(m.input.sourceId, (perSource.get(m.input.sourceId) ?? 0) + 1);
    }
    if (perSource.size > 0) {
      await sql`update sources set posts_ingested = sources.posts_ingested + x.n, last_success_at = now()
        from unnest(${[...perSource.keys()]}::uuid[], ${[...perSource.values()]}::int[]) as x(id, n)
        where sources.id = x.id and sources.organisation_id = ${organisationId}`.execute(trx);
    }
    await recordEvent(
      trx,
      { userId: null, organisationId },
      {
        name: "mentions.ingested",
        audit: false,
        data: {
          stored: result.stored.length,
          duplicates: result.stored.filter((m) => m.duplicateOf !== null).length,
          topics: Object.fromEntries(result.topicCounts),
        },
      },
    );
    return result;
  });
}
