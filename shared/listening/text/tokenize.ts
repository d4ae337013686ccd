import {
  C_IDEO,
  C_PICT,
  C_REGIONAL,
  C_WORD,
  C_ZERO_WIDTH,
  classOf,
  isAsciiWord,
  isEmojiModifier,
  isEmojiTail,
} from "./chars";
import { fold } from "./fold";

export const TokenKind = { Word: 0, Hashtag: 1, Mention: 2, Cashtag: 3, Url: 4, Emoji: 5 } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/**
 * Tokens as parallel arrays (one allocation per array instead of one object per token).
 * For #hashtags, @mentions and $cashtags `norm`/`orig` hold the body without the sigil, so
 * a plain word query can match the body through the same index entry; `kind` tells them
 * apart. Offsets are UTF-16 code unit offsets into the original text, sigil included.
 */
export interface Tokens {
  count: number;
  /** Lower-case, accent-folded form used for matching. */
  norm: string[];
  /** Original case and accents (zero-width characters removed) for `{exact}` matching. */
  orig: string[];
  start: number[];
  end: number[];
  kind: TokenKind[];
}

export interface TokenizeOptions {
  /** Query mode: `*` and `?` are word characters so wildcard terms stay one token. */
  wildcards?: boolean;
  /** Skip HTML tags and entities (default true for posts, always off with `wildcards`). */
  html?: boolean;
}

const ZERO_WIDTH_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const EMOJI_MODIFIERS_RE = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu;

function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

function isWordAt(text: string, k: number, wild: boolean): boolean {
  if (k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (c < 128) return isAsciiWord(c) || (wild && (c === 42 || c === 63));
  return classOf(codePointAt(text, k)) === C_WORD;
}

function prevIsWord(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  return c < 128 ? isAsciiWord(c) || c === 95 : classOf(c) === C_WORD;
}

function push(out: Tokens, norm: string, orig: string, start: number, end: number, kind: TokenKind): void {
  out.norm.push(norm);
  out.orig.push(orig);
  out.start.push(start);
  out.end.push(end);
  out.kind.push(kind);
  out.count++;
}

/**
 * Scans a word body from `from`; returns the end offset (== from when there is no body).
 * Hand-rolled because a regex per word costs a match object and a sticky lastIndex dance,
 * which is measurably slower on short posts.
 */
function readWord(
  text: string,
  tokenStart: number,
  from: number,
  kind: TokenKind,
  wild: boolean,
  underscore: boolean,
  out: Tokens,
): number {
  const n = text.length;
  let j = from;
  let upper = false;
  let nonAscii = false;
  let special = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        j++;
      } else if (c >= 65 && c <= 90) {
        upper = true;
        j++;
      } else if ((wild && (c === 42 || c === 63)) || (underscore && c === 95)) {
        j++;
      } else if (c === 39 && j > from && isWordAt(text, j + 1, wild)) {
        j++;
      } else {
        break;
      }
      continue;
    }
    if (c === 0x2019 && j > from && isWordAt(text, j + 1, wild)) {
      special = true;
      j++;
      continue;
    }
    const cp = codePointAt(text, j);
    const cl = classOf(cp);
    if (cl === C_WORD) {
      nonAscii = true;
      j += cp > 0xffff ? 2 : 1;
    } else if (cl === C_ZERO_WIDTH && j > from && isWordAt(text, j + 1, wild)) {
      special = true;
      j++;
    } else {
      break;
    }
  }
  if (j === from) return from;
  let orig = text.slice(from, j);
  if (special) orig = orig.replace(ZERO_WIDTH_RE, "").replace(/\u2019/g, "'");
  const norm = nonAscii ? fold(orig) : upper ? orig.toLowerCase() : orig;
  push(out, norm, orig, tokenStart, j, kind);
  return j;
}

function readEmoji(text: string, i: number, first: number, out: Tokens): number {
  const n = text.length;
  let j = i + (first > 0xffff ? 2 : 1);
  let modified = false;
  if (classOf(first) === C_REGIONAL) {
    // Two regional indicators form one flag.
    if (j < n) {
      const cp = codePointAt(text, j);
      if (classOf(cp) === C_REGIONAL) j += 2;
    }
  } else {
    while (j < n) {
      const cp = codePointAt(text, j);
      if (isEmojiModifier(cp)) {
        modified = true;
        j += cp > 0xffff ? 2 : 1;
      } else if (isEmojiTail(cp)) {
        j += cp > 0xffff ? 2 : 1;
      } else if (cp === 0x200d && j + 1 < n) {
        const next = codePointAt(text, j + 1);
        if (classOf(next) !== C_PICT) break;
        j += 1 + (next > 0xffff ? 2 : 1);
      } else {
        break;
      }
    }
  }
  const orig = text.slice(i, j);
  push(out, modified ? orig.replace(EMOJI_MODIFIERS_RE, "") : orig, orig, i, j, TokenKind.Emoji);
  return j;
}

