import { fold } from "../text/fold";
import { TokenKind, tokenize } from "../text/tokenize";
import { LIMITS } from "./ast";

/**
 * One query token, ready to be compared with post tokens. Terms and phrases are run through
 * the post tokeniser so both sides agree on word boundaries: "e-commerce" becomes the
 * two-token sequence e, commerce, exactly as it would in a post.
 */
export interface TokenPattern {
  kind: TokenKind;
  /** Folded form (wildcard characters kept). */
  norm: string;
  /** As written, for exact matching. */
  orig: string;
  exact: boolean;
  wildcard: boolean;
  /** Folded characters before the first wildcard; the whole norm when there is none. */
  stem: string;
  /** Wildcards: the literal text before the first wildcard, in the form compared (orig when exact). */
  literal: string;
  /** Wildcards other than a single trailing `*` need a regex; a trailing `*` is a startsWith. */
  re: RegExp | null;
}

/**
 * Whether a wildcard pattern matches a post token's norm (or orig when exact). A plain
 * function over data rather than a closure per pattern: with thousands of topics, per-topic
 * closures each need their own JIT warm-up and mostly run unoptimised.
 */
export function wildMatch(p: TokenPattern, s: string): boolean {
  // The regex is anchored and begins with the literal: check that first, it rejects most tokens.
  return s.startsWith(p.literal) && (p.re === null || p.re.test(s));
}

export type Analysis =
  | { ok: true; patterns: TokenPattern[] }
  | { ok: false; code: string; message: string; offset: number; length: number };

const cache = new Map<string, Analysis>();

function wildcardRegex(pattern: string): RegExp | null {
  const first = pattern.search(/[*?]/);
  if (first === pattern.length - 1 && pattern.endsWith("*")) return null;
  let src = "^";
  for (const ch of pattern) {
    if (ch === "*") src += ".*";
    else if (ch === "?") src += ".";
    else src += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`${src}$`, "su");
}

function kindWord(kind: TokenKind): string {
  return kind === TokenKind.Hashtag
    ? "#"
    : kind === TokenKind.Mention
      ? "@"
      : kind === TokenKind.Cashtag
        ? "$"
        : "";
}

function analyseUncached(text: string, exact: boolean): Analysis {
  const toks = tokenize(text, { wildcards: true });
  if (toks.count === 0) {
    return {
      ok: false,
      code: "no_searchable_text",
      message: `'${text}' has no letters, digits or emoji to search for`,
      offset: 0,
      length: text.length,
    };
  }
  const patterns: TokenPattern[] = [];
  for (let i = 0; i < toks.count; i++) {
    const kind = toks.kind[i]!;
    const orig = toks.orig[i]!;
    const norm = toks.norm[i]!;
    const start = toks.start[i]!;
    const length = toks.end[i]! - start;
    const wild = kind !== TokenKind.Url && kind !== TokenKind.Emoji ? orig.search(/[*?]/) : -1;
    if (wild === 0) {
      return {
        ok: false,
        code: "leading_wildcard",
        message: `a wildcard cannot start a word: '${kindWord(kind)}${orig}'`,
        offset: start,
        length,
      };
    }
    if (wild > 0 && [...orig.slice(0, wild)].length < LIMITS.minWildcardStem) {
      return {
        ok: false,
        code: "wildcard_stem",
        message: `'${kindWord(kind)}${orig}' needs at least ${LIMITS.minWildcardStem} characters before the wildcard`,
        offset: start,
        length,
      };
    }
    const stem = wild > 0 ? fold(orig.slice(0, wild)) : norm;
    patterns.push({
      kind,
      norm,
      orig,
      exact,
      wildcard: wild > 0,
      stem,
      literal: wild > 0 ? (exact ? orig : norm).slice(0, (exact ? orig : norm).search(/[*?]/)) : "",
      re: wild > 0 ? wildcardRegex(exact ? orig : norm) : null,
    });
  }
  return { ok: true, patterns };
}

/** Tokenises and validates a term or phrase text (memoised: the same words recur across topics). */
export function analyse(text: string, exact: boolean): Analysis {
  const key = (exact ? "1" : "0") + text;
  let a = cache.get(key);
  if (!a) {
    if (cache.size > 100_000) cache.clear();
    a = analyseUncached(text, exact);
    cache.set(key, a);
  }
  return a;
}

/** Patterns of a term or phrase already accepted by the parser. */
export function patternsOf(text: string, exact: boolean): TokenPattern[] {
  const a = analyse(text, exact);
  return a.ok ? a.patterns : [];
}

/** A word pattern matches word, hashtag, mention and cashtag bodies; sigils must match their own kind. */
export function kindMatches(pattern: TokenKind, token: TokenKind): boolean {
  return pattern === token || (pattern === TokenKind.Word && token <= TokenKind.Cashtag);
}
