import { emojiEnd } from "../emoji";
import { LEXICON } from "./lexicon";

/**
 * Sentiment tokens: whitespace-separated words with edge punctuation stripped, emoticons kept whole,
 * and emoji split off as their own tokens (posts glue them to words: "love it😍").
 */
export interface SentimentTokens {
  /** Lower case, the lexicon key. */
  lower: string[];
  /** Python-style isupper(): has cased letters and all of them are upper case. */
  upper: boolean[];
  /** Elongated spelling ("soooo goooood"), a form of emphasis. */
  elongated: boolean[];
  /**
   * Index of the first token of the clause this token is in. Negation and boosters do not reach
   * across clause punctuation: in "Nothing happened! You suck" the "nothing" does not flip "suck".
   */
  clause: number[];
  /** The token's clause ends in "?": a question asserts less than a statement. */
  question: boolean[];
}

const HTML_ENTITY = /&(amp|lt|gt|quot|#39|#x27|apos|nbsp);/g;
const ENTITY_CHAR: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  "#x27": "'",
  apos: "'",
  nbsp: " ",
};

/** Posts from APIs arrive HTML-escaped; "&lt;3" must read as the heart emoticon "<3". */
export function decodeEntities(text: string): string {
  return text.indexOf("&") < 0
    ? text
    : text.replace(HTML_ENTITY, (_, name: string) => ENTITY_CHAR[name] ?? "");
}

interface Builder extends SentimentTokens {
  pendingBreak: boolean;
}

function isAsciiPunct(c: number): boolean {
  return (
    (c >= 0x21 && c <= 0x2f) ||
    (c >= 0x3a && c <= 0x40) ||
    (c >= 0x5b && c <= 0x60) ||
    (c >= 0x7b && c <= 0x7e)
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

/** Collapses letter runs of 3+ ("goooood" → "good"/"god" candidates), for lexicon lookup only. */
function deElongate(lower: string): string | null {
  let run = 1;
  let found = false;
  for (let i = 1; i < lower.length; i++) {
    run = lower.charCodeAt(i) === lower.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= 3) {
      found = true;
      break;
    }
  }
  if (!found) return null;
  const two = lower.replace(/(.)\1{2,}/g, "$1$1");
  if (LEXICON.has(two)) return two;
  const one = lower.replace(/(.)\1{2,}/g, "$1");
  return LEXICON.has(one) ? one : two;
}

function isClausePunct(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f;
}

interface Source {
  text: string;
  /** text.toLowerCase() when it kept every index; null when lower-casing changed lengths ("İ"). */
  lowerText: string | null;
}

function lowerSlice(src: Source, a: number, b: number): string {
  return src.lowerText !== null ? src.lowerText.slice(a, b) : src.text.slice(a, b).toLowerCase();
}

/** Python's str.isupper() on text[a, b): at least one cased letter and no lower-case one. */
function isUpperSpan(text: string, a: number, b: number): boolean {
  let cased = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) cased = true;
    else if (c >= 0x80) {
      const r = text.slice(a, b);
      return r !== r.toLowerCase() && r === r.toUpperCase();
    }
  }
  return cased;
}

function pushToken(out: Builder, lower: string, upper: boolean, elongated: boolean): void {
  const n = out.lower.length;
  out.lower.push(lower);
  out.upper.push(upper);
  out.elongated.push(elongated);
  out.clause.push(n === 0 ? 0 : out.pendingBreak ? n : out.clause[n - 1]!);
  out.question.push(false);
  out.pendingBreak = false;
}

/** Closes the current clause; a "?" in the closing punctuation marks the clause as a question. */
function endClause(out: Builder, text: string, a: number, b: number): void {
  out.pendingBreak = true;
  const n = out.lower.length;
  if (n === 0) return;
  // "?" asks; "?!" and "!?" exclaim ("WTF?!").
  let q = false;
  let bang = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3f) q = true;
    else if (c === 0x21) bang = true;
  }
  if (!q || bang) return;
  for (let k = out.clause[n - 1]!; k < n; k++) out.question[k] = true;
}

/** One whitespace-free word text[s, e) without emoji. */
function pushWord(out: Builder, src: Source, s: number, e: number): void {
  if (e <= s) return;
  const text = src.text;
  let a = s;
  let b = e;
  while (a < b && isAsciiPunct(text.charCodeAt(a))) a++;
  while (b > a && isAsciiPunct(text.charCodeAt(b - 1))) b--;
  let lower: string;
  let us = s;
  let ue = e;
  let trailingBreak = false;
  if (a > s || b < e) {
    // Keep an emoticon or a lexicon entry with punctuation (":)", "<3", "D:") whole; otherwise strip
    // edge punctuation, as VADER does.
    const whole = text.slice(s, e);
    if (LEXICON.has(whole)) lower = whole;
    else {
      const wholeLower = lowerSlice(src, s, e);
      if (LEXICON.has(wholeLower)) lower = wholeLower;
      else {
        if (b === a) {
          if (isClausePunct(text.charCodeAt(e - 1))) endClause(out, text, s, e);
          return;
        }
        trailingBreak = b < e && isClausePunct(text.charCodeAt(b));
        lower = lowerSlice(src, a, b);
        us = a;
        ue = b;
      }
    }
  } else {
    lower = lowerSlice(src, s, e);
    if (e - s <= 3 && !LEXICON.has(lower)) {
      const whole = text.slice(s, e);
      if (LEXICON.has(whole)) lower = whole;
    }
  }
  // Handles and links carry no sentiment of the writer ("@happyfeet", "http://love.example").
  const c0 = lower.charCodeAt(0);
  if (c0 === 0x40 || (c0 === 0x68 && lower.startsWith("http")) || (c0 === 0x77 && lower.startsWith("www."))) {
    if (trailingBreak) endClause(out, text, b, e);
    return;
  }
  // Single letters ("a", "I") are dropped as in the VADER ports, so they do not use up the three-word
  // window of negators and boosters ("not a good idea").
  if (lower.length === 1) {
    if (trailingBreak) endClause(out, text, b, e);
    return;
  }
  let elongated = false;
  if (!LEXICON.has(lower)) {
    const base = deElongate(lower);
    if (base !== null) {
      lower = base;
      elongated = true;
    }
  }
  pushToken(out, lower, isUpperSpan(text, us, ue), elongated);
  if (trailingBreak) endClause(out, text, b, e);
}

function baseEmoji(text: string, i: number): string {
  // The lexicon is keyed by base emoji: drop VS16 and skin tones, keep the first ZWJ part.
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]!;
}

function pushChunk(out: Builder, src: Source, start: number, end: number): void {
  const text = src.text;
  let wordStart = start;
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    if (c >= 0xa9) {
      const e = emojiEnd(text, i);
      if (e > 0) {
        pushWord(out, src, wordStart, i);
        const base = baseEmoji(text, i);
        pushToken(out, base, false, false);
        i = e;
        wordStart = e;
        continue;
      }
    }
    i++;
  }
  pushWord(out, src, wordStart, end);
}

export function tokenize(text: string): SentimentTokens {
  const out: Builder = { lower: [], upper: [], elongated: [], clause: [], question: [], pendingBreak: false };
  const lowerText = text.toLowerCase();
  const src: Source = { text, lowerText: lowerText.length === text.length ? lowerText : null };
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    let high = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) break;
      if (c >= 0xa9) high = true;
      i++;
    }
    if (i > start) {
      if (high) pushChunk(out, src, start, i);
      else pushWord(out, src, start, i);
    }
  }
  return out;
}