function lowerAt(text: string, k: number): number {
  return text.charCodeAt(k) | 32;
}

/** Length of a URL starting at i, or 0. */
function urlEnd(text: string, i: number): number {
  const c = text.charCodeAt(i) | 32;
  let body = 0;
  if (
    c === 104 &&
    lowerAt(text, i + 1) === 116 &&
    lowerAt(text, i + 2) === 116 &&
    lowerAt(text, i + 3) === 112
  ) {
    if (text.startsWith("://", i + 4)) body = i + 7;
    else if (lowerAt(text, i + 4) === 115 && text.startsWith("://", i + 5)) body = i + 8;
  } else if (c === 119 && lowerAt(text, i + 1) === 119 && lowerAt(text, i + 2) === 119) {
    if (text.charCodeAt(i + 3) === 46) body = i + 4;
  }
  if (body === 0 || prevIsWord(text, i)) return 0;
  let j = body;
  const n = text.length;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d <= 32 || d === 34 || d === 60 || d === 62 || d === 96 || d === 0xa0 || d === 0x3000) break;
    j++;
  }
  // Sentence punctuation after a link is not part of it.
  while (j > body && ".,;:!?)]}'\"".includes(text[j - 1]!)) j--;
  return j > body ? j : 0;
}

/** End of an HTML tag or entity starting at i, or i when it is not one. */
function skipMarkup(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 60) {
    const d = text.charCodeAt(i + 1) | 32;
    if (!((d >= 97 && d <= 122) || d === 47 || d === 33)) return i;
    const limit = Math.min(text.length, i + 1000);
    for (let j = i + 1; j < limit; j++) {
      const e = text.charCodeAt(j);
      if (e === 62) return j + 1;
      if (e === 60) return i;
    }
    return i;
  }
  // Entity: &name; or &#123; or &#x1F;
  let j = i + 1;
  const limit = Math.min(text.length, i + 12);
  if (text.charCodeAt(j) === 35) j++;
  const bodyStart = j;
  while (j < limit && isAsciiWord(text.charCodeAt(j))) j++;
  return j > bodyStart && text.charCodeAt(j) === 59 ? j + 1 : i;
}

/**
 * Splits text into tokens: words (Unicode letters/digits, inner apostrophes kept),
 * #hashtags, @mentions, $cashtags, URLs, emoji (ZWJ sequences, flags, skin tones as one
 * token) and Han/Kana characters one by one.
 */
export function tokenize(text: string, opts?: TokenizeOptions): Tokens {
  const wild = opts?.wildcards === true;
  const html = !wild && opts?.html !== false;
  const out: Tokens = { count: 0, norm: [], orig: [], start: [], end: [], kind: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (isAsciiWord(c) || (wild && (c === 42 || c === 63))) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (next === 0xfe0f || next === 0x20e3) {
          i = readEmoji(text, i, c, out);
          continue;
        }
        if (c === 104 || c === 72 || c === 119 || c === 87) {
          const end = urlEnd(text, i);
          if (end > 0) {
            const orig = text.slice(i, end);
            push(out, orig.toLowerCase(), orig, i, end, TokenKind.Url);
            i = end;
            continue;
          }
        }
        i = readWord(text, i, i, TokenKind.Word, wild, false, out);
        continue;
      }
      if ((c === 35 || c === 64 || c === 36) && !prevIsWord(text, i)) {
        const kind = c === 35 ? TokenKind.Hashtag : c === 64 ? TokenKind.Mention : TokenKind.Cashtag;
        if (kind === TokenKind.Cashtag) {
          const d = text.charCodeAt(i + 1) | 32;
          if (!(d >= 97 && d <= 122)) {
            i++;
            continue;
          }
        }
        const end = readWord(text, i, i + 1, kind, wild, kind !== TokenKind.Cashtag, out);
        i = Math.max(end, i + 1);
        continue;
      }
      if (html && (c === 60 || c === 38)) {
        const end = skipMarkup(text, i);
        i = end > i ? end : i + 1;
        continue;
      }
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    const cl = classOf(cp);
    if (cl === C_WORD) {
      i = readWord(text, i, i, TokenKind.Word, wild, false, out);
    } else if (cl === C_IDEO) {
      const w = cp > 0xffff ? 2 : 1;
      const orig = text.slice(i, i + w);
      push(out, fold(orig), orig, i, i + w, TokenKind.Word);
      i += w;
    } else if (cl === C_PICT || cl === C_REGIONAL) {
      i = readEmoji(text, i, cp, out);
    } else {
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}
