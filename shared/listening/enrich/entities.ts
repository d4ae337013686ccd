import { emojiEnd } from "./emoji";

/**
 * Entities found in a post. Hashtags, mentions, cashtags and URLs are de-duplicated in order of first
 * appearance (they feed set-like filters); emoji keep every occurrence (counts carry signal).
 */
export interface Entities {
  /** Lower case, without "#". */
  hashtags: string[];
  /** Lower case, without the leading "@"; fediverse handles keep "user@instance". */
  mentions: string[];
  /** Upper case, without "$". */
  cashtags: string[];
  urls: UrlEntity[];
  /** Full grapheme clusters: ZWJ sequences, skin tones, flags and keycaps stay whole. */
  emoji: string[];
}

export interface UrlEntity {
  url: string;
  /** Host, lower case, without "www." and port. */
  domain: string;
}

enum Ch {
  Hash = 0x23,
  Dollar = 0x24,
  Amp = 0x26,
  At = 0x40,
  Lt = 0x3c,
  Gt = 0x3e,
  Underscore = 0x5f,
  Dot = 0x2e,
  Dash = 0x2d,
  Slash = 0x2f,
}

// Letters of any script (hashtags such as #café, #東京 and #праздник are common).
const LETTER = /^\p{L}$/u;
const WORDISH = /^[\p{L}\p{M}\p{Nd}_]$/u;

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c) || c === Ch.Underscore;
  if (c === 0x200c || c === 0x200d) return false;
  return WORDISH.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetter(c);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}
function isKeycapMark(c: number): boolean {
  return c === 0xfe0f || c === 0x20e3;
}
function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/**
 * A sigil (#, @, $) starts an entity only after a boundary, so "a#b", "me@x.com", "&#39;" and
 * "US$5" are not entities. HTML numeric entities are excluded by the "&" rule.
 */
function boundaryBefore(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p === Ch.Amp || p === Ch.Slash || p === Ch.Hash || p === Ch.At || p === Ch.Dollar) return false;
  if (p < 0x80) return !isAsciiAlnum(p) && p !== Ch.Underscore;
  // Low surrogate: look at the whole code point (emoji before a hashtag is a boundary).
  const start = p >= 0xdc00 && p <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return !isWordChar(text, start);
}

/** Host of a URL: lower case, without scheme, credentials, port and a leading "www.". */
export function domainOf(url: string): string {
  let s = url;
  const scheme = s.indexOf("://");
  if (scheme >= 0 && scheme < 12) s = s.slice(scheme + 3);
  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === Ch.Slash || c === 0x3f || c === Ch.Hash) {
      end = i;
      break;
    }
  }
  let host = s.slice(0, end);
  const at = host.lastIndexOf("@");
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith("[")) {
    const close = host.indexOf("]");
    host = close > 0 ? host.slice(0, close + 1) : host;
  } else {
    const colon = host.indexOf(":");
    if (colon >= 0) host = host.slice(0, colon);
  }
  host = host.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host.startsWith("www.") ? host.slice(4) : host;
}

