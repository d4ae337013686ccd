/**
 * Alert detection on the demo market: `npm run bench:alerts`.
 * (a) A quiet stream (crises off) for --weeks weeks after a 2-week warm-up: false alarms per
 *     week per topic, by topic kind and alert kind.
 * (b) The same market with its seeded crises (one every 7 days): detection delay from crisis
 *     start to the first alert on the crisis product's topic, hit rate, and false alarms
 *     elsewhere. Passes run every 15 minutes of data time, judging the partial current hour
 *     and the closed one before it, as the evaluator does.
 * Peers on the same series: a fixed 3× the trailing-24 h mean, and a plain z ≥ 3 on the
 * trailing 24 h (both with the same minimum count of 10 and the same partial-hour scaling).
 * Topics are counted from the generator's ground truth (`raw.productId`, `raw.brand`) rather
 * than the Boolean matcher, which would only slow the run down; sentiment is ground truth too.
 *   --weeks N (default 8)  --posts-per-day N (default 3000)  --seed N (default 7)
 */
import { parseArgs } from "node:util";
import {
  DEFAULT_DETECTOR,
  detectKeywordSpike,
  detectNegativeSpike,
  detectVolumeSpike,
} from "../../server/modules/alerts/detect";
import type { DemoCrisis } from "../../server/modules/ingestion/connectors/demo/crisis";
import { buildSeries, crises, HOUR, hourly, QUARTER, type TopicSeries } from "./series";

const { values } = parseArgs({
  options: {
    weeks: { type: "string", default: "8" },
    "posts-per-day": { type: "string", default: "3000" },
    seed: { type: "string", default: "7" },
  },
});
const WEEKS = Number(values.weeks);
const PER_DAY = Number(values["posts-per-day"]);
const SEED = Number(values.seed);
const WARMUP = 14 * 24;
const HOURS = WARMUP + WEEKS * 7 * 24;
// A Monday, so weeks line up with calendar weeks.
const FROM = Date.UTC(2025, 0, 6);
const DEDUP = 6;

type Method = "chorus" | "naive-3x" | "naive-z";
interface Alert {
  method: Method;
  topic: string;
  topicKind: string;
  kind: string;
  hour: number;
  /** Data time of the pass that raised it (ms since FROM). */
  at: number;
}

function mean(xs: number[], from: number, to: number) {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s / (to - from);
}

function naive3x(v: number[], i: number, f: number) {
  if (i < 24 || v[i]! < 10) return false;
  return v[i]! >= 3 * mean(v, i - 24, i) * f;
}

function naiveZ(v: number[], i: number, f: number) {
  if (i < 24 || v[i]! < 10) return false;
  const m = mean(v, i - 24, i);
  let ss = 0;
  for (let k = i - 24; k < i; k++) ss += (v[k]! - m) ** 2;
  const sd = Math.max(1, Math.sqrt(ss / 23)) * f;
  return (v[i]! - m * f) / sd >= 3;
}

