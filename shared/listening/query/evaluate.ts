import { EMPTY_TOKENS, type PreparedPost } from "../text/prepare";
import type { Tokens } from "../text/tokenize";
import type { MatchNode, Node, Query, RangeNode } from "./ast";
import { siteMatches, urlMatches } from "./fields";
import { type Interval, nearPairs, proximityWindows } from "./proximity";
import { kindMatches, patternsOf, type TokenPattern, wildMatch } from "./terms";

/** A highlighted character range (UTF-16 offsets, end exclusive) in the post text or title. */
export interface Span {
  field: "text" | "title";
  start: number;
  end: number;
}

export interface EvalResult {
  matched: boolean;
  spans: Span[];
}

interface Ctx {
  pp: PreparedPost;
  tokens: Tokens;
  field: "text" | "title";
}

interface Outcome {
  ok: boolean;
  /** Token intervals to highlight, tagged with their field. */
  hl: Array<{ field: "text" | "title"; iv: Interval }>;
}

interface Occurrences {
  spans: Interval[];
  hl: Interval[];
}

const NO: Outcome = { ok: false, hl: [] };

export function tokenMatches(p: TokenPattern, tokens: Tokens, i: number): boolean {
  if (!kindMatches(p.kind, tokens.kind[i]!)) return false;
  if (p.wildcard) return wildMatch(p, p.exact ? tokens.orig[i]! : tokens.norm[i]!);
  return p.exact ? tokens.orig[i] === p.orig : tokens.norm[i] === p.norm;
}

/** Every place a token sequence occurs, found by scanning all tokens (no index: obviously correct). */
function sequence(patterns: TokenPattern[], tokens: Tokens): Interval[] {
  const out: Interval[] = [];
  const len = patterns.length;
  for (let p = 0; p + len <= tokens.count; p++) {
    let all = true;
    for (let k = 0; k < len && all; k++) all = tokenMatches(patterns[k]!, tokens, p + k);
    if (all) out.push([p, p + len - 1]);
  }
  return out;
}

function occurrences(n: Node, tokens: Tokens): Occurrences {
  switch (n.type) {
    case "term":
    case "phrase": {
      const patterns = patternsOf(n.text, n.exact);
      if (n.type === "phrase" && n.proximity !== undefined) {
        const positions = patterns.map((p) => sequence([p], tokens).map((iv) => iv[0]));
        const w = proximityWindows(positions, n.proximity);
        return { spans: w.spans, hl: w.tokens.map((t): Interval => [t, t]) };
      }
      const spans = sequence(patterns, tokens);
      return { spans, hl: spans };
    }
    case "or": {
      const spans: Interval[] = [];
      const hl: Interval[] = [];
      for (const c of n.children) {
        const o = occurrences(c, tokens);
        spans.push(...o.spans);
        hl.push(...o.hl);
      }
      return { spans, hl };
    }
    case "near": {
      const l = occurrences(n.left, tokens);
      const r = occurrences(n.right, tokens);
      const pairs = nearPairs(l.spans, r.spans, n.distance, n.ordered);
      return { spans: pairs.spans, hl: pairs.parts };
    }
    default:
      return { spans: [], hl: [] };
  }
}

function matchField(n: MatchNode, pp: PreparedPost): boolean {
  switch (n.field) {
    case "author":
      return pp.author === n.value;
    case "site":
      return pp.site !== null && siteMatches(pp.site, n.value);
    case "url":
      return pp.url !== null && urlMatches(pp.url, n.value);
    case "links":
      return pp.links.some((l) => urlMatches(l, n.value));
    case "language":
      return pp.language === n.value;
    case "country":
      return pp.country === n.value;
    case "channel":
      return pp.channel === n.value;
    case "sentiment":
      return pp.sentiment === n.value;
  }
}

export function inRange(n: RangeNode, pp: PreparedPost): boolean {
  const v = n.field === "rating" ? pp.post.rating : pp.post.authorFollowers;
  return (
    typeof v === "number" &&
    !Number.isNaN(v) &&
    (n.min === null || v >= n.min) &&
    (n.max === null || v <= n.max)
  );
}

function evalNode(n: Node, ctx: Ctx): Outcome {
  switch (n.type) {
    case "term":
    case "phrase":
    case "near": {
      const o = occurrences(n, ctx.tokens);
      return o.spans.length > 0 ? { ok: true, hl: o.hl.map((iv) => ({ field: ctx.field, iv })) } : NO;
    }
    case "and": {
      const hl: Outcome["hl"] = [];
      for (const c of n.children) {
        const o = evalNode(c, ctx);
        if (!o.ok) return NO;
        hl.push(...o.hl);
      }
      return { ok: true, hl };
    }
    case "or": {
      const hl: Outcome["hl"] = [];
      let ok = false;
      for (const c of n.children) {
        const o = evalNode(c, ctx);
        if (o.ok) {
          ok = true;
          hl.push(...o.hl);
        }
      }
      return ok ? { ok, hl } : NO;
    }
    case "not":
      return evalNode(n.child, ctx).ok ? NO : { ok: true, hl: [] };
    case "field":
      if (!ctx.pp.title) return NO;
      return evalNode(n.child, { pp: ctx.pp, tokens: ctx.pp.title ?? EMPTY_TOKENS, field: "title" });
    case "match":
      return matchField(n, ctx.pp) ? { ok: true, hl: [] } : NO;
    case "range":
      return inRange(n, ctx.pp) ? { ok: true, hl: [] } : NO;
  }
}

/** Character spans for token intervals, sorted and merged. */
export function toSpans(pp: PreparedPost, hl: Outcome["hl"]): Span[] {
  const raw: Span[] = [];
  for (const { field, iv } of hl) {
    const t = field === "title" ? pp.title : pp.text;
    if (!t) continue;
    raw.push({ field, start: t.start[iv[0]]!, end: t.end[iv[1]]! });
  }
  raw.sort((a, b) =>
    a.field === b.field ? a.start - b.start || a.end - b.end : a.field === "text" ? -1 : 1,
  );
  const out: Span[] = [];
  for (const s of raw) {
    const last = out.at(-1);
    if (last && last.field === s.field && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Reference evaluator: walks the AST and scans the post's tokens for every term. Slow but
 * plainly correct; the matcher is tested against it.
 */
export function evaluate(query: Query, pp: PreparedPost): EvalResult {
  const o = evalNode(query.root, { pp, tokens: pp.text, field: "text" });
  return o.ok ? { matched: true, spans: toSpans(pp, o.hl) } : { matched: false, spans: [] };
}
