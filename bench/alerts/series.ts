import { DEFAULT_CRISIS_TERMS } from "../../server/modules/alerts/settings";
import { type DemoCrisis, demoCrisisSchedule } from "../../server/modules/ingestion/connectors/demo/crisis";
import { HOME_BRAND, PRODUCTS } from "../../server/modules/ingestion/connectors/demo/data/brands";
import { type DemoRaw, generateDemoPosts } from "../../server/modules/ingestion/connectors/demo/generate";
import { keyTerms } from "../../server/modules/ingestion/pipeline/terms";

export const HOUR = 3_600_000;
export const QUARTER = HOUR / 4;

export interface BenchTopic {
  id: string;
  kind: "brand" | "product" | "competitor";
  /** Which demo posts it matches (ground truth from `raw`, not the Boolean matcher). */
  matches: (raw: DemoRaw) => boolean;
}

/** Counts per quarter hour, so passes can judge partial hours as the evaluator does. */
export interface TopicSeries {
  topic: BenchTopic;
  volume: Int32Array;
  negative: Int32Array;
  terms: Map<string, Int32Array>;
}

export function benchTopics(): BenchTopic[] {
  const brands = [...new Set(PRODUCTS.map((p) => p.brand))];
  return [
    ...PRODUCTS.map((p) => ({
      id: p.id,
      kind: p.brand === HOME_BRAND ? ("product" as const) : ("competitor" as const),
      matches: (raw: DemoRaw) => raw.productId === p.id,
    })),
    ...brands.map((b) => ({
      id: `brand:${b}`,
      kind: b === HOME_BRAND ? ("brand" as const) : ("competitor" as const),
      matches: (raw: DemoRaw) => raw.brand === b,
    })),
  ];
}

const CRISIS_TERMS = new Set(DEFAULT_CRISIS_TERMS);

/**
 * Generates the demo market from `from` for `hours` and counts, per topic and quarter hour,
 * mentions, negative ones (ground-truth sentiment) and crisis terms (the pipeline's keyTerms,
 * plus hashtags of the same words).
 */
export function buildSeries(opts: {
  from: number;
  hours: number;
  seed: number;
  postsPerDay: number;
  crisis: false | DemoCrisis[];
}): { series: TopicSeries[]; posts: number } {
  const topics = benchTopics();
  const quarters = opts.hours * 4;
  const series = topics.map((topic) => ({
    topic,
    volume: new Int32Array(quarters),
    negative: new Int32Array(quarters),
    terms: new Map<string, Int32Array>(),
  }));
  let posts = 0;
  for (const post of generateDemoPosts({
    from: opts.from,
    to: opts.from + opts.hours * HOUR,
    seed: opts.seed,
    postsPerDay: opts.postsPerDay,
    crisis: opts.crisis,
  })) {
    posts++;
    const raw = post.raw as DemoRaw;
    const q = Math.floor((Date.parse(post.createdAt) - opts.from) / QUARTER);
    const found = new Set<string>();
    for (const t of keyTerms(post.text)) if (CRISIS_TERMS.has(t)) found.add(t);
    for (const m of post.text.matchAll(/#([\p{L}]+)/gu)) {
      const tag = m[1]!.toLowerCase();
      if (CRISIS_TERMS.has(tag)) found.add(tag);
    }
    for (const s of series) {
      if (!s.topic.matches(raw)) continue;
      s.volume[q]!++;
      if (raw.sentiment === "negative") s.negative[q]!++;
      for (const t of found) {
        const arr = s.terms.get(t) ?? new Int32Array(quarters);
        s.terms.set(t, arr);
        arr[q]!++;
      }
    }
  }
  return { series, posts };
}

/** Hourly sums of quarter counts up to quarter `q` (inclusive) in hour `q >> 2`. */
export function hourly(quarters: Int32Array, hours: number): number[] {
  const out = new Array<number>(hours).fill(0);
  for (let i = 0; i < quarters.length; i++) out[i >> 2]! += quarters[i]!;
  return out;
}

export function crises(from: number, hours: number, seed: number): DemoCrisis[] {
  return demoCrisisSchedule({ from: new Date(from), to: new Date(from + hours * HOUR), seed, everyDays: 7 });
}