// Characters that end a URL in running text or markup.
function urlStop(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x22 ||
    c === 0x27 ||
    c === Ch.Lt ||
    c === Ch.Gt ||
    c === 0x60 ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x7c ||
    c === 0x5c ||
    c === 0x5e ||
    (c >= 0x2000 && c <= 0x206f) || // general punctuation incl. ZWSP, smart quotes, ellipsis
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Returns the end index of a URL starting at i ("http://", "https://" or "www."), or -1. */
function urlEnd(text: string, i: number): number {
  const rest = text.length - i;
  let j: number;
  if (rest > 8 && (text.startsWith("https://", i) || text.startsWith("HTTPS://", i))) j = i + 8;
  else if (rest > 7 && (text.startsWith("http://", i) || text.startsWith("HTTP://", i))) j = i + 7;
  else if (rest > 5 && (text.startsWith("www.", i) || text.startsWith("WWW.", i))) j = i + 4;
  else return -1;
  const hostStart = j;
  while (j < text.length && !urlStop(text.charCodeAt(j))) j++;
  // In HTML-escaped text a quote or bracket after the link arrives as an entity; it ends the link.
  const amp = text.indexOf("&", hostStart);
  if (amp >= 0 && amp < j) {
    const m = ESCAPED_STOP.exec(text.slice(amp, j));
    if (m) j = amp + m.index;
  }
  // Trailing sentence punctuation is not part of the URL; a ")" only when unbalanced (Wikipedia links).
  for (;;) {
    const c = text.charCodeAt(j - 1);
    if (c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x5d) {
      j--;
      continue;
    }
    if (c === 0x29) {
      const body = text.slice(i, j);
      const opens = body.split("(").length - 1;
      const closes = body.split(")").length - 1;
      if (closes > opens) {
        j--;
        continue;
      }
    }
    break;
  }
  const h = text.charCodeAt(hostStart);
  if (j <= hostStart || (h < 0x80 && !isAsciiAlnum(h))) return -1;
  return j;
}

const ESCAPED_STOP = /&(?:quot|lt|gt|#39|#x27|apos|#34);/;

function decodeUrlEntities(url: string): string {
  return url.indexOf("&") < 0 ? url : url.replace(/&amp;/g, "&").replace(/&#38;/g, "&");
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * One left-to-right pass over the text. Inside HTML tags only URLs are taken (href/src values), so
 * `style="color:#fff"` yields no hashtag while `<a href="https://…">` yields its link.
 */
export function extractEntities(text: string): Entities {
  const hashtags: string[] = [];
  const mentions: string[] = [];
  const cashtags: string[] = [];
  const urls: UrlEntity[] = [];
  const emoji: string[] = [];
  const n = text.length;
  let inTag = false;

  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);

    if (c === Ch.Lt) {
      const next = text.charCodeAt(i + 1);
      if (isAsciiLetter(next) || next === Ch.Slash || next === 0x21) inTag = true;
      i++;
      continue;
    }
    if (c === Ch.Gt && inTag) {
      inTag = false;
      i++;
      continue;
    }

    if (c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57) {
      if (i === 0 || !isAsciiAlnum(text.charCodeAt(i - 1))) {
        const end = urlEnd(text, i);
        if (end > 0) {
          const url = decodeUrlEntities(text.slice(i, end));
          if (!urls.some((u) => u.url === url)) urls.push({ url, domain: domainOf(url) });
          i = end;
          continue;
        }
      }
    }

    if (inTag) {
      i++;
      continue;
    }

    if (c === Ch.Hash && boundaryBefore(text, i) && !isKeycapMark(text.charCodeAt(i + 1))) {
      let j = i + 1;
      let hasLetter = false;
      while (j < n && isWordChar(text, j)) {
        if (!hasLetter && isLetterAt(text, j)) hasLetter = true;
        j += charWidth(text, j);
      }
      // "#1" and "#2024" are rankings and years, not tags.
      if (hasLetter) pushUnique(hashtags, text.slice(i + 1, j).toLowerCase());
      i = Math.max(j, i + 1);
      continue;
    }

    if (c === Ch.At && boundaryBefore(text, i)) {
      let j = i + 1;
      let fediverse = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isAsciiAlnum(d) || d === Ch.Underscore) j++;
        // Dots and dashes only inside a handle (Bluesky "name.bsky.social"), never trailing.
        else if ((d === Ch.Dot || d === Ch.Dash) && isAsciiAlnum(text.charCodeAt(j + 1))) j++;
        // Fediverse "@user@instance.social".
        else if (d === Ch.At && !fediverse && j > i + 1 && isAsciiAlnum(text.charCodeAt(j + 1))) {
          fediverse = true;
          j++;
        } else break;
      }
      if (j > i + 1) pushUnique(mentions, text.slice(i + 1, j).toLowerCase());
      i = Math.max(j, i + 1);
      continue;
    }

    if (c === Ch.Dollar && boundaryBefore(text, i)) {
      let j = i + 1;
      while (j < n && j - i <= 6 && isAsciiLetter(text.charCodeAt(j))) j++;
      const len = j - i - 1;
      // Share classes such as $BRK.B; "$5", "$abcdefg" and "$AAPLx1" are not tickers.
      if (
        text.charCodeAt(j) === Ch.Dot &&
        isAsciiLetter(text.charCodeAt(j + 1)) &&
        !isAsciiAlnum(text.charCodeAt(j + 2))
      ) {
        j += 2;
      }
      if (len >= 1 && len <= 6 && !isAsciiAlnum(text.charCodeAt(j)) && text.charCodeAt(j) !== Ch.Underscore) {
        pushUnique(cashtags, text.slice(i + 1, j).toUpperCase());
      }
      i = Math.max(j, i + 1);
      continue;
    }

    if (
      c >= 0xa9 ||
      ((c === Ch.Hash || c === 0x2a || (c >= 0x30 && c <= 0x39)) && isKeycapMark(text.charCodeAt(i + 1)))
    ) {
      const end = emojiEnd(text, i);
      if (end > 0) {
        emoji.push(text.slice(i, end));
        i = end;
        continue;
      }
    }
    i += charWidth(text, i);
  }

  return { hashtags, mentions, cashtags, urls, emoji };
}
