import { ELD_AVG_SCORE, ELD_SPACE_BYTES } from "./eld-large-data";
import { findSlot, ngramTable } from "./table";

/**
 * Language identification: ELD's method (byte 4-grams, stride 3, word-edge markers, summed per-language
 * weights) over ELD's "large" table, re-implemented on typed arrays. The forced choice is the same as
 * `eld/large`'s detect() (checked in tests); what differs is speed and the undetermined rule.
 */
export interface LanguageResult {
  /** ISO 639-1 code, or "und" when the text is too short or too ambiguous to call. */
  language: string;
  /** Forced choice: the best-scoring language even when `language` is "und" ("" without letters). */
  best: string;
  /** 0..1; ELD's scaled score of the best language. */
  confidence: number;
  /** Distinct n-grams seen; fewer than 3 is never reliable. */
  ngrams: number;
}

const MAX_CHARS = 1000; // ELD reads the first 1,000 UTF-16 units
const CUT_AFTER = 350; // then stops at the first space after 350 bytes
const ENFORCE_CUT = 380; // and hard-stops after 380 bytes
const MAX_WORD = 70; // bytes of a word that are n-grammed
const BASE_SCORE = 53; // ELD stores weights minus 53 to save space
const SCALE = 25; // ELD's hand-picked scale for the 0..1 score

// Letter test for the BMP (ELD's separator class is BMP letters; astral code points separate words).
const LETTER = /^\p{L}$/u;
const letterCache = new Uint8Array(0x10000); // 0 unknown, 1 no, 2 yes
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let v = letterCache[c]!;
  if (v === 0) {
    v = LETTER.test(String.fromCharCode(c)) ? 2 : 1;
    letterCache[c] = v;
  }
  return v === 2;
}
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x60 || c === 0x2019;
}

// Scratch buffers: detection is synchronous, so one set per process is safe and saves allocation.
const bytes = new Uint8Array(ENFORCE_CUT + 8);
const wordStarts = new Int32Array(ENFORCE_CUT + 8);
const wordEnds = new Int32Array(ENFORCE_CUT + 8);
let seenMark = new Int32Array(0); // per table slot: the call that last counted it
let generation = 0;

/**
 * UTF-8 bytes of the cleaned text, split into words, with ELD's cleaning: runs of non-letters become one
 * space unless they end in an apostrophe (kept, so "don't" and "l'eau" stay whole), then trimmed and
 * cut at ELD's byte limits. Returns the number of words.
 */
