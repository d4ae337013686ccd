import { type Selectable, sql, type Transaction } from "kysely";
import type { AppContext } from "../../context";
import type { DB } from "../../db/schema";
import { recordEvent } from "../../events/record";
import { hourlySeries, latestMentionAt, termCounts, topicActivity } from "../mentions/series";
import {
  DEFAULT_DETECTOR,
  type DetectorConfig,
  detectKeywordSpike,
  detectNegativeSpike,
  detectVolumeSpike,
  type Finding,
  HOUR_MS,
  ratioText,
} from "./detect";
import { loadSettings } from "./settings";
import type { AlertKind, AlertsTable } from "./tables";

/** History read per pass: four weeks, enough for the weekday/weekend factors. */
const HISTORY_HOURS = 28 * 24;
/** An alert whose window ended at most this many data-hours ago is extended, not repeated. */
export const DEDUP_HOURS = 6;

export type AlertRow = Selectable<AlertsTable>;

export interface EvaluationResult {
  /** New alerts, committed: the caller delivers them. */
  raised: (AlertRow & { topicName: string })[];
  updated: number;
}

interface Candidate extends Finding {
  topicId: string;
  topicName: string;
  kind: AlertKind;
  term: string;
  hour: Date;
  partial: boolean;
  /** Mentions in the hour (negative share only, for the message). */
  volume?: number;
}

const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const hourLabel = (hour: Date) =>
  `${hour.toISOString().slice(0, 10)} ${hour.toISOString().slice(11, 16)} UTC`;
const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
const pct = (p: number) => `${Math.round(p * 100)}%`;

export function alertMessage(c: Omit<Candidate, "topicId" | "score">): string {
  const when = `${c.partial ? "so far in" : "in"} the hour from ${hourLabel(c.hour)}`;
  if (c.kind === "volume_spike")
    return `${c.topicName}: ${c.observed} mentions ${when}, ${ratioText(c.observed, c.expected)} the usual ${round(c.expected)}`;
  if (c.kind === "negative_spike")
    return `${c.topicName}: ${pct(c.observed)} negative ${when}${c.volume ? ` (${Math.round(c.observed * c.volume)} of ${c.volume} mentions)` : ""}, usually ${pct(c.expected)}`;
  return `${c.topicName}: "${c.term}" in ${c.observed} mentions ${when}, usually ${round(c.expected)}`;
}

/**
 * One evaluation of an organisation's topics, in data time: for each topic, the hour of its
 * newest mention (partial: judged against the expected value scaled by the fraction of the
 * hour the organisation's data has reached, once that is ≥ 25 %) and the hour before it
 * (closed). Findings extend an alert of the same key active in the last 6 data-hours or raise
 * a new one; a per-organisation advisory lock and a unique key keep passes in several
 * processes from raising twice. Delivery is the caller's, after commit.
 */
