import type { BreakdownResult, VolumeResult } from "../../api/dashboard";
import type { TopicSummary } from "../../api/topics";

const fmt = new Intl.NumberFormat();

/** The headline figures of the selected period, each with what it is in words. */
export function Kpis({
  volume,
  breakdown,
  names,
  loading,
}: {
  volume?: VolumeResult;
  breakdown?: BreakdownResult;
  names: Map<string, TopicSummary>;
  loading: boolean;
}) {
  const total = volume?.overall.total ?? 0;
  const pos = volume?.overall.positive.reduce((a, b) => a + b, 0) ?? 0;
  const neg = volume?.overall.negative.reduce((a, b) => a + b, 0) ?? 0;
  const net = pos + neg ? Math.round(((pos - neg) / (pos + neg)) * 100) : null;
  const leader = breakdown?.topics[0];
  const items = [
    { label: "Mentions", value: loading ? "…" : fmt.format(total), hint: "matched by the selected topics" },
    {
      label: "Net sentiment",
      value: net === null ? "–" : `${net > 0 ? "+" : ""}${net}`,
      hint: "positive minus negative, −100 to 100",
    },
    {
      label: "Negative",
      value: total ? `${Math.round((neg / total) * 100)} %` : "–",
      hint: `${fmt.format(neg)} mentions`,
    },
    {
      label: "Loudest topic",
      value: leader ? (names.get(leader.topicId)?.name ?? "–") : "–",
      hint: leader ? `${leader.share} % share of voice` : "no mentions yet",
    },
  ];
  return (
    <dl className="kpis">
      {items.map((k) => (
        <div key={k.label} className="kpi card">
          <dt>{k.label}</dt>
          <dd className={`kpi-value tabular${k.value.length > 12 ? " kpi-value-text" : ""}`} title={k.value}>
            {k.value}
          </dd>
          <dd className="kpi-hint">{k.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
