import { useMemo } from "react";
import { Link, useNavigate } from "react-router-dom";
import { type ListenFilters, useBreakdown, useVolume } from "../../api/dashboard";
import { type TopicSummary, useTopicSummaries } from "../../api/topics";
import { EmptyState, PageSpinner } from "../../ui";
import { IconListen } from "../../ui/icons";
import { EChart } from "../charts/EChart";
import { FilterBar } from "../charts/FilterBar";
import { drillHref, useListenFilters } from "../charts/filters";
import { channelLabel, countryLabel, intentLabel, languageLabel } from "../charts/labels";
import {
  breakdownOption,
  netSentimentOption,
  sentimentOption,
  shareOption,
  volumeOption,
} from "../charts/options";
import { ChartCard } from "./ChartCard";
import { Kpis } from "./Kpis";
import { TopLists } from "./TopLists";
import "./dashboard.css";

const STEP = { hour: 3_600_000, day: 86_400_000 };

/** Listen → Dashboard: what is said, how it feels, who says it; every chart drills into mentions. */
export function DashboardPage() {
  const { filters } = useListenFilters();
  const topics = useTopicSummaries();
  const volume = useVolume(filters);
  const breakdown = useBreakdown(filters);
  const navigate = useNavigate();
  const names = useMemo(() => new Map((topics.data ?? []).map((t) => [t.id, t])), [topics.data]);

  const charts = useMemo(
    () => buildOptions(volume.data, breakdown.data, names),
    [volume.data, breakdown.data, names],
  );
  if (topics.isPending) return <PageSpinner />;
  if ((topics.data ?? []).length === 0)
    return (
      <div className="card">
        <EmptyState icon={<IconListen size={24} />} title="No topics yet">
          <p>
            Dashboards chart what your topics match. Create one for your brand, a product or a competitor.
          </p>
          <Link to="/listen/topics" className="btn btn-primary">
            Create a topic
          </Link>
        </EmptyState>
      </div>
    );

  const go = (narrow: Partial<ListenFilters>) => navigate(drillHref(filters, narrow));
  const v = volume.data;
  return (
    <div className="dashboard">
      <FilterBar topics={topics.data ?? []} />
      <p className="dash-links">
        <Link to={drillHref(filters, {})}>See these mentions</Link>
        <span className="muted small">
          {v
            ? `${new Date(v.from).toUTCString().slice(5, 22)} – ${new Date(v.to).toUTCString().slice(5, 22)} UTC`
            : ""}
        </span>
      </p>
      <Kpis volume={v} breakdown={breakdown.data} names={names} loading={volume.isPending} />
      <div className="dash-grid">
        <ChartCard
          wide
          title="Volume over time"
          description="Mentions per topic, stacked. Click a point for its mentions."
          csv={["/api/dashboard/volume.csv", filters]}
        >
          {charts.volume && v ? (
            <EChart
              label={`Mentions per topic per ${v.interval}, stacked`}
              option={charts.volume}
              height={300}
              onClick={(e) => {
                const start = v.buckets[e.dataIndex];
                if (!start || !e.seriesId) return;
                const to = new Date(Date.parse(start) + STEP[v.interval]).toISOString();
                go({ topicIds: e.seriesId, from: start, to });
              }}
            />
          ) : null}
        </ChartCard>
        <ChartCard
          title="Net sentiment"
          description="Positive minus negative, as a share of both (−100 to 100)."
        >
          {charts.net ? <EChart label="Net sentiment over time" option={charts.net} /> : null}
        </ChartCard>
        <ChartCard
          title="Share of voice"
          description="Your brands against competitors."
          csv={["/api/dashboard/breakdown.csv", filters]}
        >
          {charts.share ? (
            <EChart
              label="Share of voice by topic"
              option={charts.share}
              onClick={(e) => go({ topicIds: (e.data as { id: string }).id })}
            />
          ) : null}
        </ChartCard>
        <ChartCard title="Sentiment">
          {charts.sentiment ? (
            <EChart
              label="Mentions by sentiment"
              option={charts.sentiment}
              height={180}
              onClick={(e) => e.name && go({ sentiments: e.name })}
            />
          ) : null}
        </ChartCard>
        {charts.bars.map((bar) => (
          <ChartCard
            key={bar.key}
            title={bar.title}
            description={
              bar.key === "countries" && (filters.channels || filters.languages || filters.intents)
                ? "Not cut by the channel, language or intent filter."
                : undefined
            }
          >
            {bar.option ? (
              <EChart
                label={`Mentions by ${bar.title.toLowerCase()}`}
                option={bar.option}
                height={Math.max(140, bar.count * 26 + 40)}
                onClick={(e) => {
                  const value = bar.values[e.dataIndex];
                  if (value !== undefined) go({ [bar.key]: value || undefined });
                }}
              />
            ) : (
              <p className="muted small">Nothing in this period.</p>
            )}
          </ChartCard>
        ))}
      </div>
      <TopLists filters={filters} />
    </div>
  );
}

function buildOptions(
  v: ReturnType<typeof useVolume>["data"],
  b: ReturnType<typeof useBreakdown>["data"],
  names: Map<string, TopicSummary>,
) {
  const name = (id: string) => names.get(id)?.name ?? "Deleted topic";
  const volume = v
    ? volumeOption(
        v.buckets,
        v.interval,
        v.series.map((s) => ({ id: s.topicId, name: name(s.topicId), values: s.volume })),
      )
    : null;
  const net = v ? netSentimentOption(v.buckets, v.interval, v.overall.netSentiment) : null;
  const voices =
    b?.topics.filter((t) => ["brand", "competitor"].includes(names.get(t.topicId)?.kind ?? "")) ?? [];
  const shareSlices = (voices.length >= 2 ? voices : (b?.topics ?? [])).map((t) => ({
    id: t.topicId,
    name: name(t.topicId),
    value: t.volume,
  }));
  const share = b ? shareOption(shareSlices) : null;
  const sentiment = b ? sentimentOption(b.sentiments) : null;
  const dims = [
    { key: "channels", title: "Channels", rows: b?.channels, label: channelLabel },
    { key: "languages", title: "Languages", rows: b?.languages, label: languageLabel },
    { key: "countries", title: "Countries", rows: b?.countries.slice(0, 10), label: countryLabel },
    { key: "intents", title: "Intents", rows: b?.intents, label: intentLabel },
  ] as const;
  const bars = dims.map((d) => {
    const rows = d.rows ?? [];
    return {
      key: d.key,
      title: d.title,
      count: rows.length,
      values: [...rows].reverse().map((r) => r.value),
      option: rows.length ? breakdownOption(rows.map((r) => ({ ...r, label: d.label(r.value) }))) : null,
    };
  });
  return { volume, net, share, sentiment, bars } as const;
}