function toWords(text: string): number {
  const head = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  // Beyond ASCII, lower-casing can change what is a letter ("İ" → "i" + combining dot) and depends on
  // context (final sigma), so ELD's order — clean, then lower-case — is followed exactly.
  if (!isAscii(head)) return toWordsCleaned(head.replace(SEPARATORS, " ").trim().toLowerCase());
  const s = head.toLowerCase();
  const n = s.length;
  let nb = 0; // bytes written
  let count = 0; // ELD's byte counter, spaces included
  let words = 0;
  let wordStart = -1;
  let started = false; // leading separators are trimmed
  const endWord = () => {
    if (wordStart >= 0 && nb > wordStart) {
      wordStarts[words] = wordStart;
      wordEnds[words] = nb;
      words++;
    }
    wordStart = -1;
  };
  let i = 0;
  outer: while (i < n) {
    let c = s.charCodeAt(i);
    if (!isLetter(c)) {
      // A run of non-letters: replaced by a space up to its last non-apostrophe; the trailing
      // apostrophes survive as characters.
      let j = i;
      let lastNonApos = -1;
      while (j < n && !isLetter(s.charCodeAt(j))) {
        if (!isApostrophe(s.charCodeAt(j))) lastNonApos = j;
        j++;
      }
      if (lastNonApos >= 0) {
        if (started) {
          // The space: ends the word; ELD checks its 350-byte cut here.
          endWord();
          if (count > CUT_AFTER) break;
          count++;
          if (count > ENFORCE_CUT) break;
        }
        i = lastNonApos + 1;
        if (i >= j) continue;
      }
      // Apostrophes (ASCII ' ` kept as bytes, U+2019 as three bytes) are part of the next word.
      while (i < j) {
        c = s.charCodeAt(i);
        if (wordStart < 0) wordStart = nb;
        started = true;
        if (c < 0x80) {
          bytes[nb++] = c;
          count++;
        } else {
          bytes[nb++] = 0xe0 | (c >> 12);
          bytes[nb++] = 0x80 | ((c >> 6) & 0x3f);
          bytes[nb++] = 0x80 | (c & 0x3f);
          count += 3;
        }
        i++;
        if (count > ENFORCE_CUT) break outer;
      }
      continue;
    }
    if (wordStart < 0) wordStart = nb;
    started = true;
    if (c < 0x80) {
      bytes[nb++] = c;
      count++;
    } else if (c < 0x800) {
      bytes[nb++] = 0xc0 | (c >> 6);
      bytes[nb++] = 0x80 | (c & 0x3f);
      count += 2;
    } else {
      bytes[nb++] = 0xe0 | (c >> 12);
      bytes[nb++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[nb++] = 0x80 | (c & 0x3f);
      count += 3;
    }
    i++;
    if (count > ENFORCE_CUT) break;
  }
  endWord();
  return words;
}

// ELD's separator: runs of non-letters (BMP letters only) not ending in an apostrophe.
const SEPARATORS = /(?:[^\p{L}]|[\u{10000}-\u{10FFFF}])+(?<![\x27\x60\u2019])/gu;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** ELD's strToUtf8Bytes on already cleaned, lower-cased text: spaces split words, all else is kept. */
function toWordsCleaned(s: string): number {
  let nb = 0;
  let count = 0;
  let words = 0;
  let wordStart = nb;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20) {
        if (nb > wordStart) {
          wordStarts[words] = wordStart;
          wordEnds[words] = nb;
          words++;
        }
        wordStart = nb;
        if (count > CUT_AFTER) break;
      } else bytes[nb++] = c;
      count++;
    } else if (c < 0x800) {
      bytes[nb++] = 0xc0 | (c >> 6);
      bytes[nb++] = 0x80 | (c & 0x3f);
      count += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      bytes[nb++] = 0xe0 | (c >> 12);
      bytes[nb++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[nb++] = 0x80 | (c & 0x3f);
      count += 3;
    } else {
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (s.charCodeAt(i) & 0x3ff));
      bytes[nb++] = 0xf0 | (c >> 18);
      bytes[nb++] = 0x80 | ((c >> 12) & 0x3f);
      bytes[nb++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[nb++] = 0x80 | (c & 0x3f);
      count += 4;
    }
    if (count > ENFORCE_CUT) break;
  }
  if (nb > wordStart) {
    wordStarts[words] = wordStart;
    wordEnds[words] = nb;
    words++;
  }
  return words;
}

const SPACE_BYTE = new Uint8Array(256);
for (const b of ELD_SPACE_BYTES) SPACE_BYTE[b] = 1;

// Packed key of the current n-gram, set by key(); hi === 0 means "cannot be in the table".
let keyLo = 0;
let keyHi = 0;

/**
 * Key of bytes[from, from+len) with edge flags. ELD builds n-grams as strings in which some rare bytes
 * (e.g. the lead byte of combining accents, 0xCC) are written as a space; such a byte at an edge acts
 * as the word-edge marker, and one in the middle makes a string no table key has. Mirrored here so the
 * choice stays identical to ELD's.
 */
function key(from: number, len: number, lead: boolean, trail: boolean): void {
  let a = from;
  let b = from + len;
  let ld = lead;
  let tr = trail;
  if (SPACE_BYTE[bytes[a]!] === 1) {
    if (ld) {
      miss(from, len, lead, trail);
      return;
    }
    ld = true;
    a++;
  }
  if (b > a && SPACE_BYTE[bytes[b - 1]!] === 1) {
    if (tr) {
      miss(from, len, lead, trail);
      return;
    }
    tr = true;
    b--;
  }
  if (b <= a) {
    miss(from, len, lead, trail);
    return;
  }
  let lo = 0;
  for (let k = a; k < b; k++) {
    const v = bytes[k]!;
    if (SPACE_BYTE[v] === 1) {
      miss(from, len, lead, trail);
      return;
    }
    lo |= v << (8 * (k - a));
  }
  keyLo = lo;
  keyHi = (b - a) | (ld ? 8 : 0) | (tr ? 16 : 0);
}

