/**
 * Emoji grapheme-cluster scanning without Intl.Segmenter: the segmenter allocates per call and is an
 * order of magnitude slower than a code-point walk, and enrichment runs on every post.
 *
 * A cluster is: a base (pictographic code point, keycap base or regional-indicator pair), then any of
 * VS16, a skin-tone modifier, tag characters (subdivision flags), a keycap mark, and further
 * ZWJ-joined pictographic parts (families, professions, "heart on fire").
 */

// Property lookups through a Unicode regex cost an allocation each; cache them per code point
// (0 = unknown, 1 = not pictographic, 2 = pictographic text-default, 3 = emoji presentation).
const PICTO = /^\p{Extended_Pictographic}$/u;
const PRESENTATION = /^\p{Emoji_Presentation}$/u;
const CACHE_SIZE = 0x20000;
const cache = new Uint8Array(CACHE_SIZE);

function pictoClass(cp: number): number {
  // Fast reject: nothing below U+00A9, and the Latin/Cyrillic/CJK letter blocks hold no emoji.
  if (cp < 0xa9 || (cp > 0xae && cp < 0x203c) || (cp > 0x3299 && cp < 0x1f000) || cp >= CACHE_SIZE) return 1;
  let c = cache[cp]!;
  if (c === 0) {
    const s = String.fromCodePoint(cp);
    c = PICTO.test(s) ? (PRESENTATION.test(s) ? 3 : 2) : 1;
    cache[cp] = c;
  }
  return c;
}

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const VS15 = 0xfe0e;
const KEYCAP = 0x20e3;

function isRegional(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}
function isSkinTone(cp: number): boolean {
  return cp >= 0x1f3fb && cp <= 0x1f3ff;
}
function isTag(cp: number): boolean {
  return cp >= 0xe0020 && cp <= 0xe007f;
}
function isKeycapBase(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || cp === 0x23 || cp === 0x2a;
}

function cpAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}
function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/**
 * If an emoji cluster starts at UTF-16 index `i`, returns the index just past it; otherwise -1.
 * Text-default pictographs (©, ™, ↔, ☺ without VS16) are not emoji: they are typography.
 */
export function emojiEnd(text: string, i: number): number {
  const cp = cpAt(text, i);
  let j = i + width(cp);
  const n = text.length;
  if (isKeycapBase(cp)) {
    // "1️⃣" or "1⃣": digit, optional VS16, combining keycap.
    let k = j;
    if (text.charCodeAt(k) === VS16) k++;
    return text.charCodeAt(k) === KEYCAP ? k + 1 : -1;
  }
  if (isRegional(cp)) {
    const next = cpAt(text, j);
    return isRegional(next) ? j + 2 : -1;
  }
  const cls = pictoClass(cp);
  if (cls === 1) return -1;
  let emoji = cls === 3;
  // Modifiers after the base decide whether a text-default pictograph is shown as emoji.
  for (;;) {
    while (j < n) {
      const m = cpAt(text, j);
      if (m === VS16) {
        emoji = true;
        j++;
      } else if (m === VS15) {
        j++;
      } else if (isSkinTone(m)) {
        emoji = true;
        j += 2;
      } else if (isTag(m)) {
        j += 2;
      } else if (m === KEYCAP) {
        j++;
      } else break;
    }
    if (j < n && text.charCodeAt(j) === ZWJ) {
      const after = cpAt(text, j + 1);
      if (after && pictoClass(after) !== 1) {
        emoji = true;
        j += 1 + width(after);
        continue;
      }
    }
    break;
  }
  return emoji ? j : -1;
}

/** Every emoji cluster in order of appearance, duplicates kept (counts carry signal). */
export function extractEmoji(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    // ASCII can only start a keycap sequence; skip the common case cheaply.
    if (c < 0x80) {
      const next = text.charCodeAt(i + 1);
      if (!isKeycapBase(c) || (next !== VS16 && next !== KEYCAP)) {
        i++;
        continue;
      }
    }
    const end = emojiEnd(text, i);
    if (end > 0) {
      out.push(text.slice(i, end));
      i = end;
    } else {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
  }
  return out;
}
