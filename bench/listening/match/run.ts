/**
 * Matcher benchmark: node --import tsx bench/listening/match/run.ts [sizes…]
 * Replays the sentiment corpora (VADER tweets + tweeteval) through a Matcher holding N
 * generated topics, single-threaded, and compares with the plain evaluator.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Matcher } from "../../../shared/listening/match/matcher";
import type { Query } from "../../../shared/listening/query/ast";
import { evaluate } from "../../../shared/listening/query/evaluate";
import { parse } from "../../../shared/listening/query/parser";
import { type PreparedPost, preparePost } from "../../../shared/listening/text/prepare";
import { tokenize } from "../../../shared/listening/text/tokenize";
import type { Post } from "../../../shared/listening/types";
import { loadCorpus } from "./corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "./generate";

export interface MatchBenchOptions {
  sizes?: number[];
  seed?: number;
  /** Minimum wall time per throughput measurement. */
  minMs?: number;
  /** Cap on query×post evaluations for the plain-evaluator baseline. */
  baselineBudget?: number;
  log?: (line: string) => void;
}

export interface MatchBenchSize {
  topics: number;
  invalidQueries: number;
  parseMs: number;
  buildMs: number;
  heapMB: number;
  alwaysCandidates: number;
  candidatesPerPost: number;
  matchesPerPost: number;
  /** Posts/s including tokenisation, ids only. */
  postsPerSec: number;
  /** Posts/s including tokenisation and highlight spans for each match. */
  postsPerSecWithSpans: number;
  baseline: { postsPerSec: number; sampledQueries: number; sampledPosts: number; extrapolated: boolean };
  speedup: number;
}

export interface MatchBenchResult {
  corpusPosts: number;
  tokenizerPostsPerSec: number;
  prepareMs: number;
  sizes: MatchBenchSize[];
}

function gcFn(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  return () => gc?.();
}

function throughput(posts: Post[], minMs: number, fn: (p: Post) => void): number {
  for (let i = 0; i < Math.min(posts.length, 500); i++) fn(posts[i]!);
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const p of posts) fn(p);
    n += posts.length;
    elapsed = performance.now() - t0;
  }
  return (n / elapsed) * 1000;
}

export async function runMatchBench(options: MatchBenchOptions = {}): Promise<MatchBenchResult> {
  const log = options.log ?? (() => {});
  const sizes = options.sizes ?? [1_000, 10_000, 100_000, 150_000];
  const minMs = options.minMs ?? 1500;
  const budget = options.baselineBudget ?? 1_500_000;
  const gc = gcFn();
  const posts = loadCorpus();
  if (!posts) throw new Error("corpus not found under /work/shared/data/sentiment (set CHORUS_DATA)");
  const vocab = buildVocabulary(posts);
  const termCost = termCostFrom(vocab);
  const tokenizerPostsPerSec = throughput(posts, minMs, (p) => tokenize(p.text));
  let t = performance.now();
  const prepared = posts.map(preparePost);
  const prepareMs = performance.now() - t;
  log(
    `corpus: ${posts.length} posts; tokenizer ${Math.round(tokenizerPostsPerSec).toLocaleString("en")} posts/s`,
  );

  const results: MatchBenchSize[] = [];
  for (const size of sizes) {
    const texts = generateQueries(vocab, size, options.seed ?? 42);
    t = performance.now();
    const asts: Query[] = [];
    let invalid = 0;
    for (const q of texts) {
      const r = parse(q);
      if (r.ok) asts.push(r.ast);
      else invalid++;
    }
    const parseMs = performance.now() - t;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    t = performance.now();
    const matcher = new Matcher({ termCost });
    for (let i = 0; i < asts.length; i++) matcher.add(`q${i}`, asts[i]!);
    const buildMs = performance.now() - t;
    gc();
    const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

    let candidates = 0;
    let matches = 0;
    for (const pp of prepared) {
      candidates += matcher.candidateCount(pp);
      matches += matcher.matchIds(pp).length;
    }
    const postsPerSec = throughput(posts, minMs, (p) => matcher.matchIds(p));
    const postsPerSecWithSpans = throughput(posts, minMs / 2, (p) => matcher.match(p));

    // Baseline: every query against every post with the reference evaluator, on a sample.
    const sampledQueries = Math.min(asts.length, 2_000);
    const sampledPosts = Math.max(50, Math.min(prepared.length, Math.floor(budget / sampledQueries)));
    const qStep = asts.length / sampledQueries;
    const qs = Array.from({ length: sampledQueries }, (_, i) => asts[Math.floor(i * qStep)]!);
    const ps: PreparedPost[] = prepared.slice(0, sampledPosts);
    t = performance.now();
    let sink = 0;
    for (const pp of ps) for (const q of qs) if (evaluate(q, pp).matched) sink++;
    const perPairMs = (performance.now() - t) / (sampledQueries * ps.length);
    const baselinePostsPerSec = 1000 / (perPairMs * asts.length) + sink * 0;
    const row: MatchBenchSize = {
      topics: asts.length,
      invalidQueries: invalid,
      parseMs,
      buildMs,
      heapMB,
      alwaysCandidates: matcher.stats().alwaysCandidates,
      candidatesPerPost: candidates / prepared.length,
      matchesPerPost: matches / prepared.length,
      postsPerSec,
      postsPerSecWithSpans,
      baseline: {
        postsPerSec: baselinePostsPerSec,
        sampledQueries,
        sampledPosts: ps.length,
        extrapolated: sampledQueries < asts.length,
      },
      speedup: postsPerSec / baselinePostsPerSec,
    };
    results.push(row);
    const f = (n: number) => Math.round(n).toLocaleString("en");
    log(
      `${f(row.topics)} topics: parse ${f(parseMs)} ms, build ${f(buildMs)} ms, heap ${row.heapMB.toFixed(1)} MB, ` +
        `always ${row.alwaysCandidates}, candidates/post ${row.candidatesPerPost.toFixed(1)}, matches/post ${row.matchesPerPost.toFixed(2)}`,
    );
    log(
      `  matcher ${f(postsPerSec)} posts/s (ids), ${f(postsPerSecWithSpans)} posts/s (with spans); ` +
        `plain evaluator ${row.baseline.postsPerSec.toFixed(1)} posts/s ` +
        `(${row.baseline.extrapolated ? "EXTRAPOLATED from" : "measured on"} ${sampledQueries} queries × ${ps.length} posts); ` +
        `speed-up ×${f(row.speedup)}`,
    );
  }
  return { corpusPosts: posts.length, tokenizerPostsPerSec, prepareMs, sizes: results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  await runMatchBench({ sizes: sizes.length ? sizes : undefined, log: (l) => console.log(l) });
}
