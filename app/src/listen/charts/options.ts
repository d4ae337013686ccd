import type { EChartsCoreOption } from "echarts/core";

/** Categorical palette (distinct in hue and lightness; the first matches the app's accent). */
export const PALETTE = [
  "#4f46e5",
  "#0d9488",
  "#d97706",
  "#db2777",
  "#0284c7",
  "#7c3aed",
  "#65a30d",
  "#dc2626",
  "#475569",
  "#c026d3",
];
export const SENTIMENT_COLOURS = { positive: "#1c7c44", neutral: "#8b8f99", negative: "#c52b2b" } as const;

const axisLabel = { color: "#5c606b", fontSize: 11 };
const grid = { left: 44, right: 16, top: 36, bottom: 28, containLabel: false };

function bucketLabel(iso: string, interval: "hour" | "day"): string {
  const d = new Date(iso);
  return interval === "hour"
    ? d.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })
    : d.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
}

export interface NamedSeries {
  id: string;
  name: string;
  values: number[];
}

/** Stacked area: volume per topic over time. Series ids are topic ids (used by drill-down). */
export function volumeOption(
  buckets: string[],
  interval: "hour" | "day",
  series: NamedSeries[],
): EChartsCoreOption {
  return {
    color: PALETTE,
    grid,
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0, textStyle: axisLabel },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: buckets.map((b) => bucketLabel(b, interval)),
      axisLabel,
    },
    yAxis: { type: "value", minInterval: 1, axisLabel },
    series: series.map((s) => ({
      id: s.id,
      name: s.name,
      type: "line",
      stack: "volume",
      areaStyle: { opacity: 0.55 },
      symbol: "none",
      lineStyle: { width: 1 },
      emphasis: { focus: "series" },
      data: s.values,
    })),
  };
}

/** Net sentiment (−100…100) per bucket; gaps where there was nothing positive or negative. */
export function netSentimentOption(
  buckets: string[],
  interval: "hour" | "day",
  values: (number | null)[],
): EChartsCoreOption {
  return {
    grid,
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (v === null || v === undefined ? "–" : `${v}`),
    },
    xAxis: { type: "category", data: buckets.map((b) => bucketLabel(b, interval)), axisLabel },
    yAxis: { type: "value", min: -100, max: 100, axisLabel },
    series: [
      {
        id: "net",
        name: "Net sentiment",
        type: "line",
        connectNulls: false,
        // Visible dots: a period with one busy bucket still shows its figure.
        symbol: "circle",
        symbolSize: 5,
        lineStyle: { width: 2, color: PALETTE[0] },
        areaStyle: { opacity: 0.12, color: PALETTE[0] },
        markLine: { silent: true, symbol: "none", data: [{ yAxis: 0 }], lineStyle: { color: "#c9cbd2" } },
        data: values,
      },
    ],
  };
}

/** Share of voice as a donut; slice ids are topic ids. */
export function shareOption(slices: { id: string; name: string; value: number }[]): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { type: "scroll", bottom: 0, textStyle: axisLabel },
    series: [
      {
        id: "share",
        name: "Share of voice",
        type: "pie",
        radius: ["45%", "72%"],
        center: ["50%", "45%"],
        label: { formatter: "{d}%", color: "#1b1c20" },
        data: slices.map((s) => ({ id: s.id, name: s.name, value: s.value })),
      },
    ],
  };
}

/** Horizontal bars for one breakdown, negative part in red so problems stand out. */
export function breakdownOption(
  slices: { value: string; label: string; volume: number; negative: number }[],
): EChartsCoreOption {
  const rows = [...slices].reverse();
  return {
    grid: { left: 96, right: 24, top: 8, bottom: 20 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1, axisLabel },
    yAxis: {
      type: "category",
      data: rows.map((r) => r.label),
      axisLabel: { ...axisLabel, width: 88, overflow: "truncate" },
    },
    series: [
      {
        id: "other",
        name: "Not negative",
        type: "bar",
        stack: "v",
        color: PALETTE[0],
        data: rows.map((r) => r.volume - r.negative),
      },
      {
        id: "negative",
        name: "Negative",
        type: "bar",
        stack: "v",
        color: SENTIMENT_COLOURS.negative,
        data: rows.map((r) => r.negative),
      },
    ],
  };
}

/** Sentiment classes as one bar each in their own colour. */
export function sentimentOption(slices: { value: string; volume: number }[]): EChartsCoreOption {
  const order = ["positive", "neutral", "negative"] as const;
  return {
    grid: { left: 72, right: 24, top: 8, bottom: 20 },
    tooltip: { trigger: "item" },
    xAxis: { type: "value", minInterval: 1, axisLabel },
    yAxis: { type: "category", data: [...order].reverse(), axisLabel },
    series: [
      {
        id: "sentiment",
        name: "Mentions",
        type: "bar",
        data: [...order].reverse().map((label) => ({
          name: label,
          value: slices.find((s) => s.value === label)?.volume ?? 0,
          itemStyle: { color: SENTIMENT_COLOURS[label] },
        })),
      },
    ],
  };
}
