import type { BreakdownResult } from "./breakdown";
import { toCsv } from "./csv";
import type { TopItemsResult } from "./topItems";
import type { VolumeResult } from "./volume";

/** Each chart's data as the CSV its card offers: presenters, like the JSON ones. */

export function volumeCsv(v: VolumeResult): string {
  const rows = v.series.flatMap((s) =>
    v.buckets.map((bucket, i) => [
      bucket,
      s.topicId,
      s.volume[i],
      s.positive[i],
      s.negative[i],
      s.neutral[i],
      s.netSentiment[i],
    ]),
  );
  return toCsv(["bucket", "topic_id", "volume", "positive", "negative", "neutral", "net_sentiment"], rows);
}

export function breakdownCsv(b: BreakdownResult): string {
  const rows = [
    ...b.topics.map((t) => ["topic", t.topicId, t.volume, t.negative, t.sentiment, t.share]),
    ...(["channels", "languages", "countries", "intents", "sentiments"] as const).flatMap((d) =>
      b[d].map((s) => [d.slice(0, -1), s.value, s.volume, s.negative, s.sentiment, ""]),
    ),
  ];
  return toCsv(["dimension", "value", "volume", "negative", "mean_sentiment", "share_of_voice_pct"], rows);
}

export function topCsv(t: TopItemsResult): string {
  const rows = (["hashtags", "terms", "emoji", "authors"] as const).flatMap((kind) =>
    t[kind].map((r) => [kind.slice(0, -1), r.value, r.count]),
  );
  return toCsv(["kind", "value", "count"], rows);
}
