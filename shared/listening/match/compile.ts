import type { Node, RangeNode } from "../query/ast";
import { inRange, tokenMatches } from "../query/evaluate";
import { siteMatches, urlMatches } from "../query/fields";
import { type Interval, nearPairs, proximityWindows } from "../query/proximity";
import { kindMatches, patternsOf, type TokenPattern, wildMatch } from "../query/terms";
import { EMPTY_TOKENS, type PreparedPost } from "../text/prepare";
import { TokenKind, type Tokens } from "../text/tokenize";
import { requiredKeys, type TermCost } from "./presearch";
import type { TermTable } from "./term-table";

/**
 * The matcher's evaluator. Queries compile to a tree of plain `Compiled` records run by one
 * shared interpreter (`test`). Closures per query were tried first and were 5× slower with
 * 10k topics: every closure instance warms up on its own and most stay unoptimised, while
 * one interpreter function gets hot and optimised once for all topics.
 */
const HAS = 0; // single plain word: one index lookup
const TERM = 1; // single token with kind or exact-case check
const WILD = 2; // single wildcard token: scan tokens
const AND = 3;
const OR = 4;
const NOT = 5;
const TITLE = 6;
const MATCH = 7;
const RANGE = 8;
// Positional nodes: they produce token intervals; as a test, "has any interval".
const SEQ = 9;
const PROX = 10;
const POS_OR = 11;
const NEAR = 12;

/** One shape for every node so property access in the interpreter stays monomorphic. */
export class Compiled {
  op = HAS;
  title = false;
  termId = -1;
  pattern: TokenPattern | null = null;
  patterns: TokenPattern[] = [];
  /** Term id per pattern; -1 for wildcards. */
  termIds: number[] = [];
  anchor = 0;
  children: Compiled[] = [];
  field = "";
  value = "";
  range: RangeNode | null = null;
  distance = 0;
  ordered = false;
}

function make(op: number, title: boolean): Compiled {
  const c = new Compiled();
  c.op = op;
  c.title = title;
  return c;
}

function tokensOf(pp: PreparedPost, title: boolean): Tokens {
  return title ? (pp.title ?? EMPTY_TOKENS) : pp.text;
}

/** Registers the folded terms a compiled query reads, so the matcher can release them later. */
class Builder {
  readonly norms: string[] = [];
  constructor(
    readonly table: TermTable,
    readonly cost: TermCost,
  ) {}

  id(p: TokenPattern): number {
    if (p.wildcard) return -1;
    this.norms.push(p.norm);
    return this.table.acquire(p.norm).id;
  }
}

function positional(n: Node, title: boolean, b: Builder): Compiled {
  switch (n.type) {
    case "term":
    case "phrase": {
      const patterns = patternsOf(n.text, n.exact);
      if (n.type === "phrase" && n.proximity !== undefined) {
        const c = make(PROX, title);
        c.patterns = patterns;
        c.termIds = patterns.map((p) => b.id(p));
        c.distance = n.proximity;
        return c;
      }
      const c = make(SEQ, title);
      c.patterns = patterns;
      c.termIds = patterns.map((p) => b.id(p));
      const anchor = patterns.findIndex((p) => !p.wildcard);
      c.anchor = Math.max(anchor, 0);
      return c;
    }
    case "or": {
      const c = make(POS_OR, title);
      c.children = n.children.map((x) => positional(x, title, b));
      return c;
    }
    case "near": {
      const c = make(NEAR, title);
      c.children = [positional(n.left, title, b), positional(n.right, title, b)];
      c.distance = n.distance;
      c.ordered = n.ordered;
      return c;
    }
    default:
      throw new Error(`not positional: ${n.type}`);
  }
}