/** A key that is not in the table; still distinct per n-gram string for ELD's n-gram count. */
function miss(from: number, len: number, lead: boolean, trail: boolean): void {
  let h = (lead ? 1 : 0) | (trail ? 2 : 0) | (len << 2);
  for (let k = 0; k < len; k++) {
    const v = bytes[from + k]!;
    h = Math.imul(h ^ (SPACE_BYTE[v] === 1 ? 0x20 : v), 0x01000193);
  }
  keyLo = h;
  keyHi = 0;
}

export interface RawScores {
  scores: Int32Array;
  ngrams: number;
}

/** Per-language ELD scores (index = table language), and the distinct n-gram count. */
export function scoreLanguages(text: string): RawScores {
  const t = ngramTable();
  const scores = new Int32Array(t.langs.length);
  const words = toWords(text);
  if (seenMark.length !== t.keyHi.length) seenMark = new Int32Array(t.keyHi.length);
  if (++generation > 0x3fffffff) {
    generation = 1;
    seenMark.fill(0);
  }
  let ngrams = 0;
  let misses: Set<number> | null = null;
  const add = (from: number, len: number, lead: boolean, trail: boolean) => {
    key(from, len, lead, trail);
    const slot = keyHi === 0 ? -1 : findSlot(t, keyLo, keyHi);
    if (slot < 0) {
      // Unknown n-grams still count towards the total (ELD's confidence divides by it).
      misses ??= new Set();
      const k = keyLo * 32 + keyHi;
      if (!misses.has(k)) {
        misses.add(k);
        ngrams++;
      }
      return;
    }
    // ELD collects n-grams in an object first: each distinct n-gram scores once.
    if (seenMark[slot] === generation) return;
    seenMark[slot] = generation;
    ngrams++;
    const end = t.start[slot]! + t.count[slot]!;
    for (let p = t.start[slot]!; p < end; p++) scores[t.postLang[p]!]! += t.postValue[p]! + BASE_SCORE;
  };
  for (let w = 0; w < words; w++) {
    const from = wordStarts[w]!;
    const full = wordEnds[w]! - from;
    const len = Math.min(full, MAX_WORD);
    let j = 0;
    for (; j + 4 < len; j += 3) add(from + j, 4, j === 0, false);
    if (full > MAX_WORD) {
      // ELD takes the rest of an over-long word as one tail "n-gram": never in the table.
      ngrams++;
      continue;
    }
    const tail = len > 4 ? len - 4 : 0;
    add(from + tail, len - tail, j === 0, true);
  }
  return { scores, ngrams };
}

/** Detects the language; `language` is "und" unless the call is reliable. */
export function detectLanguage(text: string): LanguageResult {
  const { scores, ngrams } = scoreLanguages(text);
  const langs = ngramTable().langs;
  let best = -1;
  let bestVal = 0;
  let second = 0;
  for (let l = 0; l < scores.length; l++) {
    const v = scores[l]!;
    if (v > bestVal) {
      second = bestVal;
      bestVal = v;
      best = l;
    } else if (v > second) second = v;
  }
  if (best < 0) return { language: "und", best: "", confidence: 0, ngrams };
  const scaled = (v: number) => v / ngrams / (v / ngrams + SCALE);
  const confidence = scaled(bestVal);
  const code = langs[best]!;
  // Reliable: enough n-grams, a top score near what correct detections of that language usually
  // reach (ELD's reference), and a clear margin over the runner-up (close calls between e.g. es/pt
  // or da/no on a few words are coin flips).
  const avg = ELD_AVG_SCORE[code] ?? 0.78;
  const reliable = ngrams >= 3 && confidence >= avg * 0.75 && confidence - scaled(second) >= 0.01;
  return { language: reliable ? code : "und", best: code, confidence, ngrams };
}
