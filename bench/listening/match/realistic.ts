import type { Post } from "../../../shared/listening/types";
import { rng } from "./corpus";
import type { Vocabulary } from "./generate";

/**
 * "Realistic selectivity" workload. Real listening topics track specific brands and products:
 * in a firehose a post matches about 0–1 of 10k topics and most topics match 1e-5..1e-3 of
 * posts. The replayed corpora (sentiment tweets) mention almost no brands, so this workload
 * is partly SYNTHETIC, and says so:
 *
 * - brand terms are invented product-like names (syllable combinations checked to be absent
 *   from the corpus) plus the corpus's own hapax/dis legomena (words in 1–2 posts);
 * - context terms and exclusions are common corpus words (seen in 20–2,000 posts), as in
 *   "(brand) AND (review OR price) NOT (job OR giveaway)";
 * - a small, fixed fraction of the replayed posts (2% by default) gets ONE tracked brand
 *   mention inserted at a random word boundary, brands drawn with a Zipf-like skew (a few
 *   brands are talked about much more than the rest), sometimes capitalised, as a hashtag,
 *   as an @mention or followed by a model word ("zorvex pro").
 *
 * Query shapes (AND/OR/NOT, phrases, NEAR, wildcards, field filters, title:, {Exact}) are
 * the same generator as the dense workload; only the term pools differ.
 */

const ONSETS = [
  "b",
  "br",
  "c",
  "d",
  "dr",
  "f",
  "g",
  "gl",
  "k",
  "kr",
  "l",
  "m",
  "n",
  "p",
  "pl",
  "qu",
  "r",
  "s",
  "st",
  "t",
  "tr",
  "v",
  "z",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io"];
const CODAS = ["", "", "", "n", "r", "x", "l", "s", "k"];
const SUFFIXES = ["", "", "ex", "ora", "ify", "ly", "io", "a", "on", "ix"];
/** Model words that follow a brand in product names ("zorvex pro"). */
export const MODEL_WORDS = ["pro", "max", "mini", "plus", "ultra", "air", "lite", "go"];

/** Invented brand-like names, none of them a corpus word. Deterministic per seed. */
export function syntheticBrands(count: number, exclude: ReadonlyMap<string, number>, seed = 99): string[] {
  const r = rng(seed);
  const pick = (a: string[]) => a[Math.floor(r() * a.length)]!;
  const out = new Set<string>();
  for (let guard = 0; out.size < count && guard < count * 20; guard++) {
    const syllables = 2 + Math.floor(r() * 2);
    let w = "";
    for (let s = 0; s < syllables; s++)
      w += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : "");
    w += pick(SUFFIXES);
    if (w.length >= 5 && w.length <= 12 && !exclude.has(w)) out.add(w);
  }
  return [...out];
}

export interface RealisticWorkload {
  vocabulary: Vocabulary;
  /** Tracked brand names (synthetic ones only: those are what the injector inserts). */
  brands: string[];
  hapax: number;
}

/**
 * A vocabulary for `generateQueries` whose brand-side terms are rare: synthetic brands
 * (about 1.2 per topic) plus corpus hapax/dis legomena; context/exclusion terms common.
 */
export function realisticVocabulary(base: Vocabulary, topics: number, seed = 99): RealisticWorkload {
  const brands = syntheticBrands(Math.max(200, Math.round(topics * 1.2)), base.df, seed);
  const rare = [...base.df.entries()]
    .filter(([w, n]) => n <= 2 && /^[a-z][a-z]{4,}$/.test(w))
    .map(([w]) => w)
    .sort();
  const r = rng(seed + 1);
  const model = () => MODEL_WORDS[Math.floor(r() * MODEL_WORDS.length)]!;
  const band = (lo: number, hi: number) =>
    [...base.df.entries()]
      .filter(([w, n]) => n >= lo && n <= hi && /^[a-z][a-z']{2,}$/.test(w))
      .map(([w]) => w)
      .sort();
  // Brand side: 4 synthetic names for each corpus rare word, so injected mentions dominate.
  const brandPool = [...brands, ...rare.slice(0, Math.ceil(brands.length / 4))];
  const vocabulary: Vocabulary = {
    posts: base.posts,
    df: base.df,
    brand: brandPool,
    context: band(20, 2000),
    exclude: band(20, 1000),
    bigrams: brands.map((b) => `${b} ${model()}`),
    trigrams: brands.map((b) => `${b} ${model()} review`),
    hashtags: brands,
    mentions: brands,
    cased: brands.map((b) => b[0]!.toUpperCase() + b.slice(1)),
    // Wildcards stem brand names ("zorve*"), never a rare English word ("conce*").
    stemmable: brands,
  };
  return { vocabulary, brands, hapax: rare.length };
}

export interface Injection {
  posts: Post[];
  injected: number;
}

/**
 * Copies the corpus with one tracked-brand mention inserted into `rate` of the posts (and
 * never into the rest): brand rank drawn Zipf-like (s≈1), shown in the same forms people
 * write brands in.
 */
export function injectMentions(posts: Post[], brands: string[], rate = 0.02, seed = 123): Injection {
  const r = rng(seed);
  // Zipf(1) by inverse CDF over harmonic weights.
  const cdf = new Float64Array(brands.length);
  let acc = 0;
  for (let i = 0; i < brands.length; i++) cdf[i] = acc += 1 / (i + 1);
  const zipf = () => {
    const x = r() * acc;
    let lo = 0;
    let hi = brands.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return brands[lo]!;
  };
  let injected = 0;
  const out = posts.map((p) => {
    if (r() >= rate || brands.length === 0) return p;
    injected++;
    const b = zipf();
    const f = r();
    const mention =
      f < 0.4
        ? b[0]!.toUpperCase() + b.slice(1)
        : f < 0.55
          ? `#${b}`
          : f < 0.65
            ? `@${b}`
            : f < 0.8
              ? `${b} ${MODEL_WORDS[Math.floor(r() * MODEL_WORDS.length)]}`
              : b;
    const words = p.text.split(" ");
    const at = Math.floor(r() * (words.length + 1));
    words.splice(at, 0, mention);
    return { ...p, text: words.join(" ") };
  });
  return { posts: out, injected };
}
