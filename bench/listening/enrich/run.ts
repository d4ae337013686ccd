/**
 * Enrichment benchmark: Chorus against its peers on public labelled data, in one run.
 *   node --import tsx bench/listening/enrich/run.ts [--quick]
 * Prints absolute figures and Chorus/peer ratios; `runEnrichBench()` returns them for a combined runner.
 */
import { pathToFileURL } from "node:url";
import { enrich } from "../../../shared/listening/enrich";
import { evalDataDir, loadVaderTweets } from "./data";
import { type ChorusLanguageExtra, type LanguageFigures, runLanguageBench } from "./language.bench";
import { throughput } from "./metrics";
import { runSentimentBench, type SentimentFigures } from "./sentiment.bench";

export interface EnrichBenchOptions {
  /** Folder holding sentiment/ and langid/ (defaults to shared/data beside the checkout). */
  dataDir?: string;
  /** Minimum measuring time per throughput figure, ms (default 1000). */
  minMs?: number;
  /** Parts to run (default all). */
  parts?: ReadonlyArray<"sentiment" | "language" | "enrich">;
}

export interface EnrichBenchResult {
  dataDir: string;
  node: string;
  sentiment?: Record<string, SentimentFigures>;
  language?: { peers: Record<string, LanguageFigures>; chorus: ChorusLanguageExtra };
  /** Whole enrich() (language + sentiment + intent + entities) on the VADER tweets. */
  enrich?: { postsPerSecond: number };
}

export function runEnrichBench(options: EnrichBenchOptions = {}): EnrichBenchResult {
  const dataDir = evalDataDir(options.dataDir);
  const minMs = options.minMs ?? 1000;
  const parts = new Set(options.parts ?? ["sentiment", "language", "enrich"]);
  const result: EnrichBenchResult = { dataDir, node: process.version };
  if (parts.has("sentiment")) result.sentiment = runSentimentBench(dataDir, minMs);
  if (parts.has("language")) result.language = runLanguageBench(dataDir, minMs);
  if (parts.has("enrich")) {
    const texts = loadVaderTweets(dataDir).map((t) => ({ text: t.text }));
    result.enrich = { postsPerSecond: throughput(texts, (p) => enrich(p).sentiment.score, minMs) };
  }
  return result;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => Math.round(x).toLocaleString("en-US");
/** Chorus ÷ peer; three decimals so that a 0.5 % difference in a quality figure is visible. */
const ratio = (a: number, b: number, digits = 3) => (b === 0 ? "n/a" : `${(a / b).toFixed(digits)}×`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "),
    )
    .join("\n");
}

export function formatEnrichBench(r: EnrichBenchResult): string {
  const out: string[] = [`data: ${r.dataDir}  node ${r.node}`];
  if (r.sentiment) {
    const c = r.sentiment.chorus!;
    const rows = [
      ["sentiment", "r (VADER tw)", "F1 w (VADER tw)", "F1 macro", "macro-R (TweetEval)", "posts/s"],
    ];
    for (const [name, f] of Object.entries(r.sentiment)) {
      rows.push([
        name,
        f.vaderR.toFixed(3),
        f.vaderF1.toFixed(3),
        f.vaderMacroF1.toFixed(3),
        pct(f.tweetevalMacroRecall),
        num(f.postsPerSecond),
      ]);
    }
    for (const [name, f] of Object.entries(r.sentiment)) {
      if (name === "chorus") continue;
      rows.push([
        `  chorus / ${name}`,
        ratio(c.vaderR, f.vaderR),
        ratio(c.vaderF1, f.vaderF1),
        ratio(c.vaderMacroF1, f.vaderMacroF1),
        ratio(c.tweetevalMacroRecall, f.tweetevalMacroRecall),
        ratio(c.postsPerSecond, f.postsPerSecond, 1),
      ]);
    }
    out.push("", table(rows));
  }
  if (r.language) {
    const c = r.language.peers.chorus!;
    const rows = [
      [
        "language (forced choice)",
        "acc sentences",
        "acc word-pairs",
        "posts/s sentences",
        "posts/s word-pairs",
      ],
    ];
    for (const [name, f] of Object.entries(r.language.peers)) {
      rows.push([
        name,
        pct(f.accuracy.sentences),
        pct(f.accuracy["word-pairs"]),
        num(f.postsPerSecond.sentences),
        num(f.postsPerSecond["word-pairs"]),
      ]);
    }
    for (const [name, f] of Object.entries(r.language.peers)) {
      if (name === "chorus") continue;
      rows.push([
        `  chorus / ${name}`,
        ratio(c.accuracy.sentences, f.accuracy.sentences),
        ratio(c.accuracy["word-pairs"], f.accuracy["word-pairs"]),
        ratio(c.postsPerSecond.sentences, f.postsPerSecond.sentences, 1),
        ratio(c.postsPerSecond["word-pairs"], f.postsPerSecond["word-pairs"], 1),
      ]);
    }
    out.push("", table(rows));
    const x = r.language.chorus;
    out.push(
      "",
      table([
        ['chorus with "und"', "sentences", "word-pairs"],
        ["undetermined", pct(x.undRate.sentences), pct(x.undRate["word-pairs"])],
        ["accuracy when decided", pct(x.decidedAccuracy.sentences), pct(x.decidedAccuracy["word-pairs"])],
        [
          "same forced choice as eld",
          pct(x.agreementWithEld.sentences),
          pct(x.agreementWithEld["word-pairs"]),
        ],
      ]),
    );
  }
  if (r.enrich) out.push("", `enrich() all four (VADER tweets): ${num(r.enrich.postsPerSecond)} posts/s`);
  return out.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const result = runEnrichBench({ minMs: quick ? 300 : 1000 });
  console.log(formatEnrichBench(result));
  if (process.argv.includes("--json")) console.log(JSON.stringify(result, null, 2));
}