/** Runs the passes over every topic; returns de-duplicated alerts per method. */
function simulate(series: TopicSeries[]): Alert[] {
  const alerts: Alert[] = [];
  for (const s of series) {
    const volume = hourly(s.volume, HOURS);
    const negative = hourly(s.negative, HOURS);
    const terms = [...s.terms].map(([term, q]) => [term, hourly(q, HOURS)] as const);
    const last = new Map<string, number>();
    const raise = (method: Method, kind: string, hour: number, at: number) => {
      const key = `${method}|${kind}`;
      const end = last.get(key);
      if (end !== undefined && hour <= end + DEDUP && hour >= end - DEDUP) {
        last.set(key, Math.max(end, hour));
        return;
      }
      last.set(key, hour);
      if (hour >= WARMUP) alerts.push({ method, topic: s.topic.id, topicKind: s.topic.kind, kind, hour, at });
    };
    for (let q = (WARMUP - 24) * 4; q < HOURS * 4; q++) {
      const L = q >> 2;
      const f = ((q & 3) + 1) / 4;
      // Hour L as far as the data has reached (quarters 4L..q), restored after the pass.
      const full = [volume[L]!, negative[L]!, ...terms.map(([, t]) => t[L]!)];
      let pv = 0,
        pn = 0;
      for (let k = L * 4; k <= q; k++) {
        pv += s.volume[k]!;
        pn += s.negative[k]!;
      }
      volume[L] = pv;
      negative[L] = pn;
      terms.forEach(([term, t]) => {
        let c = 0;
        for (let k = L * 4; k <= q; k++) c += s.terms.get(term)![k]!;
        t[L] = c;
      });
      const at = (q + 1) * QUARTER;
      for (const [i, frac] of [
        [L - 1, 1],
        [L, f],
      ] as const) {
        if (detectVolumeSpike(volume, FROM, 0, i, frac)) raise("chorus", "volume_spike", i, at);
        if (detectNegativeSpike(volume, negative, 0, i, frac)) raise("chorus", "negative_spike", i, at);
        for (const [term, t] of terms)
          if (detectKeywordSpike(t, volume, 0, i, frac)) raise("chorus", `keyword:${term}`, i, at);
        if (frac >= DEFAULT_DETECTOR.minFraction) {
          if (naive3x(volume, i, frac)) raise("naive-3x", "volume_spike", i, at);
          if (naiveZ(volume, i, frac)) raise("naive-z", "volume_spike", i, at);
        }
      }
      volume[L] = full[0]!;
      negative[L] = full[1]!;
      terms.forEach(([, t], k) => {
        t[L] = full[2 + k]!;
      });
    }
  }
  return alerts;
}

const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "—");
const kindOf = (k: string) => (k.startsWith("keyword:") ? "keyword" : k);

function quiet() {
  const t0 = performance.now();
  const { series, posts } = buildSeries({
    from: FROM,
    hours: HOURS,
    seed: SEED,
    postsPerDay: PER_DAY,
    crisis: false,
  });
  const alerts = simulate(series);
  const kinds = [...new Set(series.map((s) => s.topic.kind))];
  console.log(
    `\n(a) quiet stream: ${WEEKS} weeks after a 2-week warm-up, ${posts.toLocaleString()} posts, ${series.length} topics, ${fmt((performance.now() - t0) / 1000, 1)} s`,
  );
  console.log(
    "false alarms per week per topic      volume  negative  keyword   | naive-3x  naive-z (volume)",
  );
  for (const kind of kinds) {
    const n = series.filter((s) => s.topic.kind === kind).length;
    const rate = (method: Method, k: string) =>
      alerts.filter((a) => a.method === method && a.topicKind === kind && kindOf(a.kind) === k).length /
      WEEKS /
      n;
    console.log(
      `  ${kind.padEnd(12)} (${String(n).padStart(2)} topics)      ${fmt(rate("chorus", "volume_spike")).padStart(6)}  ${fmt(rate("chorus", "negative_spike")).padStart(8)}  ${fmt(rate("chorus", "keyword")).padStart(7)}   | ${fmt(rate("naive-3x", "volume_spike")).padStart(8)}  ${fmt(rate("naive-z", "volume_spike")).padStart(7)}`,
    );
  }
  const all = (m: Method, k?: string) =>
    alerts.filter((a) => a.method === m && (!k || kindOf(a.kind) === k)).length / WEEKS / series.length;
  console.log(
    `  all topics: chorus ${fmt(all("chorus"))} (volume ${fmt(all("chorus", "volume_spike"))}), naive-3x ${fmt(all("naive-3x"))}, naive-z ${fmt(all("naive-z"))} per topic-week`,
  );
}