export async function evaluateAlerts(
  ctx: Pick<AppContext, "db">,
  organisationId: string,
  options: { detector?: DetectorConfig } = {},
): Promise<EvaluationResult> {
  const config = options.detector ?? DEFAULT_DETECTOR;
  const settings = await loadSettings(ctx.db, organisationId);
  if (!settings.enabled) return { raised: [], updated: 0 };
  const now = await latestMentionAt(ctx.db, organisationId);
  if (!now) return { raised: [], updated: 0 };
  const nowMs = now.getTime();
  const since = new Date(floorHour(nowMs) - HISTORY_HOURS * HOUR_MS);
  const topics = (await topicActivity(ctx.db, organisationId, since)).filter(
    (t) => t.latestAt && t.firstHour && t.latestAt.getTime() >= since.getTime(),
  );
  if (topics.length === 0) return { raised: [], updated: 0 };
  const ids = topics.map((t) => t.topicId);
  const to = new Date(floorHour(nowMs));
  const points = await hourlySeries(ctx.db, organisationId, ids, since, to);
  const terms = await termCounts(ctx.db, organisationId, ids, settings.crisisTerms, since, to);

  const candidates: Candidate[] = [];
  const length = HISTORY_HOURS + 1;
  for (const topic of topics) {
    const latestHour = floorHour(topic.latestAt!.getTime());
    const start = latestHour - HISTORY_HOURS * HOUR_MS;
    const at = (hour: Date) => Math.round((hour.getTime() - start) / HOUR_MS);
    const volume = new Array<number>(length).fill(0);
    const negative = new Array<number>(length).fill(0);
    for (const p of points) {
      if (p.topicId !== topic.topicId) continue;
      const i = at(p.hour);
      if (i < 0 || i >= length) continue;
      volume[i] = p.volume;
      negative[i] = p.negative;
    }
    const byTerm = new Map<string, number[]>();
    for (const t of terms) {
      if (t.topicId !== topic.topicId) continue;
      const i = at(t.hour);
      if (i < 0 || i >= length) continue;
      const series = byTerm.get(t.term) ?? new Array<number>(length).fill(0);
      series[i] = (series[i] ?? 0) + t.count;
      byTerm.set(t.term, series);
    }
    const firstIndex = Math.max(0, at(topic.firstHour!));
    // The newest hour is partial while the organisation's data clock is still inside it.
    const fraction = Math.min(1, (nowMs - latestHour) / HOUR_MS);
    for (const [index, f] of [
      [length - 2, 1],
      [length - 1, fraction],
    ] as const) {
      const hour = new Date(start + index * HOUR_MS);
      const base = { topicId: topic.topicId, topicName: topic.name, hour, partial: f < 1 };
      const v = detectVolumeSpike(volume, start, firstIndex, index, f, config);
      if (v) candidates.push({ ...base, ...v, kind: "volume_spike", term: "" });
      const n = detectNegativeSpike(volume, negative, firstIndex, index, f, config);
      if (n) candidates.push({ ...base, ...n, kind: "negative_spike", term: "", volume: volume[index] ?? 0 });
      for (const [term, counts] of byTerm) {
        const k = detectKeywordSpike(counts, volume, firstIndex, index, f, config);
        if (k) candidates.push({ ...base, ...k, kind: "keyword", term });
      }
    }
  }
  if (candidates.length === 0) return { raised: [], updated: 0 };

  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`chorus:alerts:${organisationId}`}))`.execute(trx);
    const raised: EvaluationResult["raised"] = [];
    let updated = 0;
    for (const c of candidates) {
      const result = await upsertAlert(trx, organisationId, c);
      if (result.raised) raised.push({ ...result.raised, topicName: c.topicName });
      if (result.updated) updated++;
    }
    return { raised, updated };
  });
}

async function upsertAlert(trx: Transaction<DB>, organisationId: string, c: Candidate) {
  const message = alertMessage(c);
  const existing = await trx
    .selectFrom("alerts")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("topic_id", "=", c.topicId)
    .where("kind", "=", c.kind)
    .where("term", "=", c.term)
    .where("window_end", ">=", new Date(c.hour.getTime() - DEDUP_HOURS * HOUR_MS))
    .where("window_start", "<=", new Date(c.hour.getTime() + DEDUP_HOURS * HOUR_MS))
    .orderBy("window_end", "desc")
    .limit(1)
    .executeTakeFirst();
  if (existing) {
    const later = c.hour.getTime() > existing.window_end.getTime();
    const earlier = c.hour.getTime() < existing.window_start.getTime();
    const higher = c.observed > existing.observed;
    if (!later && !earlier && !higher) return { raised: null, updated: false };
    await trx
      .updateTable("alerts")
      .set({
        window_start: earlier ? c.hour : existing.window_start,
        window_end: later ? c.hour : existing.window_end,
        ...(higher ? { observed: c.observed, expected: c.expected, score: c.score, message } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", existing.id)
      .execute();
    await recordEvent(
      trx,
      { userId: null, organisationId },
      {
        name: "alert.updated",
        subjectType: "alert",
        subjectId: existing.id,
        audit: false,
        data: { kind: c.kind, topicId: c.topicId, observed: Math.max(c.observed, existing.observed) },
      },
    );
    return { raised: null, updated: true };
  }
  const row = await trx
    .insertInto("alerts")
    .values({
      organisation_id: organisationId,
      topic_id: c.topicId,
      kind: c.kind,
      term: c.term,
      window_start: c.hour,
      window_end: c.hour,
      observed: c.observed,
      expected: c.expected,
      score: c.score,
      message,
      // Millisecond precision, like the cursor: rows raised in one transaction share now()'s
      // microseconds, which a JS Date cannot carry, and keyset pages would skip them.
      created_at: new Date(),
    })
    .onConflict((oc) => oc.columns(["topic_id", "kind", "term", "window_start"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) return { raised: null, updated: false };
  await recordEvent(
    trx,
    { userId: null, organisationId },
    {
      name: "alert.raised",
      subjectType: "alert",
      subjectId: row.id,
      audit: false,
      data: { kind: c.kind, topicId: c.topicId, term: c.term || null, message },
    },
  );
  return { raised: row, updated: false };
}
