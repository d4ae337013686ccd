import { describe, expect, it } from "vitest";
import { corpusAvailable, decorate, loadVader, VADER_TWEETS } from "../../../bench/listening/match/corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "../../../bench/listening/match/generate";
import type { Query } from "../query/ast";
import { evaluate } from "../query/evaluate";
import { parse } from "../query/parser";
import { preparePost } from "../text/prepare";
import type { Post } from "../types";
import { Matcher, type MatcherOptions } from "./matcher";

const SYNTHETIC = [
  "Just got the new Nike Air Max 90s, they're amazing! #sneakers #nike",
  "Adidas Ultraboost vs Nike Pegasus: which is better for marathon training?",
  "@nike your customer service is terrible, still waiting for my refund",
  "Café au lait with croissants in Paris this morning ☕️🥐 #travel",
  "$TSLA down again today, Elon tweets more than he ships cars 🚗",
  "<p>Press release: <b>Acme Corp</b> announces Q3 results &amp; new CEO</p>",
  "the quick brown fox jumps over the lazy dog",
  "I don’t think the Air Jordan 1 retro is worth $300 tbh",
  "Zero\u200Bwidth ni\u200Bke and مرحبا بالعالم in one post 👍🏽",
  "Running shoes review: Nike, Adidas, Asics, Brooks, Hoka — all tested",
  "Watching the World Cup final at the pub with friends ⚽ #WorldCup",
  "iPhone 15 battery life is worse than my old iPhone 12 @Apple",
];

function differential(posts: Post[], queries: string[], options: MatcherOptions = {}) {
  const asts: Query[] = [];
  for (const text of queries) {
    const r = parse(text);
    if (!r.ok) throw new Error(`generated query does not parse: ${text}: ${JSON.stringify(r.errors)}`);
    asts.push(r.ast);
  }
  const m = new Matcher(options);
  for (const [i, ast] of asts.entries()) m.add(`q${i}`, ast);
  // Remove and re-add a slice so the incremental paths are exercised too.
  for (let i = 0; i < asts.length; i += 7) m.remove(`q${i}`);
  for (let i = 0; i < asts.length; i += 7) m.add(`q${i}`, asts[i]!);
  let matches = 0;
  const mismatches: string[] = [];
  for (const post of posts) {
    const pp = preparePost(post);
    const expected = asts.flatMap((ast, i) => (evaluate(ast, pp).matched ? [`q${i}`] : [])).sort();
    const got = m.matchIds(pp).sort();
    matches += expected.length;
    if (JSON.stringify(got) !== JSON.stringify(expected) && mismatches.length < 5) {
      const missing = expected.filter((x) => !got.includes(x)).map((x) => queries[Number(x.slice(1))]);
      const extra = got.filter((x) => !expected.includes(x)).map((x) => queries[Number(x.slice(1))]);
      mismatches.push(
        `${post.text}\n  missing: ${JSON.stringify(missing)}\n  extra: ${JSON.stringify(extra)}`,
      );
    }
  }
  return { matches, mismatches };
}

const handWritten = [
  "nike AND (air OR jordan)",
  "(nike OR adidas) NEAR/3 (shoes OR review OR pegasus)",
  "nik* OR adid*",
  "sho?s",
  '"air max" OR "air jordan"~3',
  "{Nike} NOT refund",
  "#nike OR #sneakers OR @apple",
  "$tsla",
  "👍 OR ☕",
  "title:(review OR release)",
  "language:en AND sentiment:negative",
  "rating:[4 TO 5] NOT the",
  "NOT nike",
  "site:example.com OR links:shop.example.org OR url:news.example.com",
  "author:user7 OR channel:rss",
  "acme NEAR/2f corp",
  "don't AND think",
  "مرحبا",
  "iphone NEAR/5f battery",
];

describe("Matcher agrees with the plain evaluator", () => {
  const synthetic = decorate(
    SYNTHETIC.map((text) => ({ text })),
    3,
  );

  it("on a synthetic corpus with hand-written and generated queries", () => {
    const vocab = buildVocabulary(synthetic);
    const queries = [...handWritten, ...generateQueries(vocab, 300, 5)];
    const r = differential(synthetic, queries);
    expect(r.mismatches).toEqual([]);
    expect(r.matches).toBeGreaterThan(20);
  });

  it.skipIf(!corpusAvailable())(
    `on VADER tweets (${VADER_TWEETS})`,
    () => {
      const posts = loadVader(400)!;
      const vocab = buildVocabulary(posts);
      const queries = [...handWritten, ...generateQueries(vocab, 1500, 9)];
      for (const options of [{}, { termCost: termCostFrom(vocab) }]) {
        const r = differential(posts, queries, options);
        expect(r.mismatches).toEqual([]);
        expect(r.matches).toBeGreaterThan(100);
      }
    },
    120_000,
  );

  if (!corpusAvailable()) {
    it("skips the VADER corpus run", () => {
      console.warn(`differential test: ${VADER_TWEETS} not found; only the synthetic corpus was checked`);
    });
  }
});
