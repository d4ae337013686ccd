/**
 * Matcher benchmark:
 *   node --import tsx bench/listening/match/run.ts [sizes…] [--workload=dense,realistic] [--repeats=3] [--no-baseline]
 * Replays the sentiment corpora (VADER tweets + tweeteval) through a Matcher holding N
 * generated topics, single-threaded, and compares with the plain evaluator. Two workloads:
 * "dense" draws brand terms from mid-rare corpus words (each post matches many topics);
 * "realistic" uses rare/synthetic brand terms and injects brand mentions into a small
 * fraction of posts (see realistic.ts). Every throughput figure is the median of `repeats`.
 */
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Matcher } from "../../../shared/listening/match/matcher";
import type { TermCost } from "../../../shared/listening/match/presearch";
import type { Query } from "../../../shared/listening/query/ast";
import { evaluate } from "../../../shared/listening/query/evaluate";
import { parse } from "../../../shared/listening/query/parser";
import { type PreparedPost, preparePost } from "../../../shared/listening/text/prepare";
import { tokenize } from "../../../shared/listening/text/tokenize";
import type { Post } from "../../../shared/listening/types";
import { loadCorpus } from "./corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "./generate";
import { injectMentions, realisticVocabulary } from "./realistic";

export type Workload = "dense" | "realistic";

export const WORKLOAD_LABELS: Record<Workload, string> = {
  dense: "dense: corpus vocabulary (brand terms = corpus words in 2–40 of the posts)",
  realistic:
    "realistic selectivity: SYNTHETIC brand names + corpus hapax, common context/exclusions, " +
    "one brand mention injected into a fixed fraction of the replayed posts; " +
    "no keyword-less topics",
};

export interface MatchBenchOptions {
  sizes?: number[];
  workloads?: Workload[];
  seed?: number;
  /** Minimum wall time per throughput measurement. */
  minMs?: number;
  /** Throughput measurements per figure; the median is reported. */
  repeats?: number;
  /** Realistic workload: fraction of posts given one tracked-brand mention. */
  injectRate?: number;
  /** Cap on query×post evaluations for the plain-evaluator baseline (0 skips it). */
  baselineBudget?: number;
  log?: (line: string) => void;
}

export interface MatchBenchSize {
  workload: Workload;
  topics: number;
  invalidQueries: number;
  parseMs: number;
  buildMs: number;
  heapMB: number;
  alwaysCandidates: number;
  candidatesPerPost: number;
  matchesPerPost: number;
  /** Fraction of posts matching at least one topic. */
  postsMatchingAny: number;
  /** Posts/s including tokenisation, ids only (median of `repeats`). */
  postsPerSec: number;
  postsPerSecRuns: number[];
  /** Posts/s including tokenisation and highlight spans for each match (median). */
  postsPerSecWithSpans: number;
  baseline: { postsPerSec: number; sampledQueries: number; sampledPosts: number; extrapolated: boolean };
  speedup: number;
}

export interface MatchBenchWorkload {
  workload: Workload;
  label: string;
  /** What is synthetic about the posts replayed (empty for the dense workload). */
  notes: string[];
  sizes: MatchBenchSize[];
}

export interface MatchBenchResult {
  corpusPosts: number;
  tokenizerPostsPerSec: number;
  prepareMs: number;
  /** /proc/loadavg at the start and the end of the run (null off Linux). */
  loadavg: { start: string | null; end: string | null };
  workloads: MatchBenchWorkload[];
  /** Every row of every workload, in run order. */
  sizes: MatchBenchSize[];
}

function gcFn(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  return () => gc?.();
}

