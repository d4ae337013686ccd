import type { NormalisedPost } from "../types";
import { crisisShape, type DemoCrisis, demoCrisisSchedule } from "./crisis";
import {
  BRAND_HANDLES,
  type DemoProduct,
  EMOJI,
  HASHTAGS,
  INTENT_MIX,
  type Intent,
  LANGUAGE_MIX,
  type Lang,
  PRODUCTS,
} from "./data/brands";
import { mix, mulberry32, pick, type Rng, weighted } from "./rng";
import { authorPool, COMPILED, fill, HOME_PRODUCTS, PRODUCT_BY_ID, RIVAL_PRODUCTS } from "./vocab";

const HOUR = 3_600_000;

/** Relative volume by hour of day (UTC): quiet nights, a lunchtime bump, an evening peak. */
const HOUR_SHAPE = [
  0.35, 0.25, 0.18, 0.15, 0.15, 0.2, 0.4, 0.7, 1.0, 1.2, 1.3, 1.35, 1.45, 1.4, 1.35, 1.35, 1.4, 1.5, 1.65,
  1.75, 1.7, 1.5, 1.1, 0.7,
];
const SHAPE_SUM = HOUR_SHAPE.reduce((a, b) => a + b, 0);
/** Outdoor people post more at weekends; weekday and weekend factors average to 1 over a week. */
const WEEKEND = 1.2;
const WEEKDAY = (7 - 2 * WEEKEND) / 5;

/** Ground truth kept in `raw`, so enrichment and matching can be scored against it. */
export interface DemoRaw {
  demo: true;
  intent: Intent;
  sentiment: "positive" | "negative" | "neutral";
  productId: string;
  brand: string;
  crisisId?: string;
}

export interface DemoGenerateOptions {
  from: Date | string | number;
  to: Date | string | number;
  seed: number;
  postsPerDay: number;
  /** false: none; a number: one crisis every N days (seeded); a list: exactly these. Default: every 7 days. */
  crisis?: false | number | DemoCrisis[];
}

