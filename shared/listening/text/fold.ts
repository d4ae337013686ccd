/**
 * Case and accent folding shared by posts and queries: both sides must fold identically or
 * the presearcher and the evaluators disagree.
 */

// Latin/Greek/Cyrillic diacritics, Hebrew points and Arabic harakat. Marks that carry
// meaning (Devanagari vowel signs, for example) are kept: stripping every \p{M} would
// merge distinct words in those scripts.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL
const ASCII_RE = /^[\x00-\x7f]*$/;

const MARKS_RE =
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/g;

/**
 * NFKD, lower-case, strip diacritics. NFKD rather than NFD so that "𝐍𝐢𝐤𝐞" (maths
 * bold, a common filter-evasion trick) and full-width letters fold to plain letters.
 * Final sigma is folded to σ so folding stays character-wise, which the wildcard prefix
 * index relies on.
 */
export function fold(s: string): string {
  if (ASCII_RE.test(s)) return s.toLowerCase();
  return s.normalize("NFKD").toLowerCase().replace(MARKS_RE, "").replace(/ς/g, "σ");
}

/** Fold a string known to be ASCII: only case matters. */
export function foldAscii(s: string, hasUpper: boolean): string {
  return hasUpper ? s.toLowerCase() : s;
}

/** Lower-case, strip the scheme, "www." and a trailing slash: the form url:, links: and site: compare. */
export function normaliseUrl(u: string): string {
  let s = u.trim().toLowerCase();
  const scheme = s.indexOf("://");
  if (scheme > 0 && scheme < 10) s = s.slice(scheme + 3);
  if (s.startsWith("www.")) s = s.slice(4);
  while (s.endsWith("/")) s = s.slice(0, -1);
  return s;
}

/** Host part of a normalised URL. */
export function hostOf(normalisedUrl: string): string {
  const end = normalisedUrl.search(/[/?#:]/);
  return end < 0 ? normalisedUrl : normalisedUrl.slice(0, end);
}
