import type { TermCost } from "../../../shared/listening/match/presearch";
import { TokenKind, tokenize } from "../../../shared/listening/text/tokenize";
import type { Post } from "../../../shared/listening/types";
import { rng } from "./corpus";

export interface Vocabulary {
  posts: number;
  df: Map<string, number>;
  /** Rare-ish words, the way brand names and products are rare. */
  brand: string[];
  /** Mid-frequency words used as context terms. */
  context: string[];
  exclude: string[];
  bigrams: string[];
  trigrams: string[];
  hashtags: string[];
  mentions: string[];
  /** Words seen with capitals, for {Exact} terms. */
  cased: string[];
  /** Words wildcard terms are stemmed from (default: `brand`). */
  stemmable?: string[];
}

const WORD_RE = /^[a-z][a-z']{2,}$/;

export function buildVocabulary(posts: Post[]): Vocabulary {
  const df = new Map<string, number>();
  const grams = new Map<string, number>();
  const tri = new Map<string, number>();
  const hashtags = new Set<string>();
  const mentions = new Set<string>();
  const cased = new Set<string>();
  for (const p of posts) {
    const t = tokenize(p.text);
    const seen = new Set<string>();
    for (let i = 0; i < t.count; i++) {
      const norm = t.norm[i]!;
      if (!seen.has(norm)) {
        seen.add(norm);
        df.set(norm, (df.get(norm) ?? 0) + 1);
      }
      if (t.kind[i] === TokenKind.Hashtag && WORD_RE.test(norm)) hashtags.add(norm);
      if (t.kind[i] === TokenKind.Mention && /^[a-z0-9_]{3,}$/.test(norm)) mentions.add(norm);
      if (t.kind[i] === TokenKind.Word && /^[A-Z][a-z]{3,}$/.test(t.orig[i]!)) cased.add(t.orig[i]!);
      if (i + 1 < t.count && t.kind[i] === TokenKind.Word && t.kind[i + 1] === TokenKind.Word) {
        const a = t.norm[i]!;
        const b = t.norm[i + 1]!;
        if (WORD_RE.test(a) && WORD_RE.test(b)) {
          const g = `${a} ${b}`;
          grams.set(g, (grams.get(g) ?? 0) + 1);
          const c = t.norm[i + 2];
          if (c && t.kind[i + 2] === TokenKind.Word && WORD_RE.test(c)) {
            const g3 = `${g} ${c}`;
            tri.set(g3, (tri.get(g3) ?? 0) + 1);
          }
        }
      }
    }
  }
  const words = [...df.entries()]
    .filter(([w]) => WORD_RE.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const band = (lo: number, hi: number) => words.filter(([, n]) => n >= lo && n <= hi).map(([w]) => w);
  const sorted = (s: Iterable<string>) => [...s].sort();
  const rare = (g: string) => g.split(" ").some((w) => (df.get(w) ?? 0) <= 40);
  return {
    posts: posts.length,
    df,
    brand: band(2, 40),
    context: band(5, 400),
    exclude: band(3, 200),
    // Brand phrases ("air max") contain at least one uncommon word.
    bigrams: sorted([...grams.entries()].filter(([g, n]) => n >= 2 && rare(g)).map(([g]) => g)),
    trigrams: sorted([...tri.entries()].filter(([g]) => rare(g)).map(([g]) => g)),
    hashtags: sorted(hashtags),
    mentions: sorted([...mentions].filter((m) => (df.get(m) ?? 0) <= 20)),
    cased: sorted(cased),
  };
}

/** Presearch costs from corpus document frequencies. */
export function termCostFrom(v: Vocabulary): TermCost {
  return (norm) => Math.max(0.5, v.df.get(norm) ?? 0.5) / v.posts;
}

/**
 * Topic queries shaped like the ones social-listening users write: brand variants, context
 * terms and exclusions, phrases, NEAR, wildcards, field filters. Deterministic per seed.
 */
export function generateQueries(
  v: Vocabulary,
  count: number,
  seed = 42,
  opts: { keywordless?: boolean } = {},
): string[] {
  const keywordless = opts.keywordless ?? true;
  const r = rng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const some = (a: string[], lo: number, hi: number): string[] => {
    const n = lo + Math.floor(r() * (hi - lo + 1));
    const out = new Set<string>();
    for (let i = 0; i < n * 3 && out.size < n; i++) out.add(pick(a));
    return [...out];
  };
  const longBrands = (v.stemmable ?? v.brand).filter((b) => b.length >= 6 && !b.includes("'"));
  const group = (terms: string[]) => (terms.length === 1 ? terms[0]! : `(${terms.join(" OR ")})`);
  const phrase = () => `"${pick(v.bigrams.length ? v.bigrams : v.context)}"`;
  const brandTerm = () => {
    const x = r();
    if (x < 0.15 && v.bigrams.length) return phrase();
    if (x < 0.22 && v.hashtags.length) return `#${pick(v.hashtags)}`;
    // Real wildcard topics stem brand names ("starbuck*"), not function words.
    if (x < 0.3) {
      const w = pick(longBrands);
      return `${w.slice(0, Math.max(5, w.length - 3))}*`;
    }
    if (x < 0.33) {
      const w = pick(longBrands);
      const at = 5 + Math.floor(r() * (w.length - 5));
      return `${w.slice(0, at)}?${w.slice(at + 1)}`;
    }
    return pick(v.brand);
  };
  const brands = () => group(Array.from({ length: 1 + Math.floor(r() * 4) }, brandTerm));
  const filter = (): string => {
    const x = r();
    if (x < 0.25) return "language:en";
    if (x < 0.45) return `sentiment:${pick(["positive", "negative", "neutral"])}`;
    if (x < 0.55) return `channel:${pick(["rss", "mastodon", "reddit"])}`;
    if (x < 0.65) return `country:${pick(["GB", "US", "FR"])}`;
    if (x < 0.75) return "rating:[3 TO 5]";
    if (x < 0.85) return "authorFollowers:[500 TO 100000]";
    if (x < 0.92) return `site:news${Math.floor(r() * 20)}.example.com`;
    return `author:user${Math.floor(r() * 400)}`;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = r();
    let q: string;
    if (shape < 0.35) {
      q = brands();
      const ctx = some(v.context, 0, 3);
      if (ctx.length) q += ` AND ${group(ctx)}`;
      const ex = some(v.exclude, 0, 2);
      if (ex.length) q += ` NOT ${group(ex)}`;
    } else if (shape < 0.45) {
      const d = 1 + Math.floor(r() * 6);
      q = `${group(some(v.brand, 1, 2))} NEAR/${d}${r() < 0.3 ? "f" : ""} ${group(some(v.context, 1, 3))}`;
    } else if (shape < 0.55) {
      q = r() < 0.5 || !v.trigrams.length ? phrase() : `"${pick(v.trigrams)}"~${2 + Math.floor(r() * 4)}`;
      if (r() < 0.3) q += ` NOT ${pick(v.exclude)}`;
    } else if (shape < 0.7) {
      q = `${brands()} AND ${filter()}`;
      if (r() < 0.3) q += ` AND ${filter()}`;
    } else if (shape < 0.75) {
      q = `title:${brands()}`;
      if (r() < 0.5) q += ` OR ${brands()}`;
    } else if (shape < 0.8 && v.cased.length) {
      q = `{${pick(v.cased)}}`;
      if (r() < 0.5) q += ` AND ${group(some(v.context, 1, 2))}`;
    } else if (shape < 0.83 && v.mentions.length) {
      q = `@${pick(v.mentions)} OR ${brands()}`;
    } else if (shape < 0.832 && keywordless) {
      // The rare topic with no required term: evaluated for every post.
      q = `${filter()} AND NOT ${pick(v.exclude)}`;
      if (q.startsWith("language:") || q.startsWith("sentiment:"))
        q = `rating:[4 TO 5] NOT ${pick(v.exclude)}`;
    } else {
      q = brands();
      if (r() < 0.4) q += ` AND ${group(some(v.context, 1, 2))}`;
    }
    out.push(q);
  }
  return out;
}