function build(n: Node, b: Builder, title: boolean): Compiled {
  switch (n.type) {
    case "term": {
      const patterns = patternsOf(n.text, n.exact);
      if (patterns.length !== 1) return positional(n, title, b);
      const p = patterns[0]!;
      const c = make(p.wildcard ? WILD : !p.exact && p.kind === TokenKind.Word ? HAS : TERM, title);
      c.pattern = p;
      c.termId = b.id(p);
      return c;
    }
    case "phrase":
    case "near":
      return positional(n, title, b);
    case "and": {
      // Most selective child first so the conjunction fails fast; NOT children cost 1.
      const c = make(AND, title);
      c.children = n.children
        .map((x) => ({ c: build(x, b, title), cost: requiredKeys(x, b.cost, title ? 1 : 0)?.cost ?? 1 }))
        .sort((a, b) => a.cost - b.cost)
        .map((x) => x.c);
      return c;
    }
    case "or": {
      // Index lookups first: token scans and position lists only when those miss.
      const c = make(OR, title);
      const cheap = (x: Compiled) => (x.op === HAS || x.op === TERM || x.op === MATCH ? 0 : 1);
      c.children = n.children.map((x) => build(x, b, title)).sort((x, y) => cheap(x) - cheap(y));
      return c;
    }
    case "not": {
      const c = make(NOT, title);
      c.children = [build(n.child, b, title)];
      return c;
    }
    case "field": {
      const c = make(TITLE, true);
      c.children = [build(n.child, b, true)];
      return c;
    }
    case "match": {
      const c = make(MATCH, title);
      c.field = n.field;
      c.value = n.value;
      return c;
    }
    case "range": {
      const c = make(RANGE, title);
      c.range = n;
      return c;
    }
  }
}

/**
 * Compiles a query against a term table. Returns the folded terms it acquired; pass them
 * to `table.release` when the query is removed.
 */
export function compile(n: Node, cost: TermCost, table: TermTable): { compiled: Compiled; norms: string[] } {
  const b = new Builder(table, cost);
  return { compiled: build(n, b, false), norms: b.norms };
}

const NO_POSITIONS: number[] = [];

/** Ascending positions of the tokens one pattern matches. */
function patternPositions(
  p: TokenPattern,
  id: number,
  title: boolean,
  pp: PreparedPost,
  tt: TermTable,
): number[] {
  if (p.wildcard) {
    const t = tokensOf(pp, title);
    const out: number[] = [];
    for (let i = 0; i < t.count; i++) {
      if (kindMatches(p.kind, t.kind[i]!) && wildMatch(p, p.exact ? t.orig[i]! : t.norm[i]!)) out.push(i);
    }
    return out;
  }
  const sp = title ? 1 : 0;
  if (tt.stamp[sp][id] !== tt.epoch) return NO_POSITIONS;
  const plain = !p.exact && p.kind === TokenKind.Word;
  const t = tokensOf(pp, title);
  const next = tt.next[sp];
  const out: number[] = [];
  for (let i = tt.head[sp][id]!; i >= 0; i = next[i]!) if (plain || tokenMatches(p, t, i)) out.push(i);
  return out;
}

const NONE: Interval[] = [];

function positions(n: Compiled, pp: PreparedPost, tt: TermTable): Interval[] {
  switch (n.op) {
    case SEQ: {
      const pats = n.patterns;
      const anchor = n.anchor;
      const hits = patternPositions(pats[anchor]!, n.termIds[anchor]!, n.title, pp, tt);
      if (hits.length === 0) return NONE;
      const t = tokensOf(pp, n.title);
      const len = pats.length;
      const out: Interval[] = [];
      for (const a of hits) {
        const start = a - anchor;
        if (start < 0 || start + len > t.count) continue;
        let all = true;
        for (let k = 0; k < len && all; k++) if (k !== anchor) all = tokenMatches(pats[k]!, t, start + k);
        if (all) out.push([start, start + len - 1]);
      }
      return out;
    }
    case PROX: {
      const lists: number[][] = [];
      for (let k = 0; k < n.patterns.length; k++) {
        const l = patternPositions(n.patterns[k]!, n.termIds[k]!, n.title, pp, tt);
        if (l.length === 0) return NONE;
        lists.push(l);
      }
      return proximityWindows(lists, n.distance).spans;
    }
    case POS_OR: {
      const out: Interval[] = [];
      for (const c of n.children) for (const iv of positions(c, pp, tt)) out.push(iv);
      return out;
    }
    case NEAR: {
      const left = positions(n.children[0]!, pp, tt);
      if (left.length === 0) return NONE;
      const right = positions(n.children[1]!, pp, tt);
      if (right.length === 0) return NONE;
      return nearPairs(left, right, n.distance, n.ordered).spans;
    }
    default:
      return NONE;
  }
}

