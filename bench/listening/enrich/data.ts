import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Evaluation data lives outside the repository (public labelled sets under shared/data beside the
 * checkout); it is read here and never copied into the repo. CHORUS_EVAL_DATA overrides the location.
 */
export function evalDataDir(override?: string): string {
  if (override) return override;
  if (process.env.CHORUS_EVAL_DATA) return process.env.CHORUS_EVAL_DATA;
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
  const candidates = [join(repoRoot, "../shared/data"), join(repoRoot, "shared/data")];
  return candidates.find((c) => existsSync(join(c, "README.md"))) ?? candidates[0]!;
}

export interface ScoredText {
  text: string;
  /** Human mean on -4..+4. */
  mean: number;
}

export function loadVaderTweets(dir: string): ScoredText[] {
  const raw = readFileSync(join(dir, "sentiment/vader/tweets_GroundTruth.txt"), "utf8");
  const out: ScoredText[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (!line) continue;
    const a = line.indexOf("\t");
    const b = line.indexOf("\t", a + 1);
    if (a < 0 || b < 0) continue;
    out.push({ mean: Number(line.slice(a + 1, b)), text: line.slice(b + 1) });
  }
  return out;
}

export interface LabelledText {
  text: string;
  label: number;
}

/** TweetEval sentiment validation split: labels 0 negative, 1 neutral, 2 positive. */
export function loadTweetEval(dir: string): LabelledText[] {
  const texts = readFileSync(join(dir, "sentiment/tweeteval/val_text.txt"), "utf8").split("\n");
  const labels = readFileSync(join(dir, "sentiment/tweeteval/val_labels.txt"), "utf8").split("\n");
  const out: LabelledText[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!.trim();
    if (l === "") continue;
    out.push({ text: texts[i] ?? "", label: Number(l) });
  }
  return out;
}

export const LINGUA_LANGS = ["en", "de", "fr", "es", "it", "nl", "pt"] as const;
export type LinguaSet = "sentences" | "word-pairs";

export interface LangSample {
  text: string;
  lang: string;
}

export function loadLingua(dir: string, set: LinguaSet): LangSample[] {
  const out: LangSample[] = [];
  for (const lang of LINGUA_LANGS) {
    const raw = readFileSync(join(dir, `langid/lingua/${set}/${lang}.txt`), "utf8");
    for (const line of raw.split("\n")) {
      const text = line.trim();
      if (text) out.push({ text, lang });
    }
  }
  return out;
}
