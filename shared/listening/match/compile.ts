import type { Node, RangeNode } from "../query/ast";
import { inRange, tokenMatches } from "../query/evaluate";
import { siteMatches, urlMatches } from "../query/fields";
import { type Interval, nearPairs, proximityWindows } from "../query/proximity";
import { kindMatches, patternsOf, type TokenPattern, wildMatch } from "../query/terms";
import { EMPTY_TOKENS, type PreparedPost, termIndex } from "../text/prepare";
import { TokenKind, type Tokens } from "../text/tokenize";
import { requiredKeys, type TermCost } from "./presearch";

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
  norm = "";
  pattern: TokenPattern | null = null;
  patterns: TokenPattern[] = [];
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

function positional(n: Node, title: boolean): Compiled {
  switch (n.type) {
    case "term":
    case "phrase": {
      const patterns = patternsOf(n.text, n.exact);
      if (n.type === "phrase" && n.proximity !== undefined) {
        const c = make(PROX, title);
        c.patterns = patterns;
        c.distance = n.proximity;
        return c;
      }
      const c = make(SEQ, title);
      c.patterns = patterns;
      const anchor = patterns.findIndex((p) => !p.wildcard);
      c.anchor = anchor < 0 ? 0 : anchor;
      return c;
    }
    case "or": {
      const c = make(POS_OR, title);
      c.children = n.children.map((x) => positional(x, title));
      return c;
    }
    case "near": {
      const c = make(NEAR, title);
      c.children = [positional(n.left, title), positional(n.right, title)];
      c.distance = n.distance;
      c.ordered = n.ordered;
      return c;
    }
    default:
      throw new Error(`not positional: ${n.type}`);
  }
}

export function compile(n: Node, cost: TermCost, title = false): Compiled {
  switch (n.type) {
    case "term": {
      const patterns = patternsOf(n.text, n.exact);
      if (patterns.length !== 1) return positional(n, title);
      const p = patterns[0]!;
      const c = make(p.wildcard ? WILD : !p.exact && p.kind === TokenKind.Word ? HAS : TERM, title);
      c.pattern = p;
      c.norm = p.norm;
      return c;
    }
    case "phrase":
    case "near":
      return positional(n, title);
    case "and": {
      // Most selective child first so the conjunction fails fast; NOT children cost 1.
      const c = make(AND, title);
      c.children = n.children
        .map((x) => ({ c: compile(x, cost, title), cost: requiredKeys(x, cost, title ? 1 : 0)?.cost ?? 1 }))
        .sort((a, b) => a.cost - b.cost)
        .map((x) => x.c);
      return c;
    }
    case "or": {
      const c = make(OR, title);
      c.children = n.children.map((x) => compile(x, cost, title));
      return c;
    }
    case "not": {
      const c = make(NOT, title);
      c.children = [compile(n.child, cost, title)];
      return c;
    }
    case "field": {
      const c = make(TITLE, true);
      c.children = [compile(n.child, cost, true)];
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

/** Ascending positions of the tokens one pattern matches. */
function patternPositions(p: TokenPattern, title: boolean, pp: PreparedPost): number[] {
  if (p.wildcard) {
    const t = tokensOf(pp, title);
    const out: number[] = [];
    for (let i = 0; i < t.count; i++) {
      if (kindMatches(p.kind, t.kind[i]!) && wildMatch(p, p.exact ? t.orig[i]! : t.norm[i]!)) out.push(i);
    }
    return out;
  }
  const list = termIndex(pp, title).get(p.norm);
  if (!list) return [];
  if (!p.exact && p.kind === TokenKind.Word) return list;
  const t = tokensOf(pp, title);
  return list.filter((i) => tokenMatches(p, t, i));
}

const NONE: Interval[] = [];

function positions(n: Compiled, pp: PreparedPost): Interval[] {
  switch (n.op) {
    case SEQ: {
      const pats = n.patterns;
      const anchor = n.anchor;
      const hits = patternPositions(pats[anchor]!, n.title, pp);
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
      for (const p of n.patterns) {
        const l = patternPositions(p, n.title, pp);
        if (l.length === 0) return NONE;
        lists.push(l);
      }
      return proximityWindows(lists, n.distance).spans;
    }
    case POS_OR: {
      const out: Interval[] = [];
      for (const c of n.children) for (const iv of positions(c, pp)) out.push(iv);
      return out;
    }
    case NEAR: {
      const left = positions(n.children[0]!, pp);
      if (left.length === 0) return NONE;
      const right = positions(n.children[1]!, pp);
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

/** Does the compiled query match the post? */
export function test(n: Compiled, pp: PreparedPost): boolean {
  switch (n.op) {
    case HAS:
      return termIndex(pp, n.title).has(n.norm);
    case TERM: {
      const list = termIndex(pp, n.title).get(n.norm);
      if (list === undefined) return false;
      const t = tokensOf(pp, n.title);
      for (let i = 0; i < list.length; i++) if (tokenMatches(n.pattern!, t, list[i]!)) return true;
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
      for (let i = 0; i < c.length; i++) if (!test(c[i]!, pp)) return false;
      return true;
    }
    case OR: {
      const c = n.children;
      for (let i = 0; i < c.length; i++) if (test(c[i]!, pp)) return true;
      return false;
    }
    case NOT:
      return !test(n.children[0]!, pp);
    case TITLE:
      return pp.title !== null && test(n.children[0]!, pp);
    case MATCH:
      return matchValue(n.field, n.value, pp);
    case RANGE:
      return inRange(n.range!, pp);
    default:
      return positions(n, pp).length > 0;
  }
}