function matchValue(field: string, v: string, pp: PreparedPost): boolean {
  switch (field) {
    case "author":
      return pp.author === v;
    case "site":
      return pp.site !== null && siteMatches(pp.site, v);
    case "url":
      return pp.url !== null && urlMatches(pp.url, v);
    case "links":
      for (const l of pp.links) if (urlMatches(l, v)) return true;
      return false;
    case "language":
      return pp.language === v;
    case "country":
      return pp.country === v;
    case "channel":
      return pp.channel === v;
    case "sentiment":
      return pp.sentiment === v;
    default:
      return false;
  }
}

/** SEQ as a test: stops at the first occurrence and allocates nothing. */
function seqAny(n: Compiled, pp: PreparedPost, tt: TermTable): boolean {
  const pats = n.patterns;
  const anchor = n.anchor;
  const ap = pats[anchor]!;
  if (ap.wildcard) return positions(n, pp, tt).length > 0;
  const sp = n.title ? 1 : 0;
  const id = n.termIds[anchor]!;
  if (tt.stamp[sp][id] !== tt.epoch) return false;
  const plain = !ap.exact && ap.kind === TokenKind.Word;
  const t = tokensOf(pp, n.title);
  const next = tt.next[sp];
  const len = pats.length;
  for (let a = tt.head[sp][id]!; a >= 0; a = next[a]!) {
    if (!plain && !tokenMatches(ap, t, a)) continue;
    const start = a - anchor;
    if (start < 0 || start + len > t.count) continue;
    let all = true;
    for (let k = 0; k < len && all; k++) if (k !== anchor) all = tokenMatches(pats[k]!, t, start + k);
    if (all) return true;
  }
  return false;
}

/**
 * Does the compiled query match the post? Only valid while `tt` holds this post, i.e.
 * between the matcher loading the post and loading the next one.
 */
export function test(n: Compiled, pp: PreparedPost, tt: TermTable): boolean {
  switch (n.op) {
    case HAS:
      return tt.stamp[n.title ? 1 : 0][n.termId] === tt.epoch;
    case TERM: {
      const sp = n.title ? 1 : 0;
      if (tt.stamp[sp][n.termId] !== tt.epoch) return false;
      const t = tokensOf(pp, n.title);
      const next = tt.next[sp];
      for (let i = tt.head[sp][n.termId]!; i >= 0; i = next[i]!)
        if (tokenMatches(n.pattern!, t, i)) return true;
      return false;
    }
    case WILD: {
      const p = n.pattern!;
      const t = tokensOf(pp, n.title);
      const strings = p.exact ? t.orig : t.norm;
      for (let i = 0; i < t.count; i++) {
        if (kindMatches(p.kind, t.kind[i]!) && wildMatch(p, strings[i]!)) return true;
      }
      return false;
    }
    case AND: {
      const c = n.children;
      for (let i = 0; i < c.length; i++) if (!test(c[i]!, pp, tt)) return false;
      return true;
    }
    case OR: {
      const c = n.children;
      for (let i = 0; i < c.length; i++) if (test(c[i]!, pp, tt)) return true;
      return false;
    }
    case NOT:
      return !test(n.children[0]!, pp, tt);
    case TITLE:
      return pp.title !== null && test(n.children[0]!, pp, tt);
    case MATCH:
      return matchValue(n.field, n.value, pp);
    case RANGE:
      return inRange(n.range!, pp);
    case SEQ:
      return seqAny(n, pp, tt);
    default:
      return positions(n, pp, tt).length > 0;
  }
}
