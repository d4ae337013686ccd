import type { Database } from "../../db/database";
import { topicSummaries } from "../listening/topics";
import { breakdown } from "../mentions/analytics/breakdown";

export type DigestPeriod = "daily" | "weekly";

export interface DigestTopic {
  topicId: string;
  name: string;
  kind: string;
  volume: number;
  previous: number;
  /** Percentage change against the previous period; null when it had nothing. */
  change: number | null;
  negativeShare: number;
  share: number;
}

export interface DigestContent {
  period: DigestPeriod;
  from: string;
  to: string;
  total: number;
  previousTotal: number;
  change: number | null;
  /** Biggest movers first (by absolute change in mentions). */
  topics: DigestTopic[];
  shareOfVoice: { name: string; share: number }[];
  alerts: { message: string; at: string; status: string }[];
}

const DAY = 86_400_000;
const pct = (now: number, before: number) =>
  before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10;

/**
 * The digest of the period ending at `end`: volume per topic against the period before, share of
 * voice among brands and competitors, negative share, and the alerts raised (given by the
 * caller, so this module does not reach into the alerts module's tables).
 */
export async function buildDigest(
  db: Database,
  organisationId: string,
  period: DigestPeriod,
  end: Date,
  alerts: DigestContent["alerts"] = [],
): Promise<DigestContent> {
  const span = period === "daily" ? DAY : 7 * DAY;
  const from = new Date(end.getTime() - span);
  const before = new Date(from.getTime() - span);
  const [now, prev, names] = await Promise.all([
    // Hourly buckets: a digest covers exactly its period, not the whole days around it.
    breakdown(db, organisationId, { from: from.toISOString(), to: end.toISOString() }, "hour"),
    breakdown(db, organisationId, { from: before.toISOString(), to: from.toISOString() }, "hour"),
    topicSummaries(db, organisationId),
  ]);
  const previous = new Map(prev.topics.map((t) => [t.topicId, t.volume]));
  const topics: DigestTopic[] = [...names].map(([topicId, topic]) => {
    const current = now.topics.find((t) => t.topicId === topicId);
    const volume = current?.volume ?? 0;
    const was = previous.get(topicId) ?? 0;
    return {
      topicId,
      name: topic.name,
      kind: topic.kind,
      volume,
      previous: was,
      change: pct(volume, was),
      negativeShare: volume ? Math.round(((current?.negative ?? 0) / volume) * 1000) / 10 : 0,
      share: current?.share ?? 0,
    };
  });
  topics.sort(
    (a, b) => Math.abs(b.volume - b.previous) - Math.abs(a.volume - a.previous) || b.volume - a.volume,
  );
  const voices = topics.filter((t) => t.kind === "brand" || t.kind === "competitor");
  const voiceTotal = voices.reduce((a, t) => a + t.volume, 0);
  return {
    period,
    from: from.toISOString(),
    to: end.toISOString(),
    total: now.total,
    previousTotal: prev.total,
    change: pct(now.total, prev.total),
    topics,
    shareOfVoice: voices
      .map((t) => ({ name: t.name, share: voiceTotal ? Math.round((t.volume / voiceTotal) * 1000) / 10 : 0 }))
      .sort((a, b) => b.share - a.share),
    alerts,
  };
}