function withCrises(peak?: number) {
  const list = crises(FROM, HOURS, SEED)
    .filter((c) => Date.parse(c.start) >= FROM + WARMUP * HOUR && Date.parse(c.end) <= FROM + HOURS * HOUR)
    .map((c) => (peak === undefined ? c : { ...c, peak }));
  const { series } = buildSeries({
    from: FROM,
    hours: HOURS,
    seed: SEED,
    postsPerDay: PER_DAY,
    crisis: list,
  });
  const alerts = simulate(series);
  const ember = hourly(series.find((s) => s.topic.id === "ember")!.volume, HOURS);
  const usual = ember.slice(0, WARMUP).reduce((a, b) => a + b, 0) / WARMUP;
  const extra = (PER_DAY / 24) * (peak ?? 4.5);
  console.log(
    peak === undefined
      ? `\n(b) with ${list.length} seeded crises (6–12 h each, peak 3–6× the market's hourly volume):`
      : `\n(c) the same ${list.length} crises scaled to peak ${peak}× the market's hourly volume: ≈${Math.round(extra)} extra posts/h at the peak, a third of that in the first hour (the Ember topic averages ${fmt(usual, 1)}/h)`,
  );
  const delays = (method: Method, kind?: string) =>
    list.map((c: DemoCrisis) => {
      const start = Date.parse(c.start) - FROM;
      const end = Date.parse(c.end) - FROM;
      const first = alerts
        .filter((a) => a.method === method && a.topic === c.productId && (!kind || kindOf(a.kind) === kind))
        .filter((a) => a.at > start && a.at <= end)
        .sort((a, b) => a.at - b.at)[0];
      return first ? (first.at - start) / HOUR : null;
    });
  const row = (label: string, d: (number | null)[]) => {
    const hits = d.filter((x): x is number => x !== null).sort((a, b) => a - b);
    const med = hits.length ? hits[Math.floor((hits.length - 1) / 2)]! : Number.NaN;
    const avg = hits.length ? hits.reduce((a, b) => a + b, 0) / hits.length : Number.NaN;
    console.log(
      `  ${label.padEnd(26)} hit ${hits.length}/${d.length}   delay median ${fmt(med)} h   mean ${fmt(avg)} h   max ${fmt(hits.at(-1) ?? Number.NaN)} h`,
    );
    return avg;
  };
  row("chorus, any kind", delays("chorus"));
  const ours = row("chorus, volume spike", delays("chorus", "volume_spike"));
  row("chorus, negative share", delays("chorus", "negative_spike"));
  row("chorus, keyword", delays("chorus", "keyword"));
  const n3 = row("naive 3× trailing mean", delays("naive-3x"));
  const nz = row("naive z ≥ 3 on 24 h", delays("naive-z"));
  console.log(
    `  mean volume-alert delay ratio (over the crises each one caught): naive-3x / chorus = ${fmt(n3 / ours)}, naive-z / chorus = ${fmt(nz / ours)}`,
  );
  const crisisTopics = (a: Alert) =>
    list.some((c) => {
      const start = Date.parse(c.start) - FROM - DEDUP * HOUR;
      const end = Date.parse(c.end) - FROM + DEDUP * HOUR;
      return (a.topic === c.productId || a.topic.startsWith("brand:Halcyon")) && a.at >= start && a.at <= end;
    });
  for (const m of ["chorus", "naive-3x", "naive-z"] as Method[]) {
    const fa = alerts.filter((a) => a.method === m && !crisisTopics(a)).length;
    console.log(
      `  ${m.padEnd(9)} alerts outside the crisis topics and windows: ${fa} (${fmt(fa / WEEKS / series.length)} per topic-week)`,
    );
  }
}

console.log(
  `bench:alerts — demo market, ${PER_DAY} posts/day, seed ${SEED}, passes every 15 min of data time; detector z ≥ ${DEFAULT_DETECTOR.zThreshold}, min ${DEFAULT_DETECTOR.minCount}, ratio ≥ ${DEFAULT_DETECTOR.minRatio}`,
);
quiet();
withCrises();
for (const peak of [0.5, 0.2, 0.1]) withCrises(peak);
