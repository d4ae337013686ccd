import { sentiment } from "../sentiment/sentiment";
import { CUES, INTENTS, type Intent } from "./cues";

export type { Intent } from "./cues";
export { INTENTS } from "./cues";

export interface IntentResult {
  intent: Intent;
  /** Evidence per intent in [0, 1): raw / (raw + 1); "other" is 1 − the best of the rest. */
  scores: Record<Intent, number>;
}

type Scored = Exclude<Intent, "other">;

/** Below this much evidence a post is "other" (news, chatter, links). */
const MIN_EVIDENCE = 0.9;
/** Ties go to the more actionable intent: a purchase lead or an idea outranks a plain question. */
const PRIORITY: readonly Scored[] = ["purchase_intent", "suggestion", "complaint", "question", "praise"];

// Letter/number boundaries that also work for accented words (\b is ASCII-only in JS).
function compile(pattern: string): RegExp {
  let body = pattern;
  let start = "(?<![\\p{L}\\p{N}])";
  if (body.startsWith("^")) {
    // "Clause start": beginning of the text or after sentence punctuation.
    body = body.slice(1);
    start = "(?<=^\\s*|[.!?¡¿:;\\n]\\s*)";
  }
  return new RegExp(`${start}(?:${body})(?![\\p{L}\\p{N}])`, "u");
}

interface CueGroup {
  intent: Scored;
  /** All cues of the group as one alternation: most posts match none, and one scan beats twenty. */
  any: RegExp;
  cues: ReadonlyArray<readonly [RegExp, number]>;
}

function groups(): CueGroup[] {
  const out: CueGroup[] = [];
  for (const [intent, cues] of Object.entries(CUES)) {
    // Clause-start cues need a different boundary, so they form their own group.
    for (const anchored of [false, true]) {
      const mine = cues.filter(([p]) => p.startsWith("^") === anchored);
      if (mine.length === 0) continue;
      const alternation = mine.map(([p]) => `(?:${anchored ? p.slice(1) : p})`).join("|");
      out.push({
        intent: intent as Scored,
        any: compile(anchored ? `^${alternation}` : alternation),
        cues: mine.map(([p, w]) => [compile(p), w] as const),
      });
    }
  }
  return out;
}

const GROUPS = groups();

const URL_RE = /https?:\/\/\S+|www\.\S+/g;
const LEADING_HANDLES = /^(?:\s*(?:rt\s+)?@[\p{L}\p{N}_.@-]+[:,]?)+\s*/u;

/** Raw evidence per intent; `sentimentScore` lets a caller that already scored sentiment reuse it. */
export function intentEvidence(text: string, sentimentScore?: number): Record<Scored, number> {
  const raw: Record<Scored, number> = {
    question: 0,
    complaint: 0,
    praise: 0,
    suggestion: 0,
    purchase_intent: 0,
  };
  // Links carry "?" and words that are not the writer's; typographic apostrophes are normalised.
  // Replies open with handles ("@brand does it…"): drop them so clause-start cues still see the clause.
  const t = text.replace(URL_RE, " ").replace(/[’‘]/g, "'").toLowerCase().replace(LEADING_HANDLES, "");
  for (const g of GROUPS) {
    if (!g.any.test(t)) continue;
    for (const [re, w] of g.cues) if (re.test(t)) raw[g.intent] += w;
  }
  const q = t.indexOf("?");
  if (q >= 0) raw.question += t.trimEnd().endsWith("?") ? 1.2 : 0.8;
  const s = sentimentScore ?? sentiment(text).score;
  // Sentiment is supporting evidence, never enough alone: a happy post without a cue is not "praise"
  // unless it is clearly positive.
  if (s > 0.05) raw.praise += s;
  if (s < -0.05) raw.complaint += -s * 1.2;
  // A question is often only the form: "why does it keep crashing?" is a complaint, "where can I buy
  // it?" a purchase lead and "why not add a family plan?" an idea. Strong content cues win.
  if (Math.max(raw.complaint, raw.suggestion, raw.purchase_intent) >= 1.5) raw.question *= 0.6;
  // Positive words inside a wish or an order ("would be great if", "can't wait for it") are not praise.
  if (Math.max(raw.suggestion, raw.purchase_intent) >= 1.5) raw.praise *= 0.5;
  return raw;
}

export function classifyIntent(text: string, sentimentScore?: number): IntentResult {
  const raw = intentEvidence(text, sentimentScore);
  let best: Intent = "other";
  let bestVal = MIN_EVIDENCE;
  for (const intent of PRIORITY) {
    if (raw[intent] > bestVal + 1e-9) {
      best = intent;
      bestVal = raw[intent];
    }
  }
  const scores = {} as Record<Intent, number>;
  let top = 0;
  for (const intent of INTENTS) {
    if (intent === "other") continue;
    const v = raw[intent as Scored];
    scores[intent] = v / (v + 1);
    if (scores[intent] > top) top = scores[intent];
  }
  scores.other = best === "other" ? Math.max(1 - top, 0.5) : 1 - top;
  return { intent: best, scores };
}