const langOf = weighted(LANGUAGE_MIX);
const intentOf = weighted(INTENT_MIX);
const SENTIMENT: Record<Intent, DemoRaw["sentiment"]> = {
  praise: "positive",
  complaint: "negative",
  question: "neutral",
  suggestion: "neutral",
  purchase_intent: "positive",
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** "YYYY-MM-DDTHH:" + mm:ss.sssZ without a Date per post: this is the generator's hottest line. */
function isoInHour(prefix: string, msInHour: number): string {
  const ms = msInHour % 1000;
  const sec = Math.floor(msInHour / 1000);
  return `${prefix}${pad2(Math.floor(sec / 60))}:${pad2(sec % 60)}.${ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : ms}Z`;
}

export function expectedPostsInHour(hourIndex: number, postsPerDay: number): number {
  const date = new Date(hourIndex * HOUR);
  const dow = date.getUTCDay();
  const day = dow === 0 || dow === 6 ? WEEKEND : WEEKDAY;
  return ((postsPerDay * (HOUR_SHAPE[date.getUTCHours()] as number)) / SHAPE_SUM) * day;
}

/** Same-category products of other brands, precomputed: this runs for every post. */
const RIVALS = new Map(
  PRODUCTS.map((product) => {
    const same = PRODUCTS.filter((p) => p.category === product.category && p.brand !== product.brand);
    return [product.id, same.length ? same : RIVAL_PRODUCTS];
  }),
);
const rival = (rng: Rng, product: DemoProduct): DemoProduct =>
  pick(rng, RIVALS.get(product.id) as DemoProduct[]);

function decorate(
  rng: Rng,
  text: string,
  lang: Lang,
  product: DemoProduct,
  sentiment: string,
  crisis: boolean,
): string {
  let out = text;
  if (rng() < (crisis ? 0.3 : 0.12)) out = `${BRAND_HANDLES[product.brand]} ${out}`;
  if (rng() < 0.4) {
    const set = crisis
      ? EMOJI.crisis
      : sentiment === "positive"
        ? EMOJI.positive
        : sentiment === "negative"
          ? EMOJI.negative
          : EMOJI.neutral;
    out += ` ${pick(rng, set)}${rng() < 0.3 ? pick(rng, set) : ""}`;
  }
  if (rng() < 0.08) out += ` ${product.url}`;
  if (rng() < 0.3) {
    out += ` ${rng() < 0.5 ? pick(rng, COMPILED[lang].pack.hashtags) : pick(rng, HASHTAGS)}`;
    if (rng() < 0.3) out += crisis ? " #recall" : ` ${pick(rng, HASHTAGS)}`;
  }
  return out;
}

/**
 * All posts of one hour, deterministic in (seed, hour): any window over the same hours yields
 * the same posts, so a stream and a backfill agree and a restart replays identically.
 */
export function generateDemoHour(
  seed: number,
  hourIndex: number,
  postsPerDay: number,
  crises: DemoCrisis[],
): NormalisedPost[] {
  const rng = mulberry32(mix(seed, hourIndex));
  const startMs = hourIndex * HOUR;
  const base = expectedPostsInHour(hourIndex, postsPerDay);
  const regular = Math.max(0, Math.round(base * (0.85 + 0.3 * rng())));
  const active: { crisis: DemoCrisis; count: number }[] = [];
  let total = regular;
  for (const crisis of crises) {
    const shape = crisisShape(crisis, startMs);
    if (shape <= 0) continue;
    const count = Math.round((postsPerDay / 24) * crisis.peak * shape);
    active.push({ crisis, count });
    total += count;
  }
  const offsets = new Float64Array(total);
  for (let i = 0; i < total; i++) offsets[i] = rng();
  offsets.sort();
  const pool = authorPool(seed);
  const hourPrefix = new Date(startMs).toISOString().slice(0, 14);
  const posts: NormalisedPost[] = new Array(total);
  // Crisis posts are spread through the hour among the regular ones.
  let crisisLeft = total - regular;
  let activeIdx = 0;
  let activeLeft = active[0]?.count ?? 0;
  for (let i = 0; i < total; i++) {
    const isCrisis = crisisLeft > 0 && rng() * (total - i) < crisisLeft;
    let crisis: DemoCrisis | undefined;
    if (isCrisis) {
      while (activeLeft === 0 && activeIdx < active.length - 1)
        activeLeft = (active[++activeIdx] as { count: number }).count;
      crisis = active[activeIdx]?.crisis;
      activeLeft--;
      crisisLeft--;
    }
    const lang = langOf(rng);
    const c = COMPILED[lang];
    const product = crisis
      ? (PRODUCT_BY_ID.get(crisis.productId) as DemoProduct)
      : rng() < 0.68
        ? pick(rng, HOME_PRODUCTS)
        : pick(rng, RIVAL_PRODUCTS);
    const intent: Intent = crisis ? "complaint" : intentOf(rng);
    const sentiment = SENTIMENT[intent];
    const cat = product.category;
    const slots: Record<string, string> = {
      product: product.name,
      brand: product.brand,
      competitor: rival(rng, product).name,
      aspect: pick(rng, c.pack.aspects[cat]),
      issue: pick(rng, c.pack.issues[cat]),
      place: pick(rng, c.pack.places),
      time: pick(rng, c.pack.times),
    };
    slots.the = fill(c.the[cat], slots);
    slots.The = slots.the.charAt(0).toUpperCase() + slots.the.slice(1);
    if (crisis) slots.crisis = pick(rng, c.pack.crisisIssues[crisis.kind]);
    const template = pick(rng, crisis ? c.crisis : c.templates[intent]);
    let text = fill(template, slots);
    text = text.charAt(0).toUpperCase() + text.slice(1);
    text = decorate(rng, text, lang, product, sentiment, !!crisis);
    const author = pick(rng, pool[lang]);
    const id = `demo-${seed}-${hourIndex}-${i}`;
    const reach = Math.sqrt(author.followers);
    const raw: DemoRaw = { demo: true, intent, sentiment, productId: product.id, brand: product.brand };
    if (crisis) raw.crisisId = crisis.id;
    const post: NormalisedPost = {
      channel: "demo",
      externalId: id,
      text,
      url: `https://social.demo.example/@${author.handle}/${hourIndex}${i}`,
      author: author.profile,
      language: lang,
      createdAt: isoInHour(hourPrefix, Math.floor((offsets[i] as number) * HOUR)),
      engagement: {
        likes: Math.floor(rng() * reach * (crisis ? 3 : 1)),
        shares: Math.floor(rng() * reach * 0.2),
        replies: Math.floor(rng() * reach * 0.1),
      },
      raw,
    };
    if (author.country) post.country = author.country;
    // Some posts answer an earlier one in the same hour, so threads exist in the demo too.
    if (i > 0 && rng() < 0.06) {
      const parent = `demo-${seed}-${hourIndex}-${Math.floor(rng() * i)}`;
      post.replyToExternalId = parent;
      post.threadExternalId =
        (posts[Number(parent.slice(parent.lastIndexOf("-") + 1))] as NormalisedPost).threadExternalId ??
        parent;
    }
    posts[i] = post;
  }
  return posts;
}

export function resolveCrises(
  crisis: DemoGenerateOptions["crisis"],
  from: Date,
  to: Date,
  seed: number,
): DemoCrisis[] {
  if (crisis === false) return [];
  if (Array.isArray(crisis)) return crisis;
  return demoCrisisSchedule({ from, to, seed, everyDays: crisis ?? 7 });
}

/** Posts with createdAt in [from, to), oldest first; lazy, so a year-long backfill streams. */
export function* generateDemoPosts(opts: DemoGenerateOptions): Generator<NormalisedPost> {
  const from = new Date(opts.from);
  const to = new Date(opts.to);
  const crises = resolveCrises(opts.crisis, from, to, opts.seed);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  for (let h = Math.floor(fromMs / HOUR); h * HOUR < toMs; h++) {
    const edge = h * HOUR < fromMs || (h + 1) * HOUR > toMs;
    for (const post of generateDemoHour(opts.seed, h, opts.postsPerDay, crises)) {
      if (edge) {
        const t = Date.parse(post.createdAt);
        if (t < fromMs || t >= toMs) continue;
      }
      yield post;
    }
  }
}
