import { sql } from "kysely";
import { Matcher } from "../../../shared/listening/match";
import { parse } from "../../../shared/listening/query";
import type { AppContext } from "../../context";
import { recordEvent } from "../../events/record";
import { keyTerms } from "../ingestion/pipeline/terms";
import { updateRollups } from "../mentions/rollups";
import type { MentionInput, StoredMention } from "../mentions/types";
import { postOfMention, selectMentionPosts } from "./mentionPost";

type Ctx = Pick<AppContext, "db" | "logger">;
const PAGE = 1_000;
const STALE_SECONDS = 60;

interface Backfill {
  id: string;
  organisation_id: string;
  topic_id: string;
  topic_version: number;
  last_mention_id: number;
}

/**
 * Re-matches stored mentions against a new or edited topic, in keyset pages from where it
 * stopped, so it survives restarts and shows progress. Any worker may run it; a running
 * backfill whose worker went silent for a minute is taken over.
 */
export class BackfillRunner {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private busy: Promise<void> | null = null;

  constructor(private readonly ctx: Ctx) {}

  start(tickMs = 1000) {
    const tick = async () => {
      if (this.stopped) return;
      this.busy = this.runOne().then(
        () => {},
        (error) => this.ctx.logger.error({ err: error }, "backfill failed"),
      );
      await this.busy;
      if (!this.stopped) this.timer = setTimeout(tick, tickMs);
    };
    void tick();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.busy;
  }

  /** Claims and runs one backfill to its end; returns whether there was one. */
  async runOne(): Promise<boolean> {
    const claimed = await sql<Backfill>`
      update backfills set status = 'running', updated_at = now()
      where id = (select id from backfills
                  where status = 'queued' or (status = 'running' and updated_at < now() - ${`${STALE_SECONDS} seconds`}::interval)
                  order by created_at limit 1 for update skip locked)
      returning id, organisation_id, topic_id, topic_version, last_mention_id`.execute(this.ctx.db);
    const backfill = claimed.rows[0];
    if (!backfill) return false;
    try {
      await this.run(backfill);
    } catch (error) {
      await this.ctx.db
        .updateTable("backfills")
        .set({ status: "failed", error: (error as Error).message.slice(0, 1000), updated_at: new Date() })
        .where("id", "=", backfill.id)
        .execute();
      throw error;
    }
    return true;
  }

  private async run(backfill: Backfill) {
    const topic = await this.ctx.db
      .selectFrom("topics")
      .select(["id", "query", "version"])
      .where("id", "=", backfill.topic_id)
      .executeTakeFirst();
    const parsed = topic ? parse(topic.query) : null;
    if (!topic || topic.version !== backfill.topic_version || !parsed?.ok) {
      await this.ctx.db
        .updateTable("backfills")
        .set({ status: "cancelled", updated_at: new Date() })
        .where("id", "=", backfill.id)
        .execute();
      return;
    }
    const matcher = new Matcher();
    matcher.add(topic.id, parsed.ast);
    let last = Number(backfill.last_mention_id);
    for (;;) {
      const rows = await selectMentionPosts(this.ctx.db, backfill.organisation_id)
        .select(["mentions.sentiment", "mentions.hashtags", "mentions.near_duplicate_of"])
        .where("mentions.id", ">", last)
        .orderBy("mentions.id")
        .limit(PAGE)
        .execute();
      if (rows.length === 0) break;
      const matched: StoredMention[] = [];
      for (const row of rows) {
        const post = postOfMention(row);
        const hits = matcher.match(post);
        if (hits.length === 0) continue;
        const input = {
          sentiment: row.sentiment ?? 0,
          sentimentLabel: row.sentiment_label ?? "neutral",
          hashtags: row.hashtags,
          terms: keyTerms(row.title ? `${row.title} ${row.text}` : row.text),
          matches: hits.map((h) => ({
            topicId: h.topicId,
            spans: h.spans.filter((s) => s.field === "text").map((s) => [s.start, s.end] as [number, number]),
          })),
        } as unknown as MentionInput;
        matched.push({
          id: Number(row.id),
          input,
          createdAt: new Date(row.created_at),
          duplicateOf: row.near_duplicate_of,
        });
      }
      last = Number(rows.at(-1)!.id);
      const stillRunning = await this.ctx.db.transaction().execute(async (trx) => {
        const counts = await updateRollups(trx, backfill.organisation_id, matched);
        const updated = await trx
          .updateTable("backfills")
          .set((eb) => ({
            processed: eb("processed", "+", rows.length),
            matched: eb("matched", "+", counts.get(topic.id) ?? 0),
            last_mention_id: last,
            updated_at: new Date(),
          }))
          .where("id", "=", backfill.id)
          .where("status", "=", "running")
          .returning(["processed", "matched", "total"])
          .executeTakeFirst();
        if (!updated) return false; // cancelled by a newer edit: this transaction's matches are dropped
        await recordEvent(
          trx,
          { userId: null, organisationId: backfill.organisation_id },
          {
            name: "backfill.progress",
            subjectType: "topic",
            subjectId: topic.id,
            audit: false,
            data: {
              backfillId: backfill.id,
              processed: updated.processed,
              matched: updated.matched,
              total: updated.total,
            },
          },
        );
        return true;
      });
      if (!stillRunning) return;
    }
    await this.ctx.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable("backfills")
        .set({ status: "done", updated_at: new Date() })
        .where("id", "=", backfill.id)
        .where("status", "=", "running")
        .returning(["processed", "matched"])
        .executeTakeFirst();
      if (done) {
        await recordEvent(
          trx,
          { userId: null, organisationId: backfill.organisation_id },
          {
            name: "backfill.finished",
            subjectType: "topic",
            subjectId: topic.id,
            audit: false,
            data: { backfillId: backfill.id, processed: done.processed, matched: done.matched },
          },
        );
      }
    });
  }
}