function loadavg(): string | null {
  try {
    return readFileSync("/proc/loadavg", "utf8").trim();
  } catch {
    return null;
  }
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const f = (n: number) => Math.round(n).toLocaleString("en");

interface SizeInput {
  workload: Workload;
  posts: Post[];
  texts: string[];
  termCost: TermCost;
  minMs: number;
  repeats: number;
  budget: number;
  gc: () => void;
  log: (line: string) => void;
}

function runSize(inp: SizeInput): MatchBenchSize {
  const { posts, gc, log } = inp;
  let t = performance.now();
  const asts: Query[] = [];
  let invalid = 0;
  for (const q of inp.texts) {
    const r = parse(q);
    if (r.ok) asts.push(r.ast);
    else invalid++;
  }
  const parseMs = performance.now() - t;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const matcher = new Matcher({ termCost: inp.termCost });
  for (let i = 0; i < asts.length; i++) matcher.add(`q${i}`, asts[i]!);
  const buildMs = performance.now() - t;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const prepared = posts.map(preparePost);
  let candidates = 0;
  let matches = 0;
  let matchingAny = 0;
  for (const pp of prepared) {
    candidates += matcher.candidateCount(pp);
    const n = matcher.matchIds(pp).length;
    matches += n;
    if (n > 0) matchingAny++;
  }
  const runs: number[] = [];
  const spanRuns: number[] = [];
  for (let k = 0; k < inp.repeats; k++) {
    runs.push(throughput(posts, inp.minMs, (p) => matcher.matchIds(p)));
    spanRuns.push(throughput(posts, inp.minMs / 2, (p) => matcher.match(p)));
  }
  const postsPerSec = median(runs);
  const postsPerSecWithSpans = median(spanRuns);

  // Baseline: every query against every post with the reference evaluator, on a sample.
  const sampledQueries = Math.min(asts.length, 2_000);
  const sampledPosts =
    inp.budget > 0 ? Math.max(50, Math.min(prepared.length, Math.floor(inp.budget / sampledQueries))) : 0;
  const qStep = asts.length / sampledQueries;
  const qs = Array.from({ length: sampledQueries }, (_, i) => asts[Math.floor(i * qStep)]!);
  const ps: PreparedPost[] = prepared.slice(0, sampledPosts);
  t = performance.now();
  let sink = 0;
  for (const pp of ps) for (const q of qs) if (evaluate(q, pp).matched) sink++;
  const perPairMs = (performance.now() - t) / Math.max(1, sampledQueries * ps.length);
  const baselinePostsPerSec = ps.length ? 1000 / (perPairMs * asts.length) + sink * 0 : Number.NaN;
  const row: MatchBenchSize = {
    workload: inp.workload,
    topics: asts.length,
    invalidQueries: invalid,
    parseMs,
    buildMs,
    heapMB,
    alwaysCandidates: matcher.stats().alwaysCandidates,
    candidatesPerPost: candidates / prepared.length,
    matchesPerPost: matches / prepared.length,
    postsMatchingAny: matchingAny / prepared.length,
    postsPerSec,
    postsPerSecRuns: runs,
    postsPerSecWithSpans,
    baseline: {
      postsPerSec: baselinePostsPerSec,
      sampledQueries,
      sampledPosts: ps.length,
      extrapolated: sampledQueries < asts.length,
    },
    speedup: postsPerSec / baselinePostsPerSec,
  };
  log(
    `  ${f(row.topics)} topics: parse ${f(parseMs)} ms, build ${f(buildMs)} ms, heap ${heapMB.toFixed(1)} MB, ` +
      `always ${row.alwaysCandidates}, candidates/post ${row.candidatesPerPost.toFixed(2)}, ` +
      `matches/post ${row.matchesPerPost.toFixed(3)}, posts matching ≥1 topic ${(row.postsMatchingAny * 100).toFixed(1)}%`,
  );
  log(
    `    matcher ${f(postsPerSec)} posts/s (ids; median of [${runs.map(f).join(", ")}]), ` +
      `${f(postsPerSecWithSpans)} posts/s (with spans)` +
      (ps.length
        ? `; plain evaluator ${row.baseline.postsPerSec.toFixed(1)} posts/s (${row.baseline.extrapolated ? "EXTRAPOLATED from" : "measured on"} ` +
          `${sampledQueries} queries × ${ps.length} posts); speed-up ×${f(row.speedup)}`
        : ""),
  );
  return row;
}

export async function runMatchBench(options: MatchBenchOptions = {}): Promise<MatchBenchResult> {
  const log = options.log ?? (() => {});
  const sizes = options.sizes ?? [1_000, 10_000, 150_000];
  const workloads = options.workloads ?? ["dense", "realistic"];
  const minMs = options.minMs ?? 1000;
  const repeats = Math.max(1, options.repeats ?? 3);
  const budget = options.baselineBudget ?? 1_000_000;
  const rate = options.injectRate ?? 0.02;
  const seed = options.seed ?? 42;
  const load0 = loadavg();
  const gc = gcFn();
  const posts = loadCorpus();
  if (!posts)
    throw new Error(
      "corpus not found under ../shared/data/sentiment beside the checkout (or set CHORUS_DATA)",
    );
  const vocab = buildVocabulary(posts);
  const termCost = termCostFrom(vocab);
  const tokenizerPostsPerSec = throughput(posts, minMs, (p) => tokenize(p.text));
  const t = performance.now();
  posts.map(preparePost);
  const prepareMs = performance.now() - t;
  log(`load average: ${load0 ?? "n/a"}`);
  log(`corpus: ${posts.length} posts; tokenizer ${f(tokenizerPostsPerSec)} posts/s`);

  const out: MatchBenchWorkload[] = [];
  for (const workload of workloads) {
    const w: MatchBenchWorkload = { workload, label: WORKLOAD_LABELS[workload], notes: [], sizes: [] };
    out.push(w);
    log(`workload ${w.label}`);
    for (const size of sizes) {
      const common = { workload, termCost, minMs, repeats, budget, gc, log };
      if (workload === "dense") {
        w.sizes.push(runSize({ ...common, posts, texts: generateQueries(vocab, size, seed) }));
        continue;
      }
      const rw = realisticVocabulary(vocab, size, seed + size);
      const inj = injectMentions(posts, rw.brands, rate, seed);
      // Synthetic brands are absent from the corpus; cost them as if seen once per 100k posts.
      const rCost: TermCost = (norm) => (vocab.df.has(norm) ? termCost(norm) : 1e-5);
      const note =
        `${f(size)} topics: ${f(rw.brands.length)} synthetic brand names + ${f(rw.hapax)} corpus hapax/dis legomena; ` +
        `${inj.injected} of ${posts.length} posts (${((inj.injected / posts.length) * 100).toFixed(1)}%) ` +
        "got one synthetic brand mention inserted";
      w.notes.push(note);
      log(`  ${note}`);
      w.sizes.push(
        runSize({
          ...common,
          termCost: rCost,
          posts: inj.posts,
          texts: generateQueries(rw.vocabulary, size, seed, { keywordless: false }),
        }),
      );
    }
  }
  const load1 = loadavg();
  log(`load average at end: ${load1 ?? "n/a"}`);
  return {
    corpusPosts: posts.length,
    tokenizerPostsPerSec,
    prepareMs,
    loadavg: { start: load0, end: load1 },
    workloads: out,
    sizes: out.flatMap((w) => w.sizes),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const sizes = args.map(Number).filter((n) => n > 0);
  const wl = args.find((a) => a.startsWith("--workload="))?.slice(11);
  const repeats = args.find((a) => a.startsWith("--repeats="))?.slice(10);
  const noBaseline = args.includes("--no-baseline");
  await runMatchBench({
    sizes: sizes.length ? sizes : undefined,
    workloads: wl ? (wl.split(",") as Workload[]) : undefined,
    repeats: repeats ? Number(repeats) : undefined,
    baselineBudget: noBaseline ? 0 : undefined,
    log: (l) => console.log(l),
  });
}
