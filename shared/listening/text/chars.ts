/**
 * Character classes for the tokeniser. Unicode property regexes are correct but cost a
 * regex call per character; posts are mostly ASCII, so ASCII is a table lookup and every
 * other BMP code unit is classified once and memoised in a 64 KiB table.
 */

export const C_OTHER = 1;
export const C_WORD = 2;
export const C_PICT = 3;
/** Zero-width characters that may hide inside a word ("ni\u200Bke") to evade filters. */
export const C_ZERO_WIDTH = 4;
/** Han, Hiragana, Katakana: scripts without spaces, so each character is its own token. */
export const C_IDEO = 5;
export const C_REGIONAL = 6;

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const IDEO_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const PICT_RE = /^\p{Extended_Pictographic}$/u;

const bmp = new Uint8Array(65536);
const astral = new Map<number, number>();

function compute(cp: number): number {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad) {
    return C_ZERO_WIDTH;
  }
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return C_REGIONAL;
  const s = String.fromCodePoint(cp);
  if (IDEO_RE.test(s)) return C_IDEO;
  if (WORD_RE.test(s)) return C_WORD;
  if (PICT_RE.test(s)) return C_PICT;
  return C_OTHER;
}

for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  bmp[c] = word ? C_WORD : C_OTHER;
}

/** Class of a code point (pass the full code point for astral characters). */
export function classOf(cp: number): number {
  if (cp < 65536) {
    let v = bmp[cp]!;
    if (v === 0) {
      // Lone surrogates only reach here when the text is malformed UTF-16.
      v = cp >= 0xd800 && cp <= 0xdfff ? C_OTHER : compute(cp);
      bmp[cp] = v;
    }
    return v;
  }
  let v = astral.get(cp);
  if (v === undefined) {
    v = compute(cp);
    astral.set(cp, v);
  }
  return v;
}

export function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** Skin-tone modifiers and variation selectors: part of an emoji, dropped from its folded form. */
export function isEmojiModifier(cp: number): boolean {
  return (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f || cp === 0xfe0e;
}

/** Tag characters (subdivision flags such as England) and the keycap combiner. */
export function isEmojiTail(cp: number): boolean {
  return (cp >= 0xe0020 && cp <= 0xe007f) || cp === 0x20e3;
}
