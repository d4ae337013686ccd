import type { MatchNode, Node } from "../query/ast";
import { inRange, tokenMatches } from "../query/evaluate";
import { siteMatches, urlMatches } from "../query/fields";
import { type Interval, nearPairs, proximityWindows } from "../query/proximity";
import { type TokenPattern, kindMatches, patternsOf } from "../query/terms";
import { EMPTY_TOKENS, type PreparedPost, termIndex } from "../text/prepare";
import { TokenKind, type Tokens } from "../text/tokenize";
import { requiredKeys, type TermCost } from "./presearch";

/**
 * The matcher's evaluator: the AST compiled once into closures that answer yes/no using the
 * post's term→positions index instead of scanning tokens. Spans are not computed here; the
 * matcher asks the reference evaluator for them, and only for the topics that matched.
 */
export type Test = (pp: PreparedPost) => boolean;
type Positions = (pp: PreparedPost) => Interval[];

function tokensOf(pp: PreparedPost, title: boolean): Tokens {
  return title ? (pp.title ?? EMPTY_TOKENS) : pp.text;
}

/** Ascending positions of the tokens one pattern matches. */
function positionsOf(p: TokenPattern, title: boolean): (pp: PreparedPost) => number[] {
  if (p.test) {
    const test = p.test;
    return (pp) => {
      const t = tokensOf(pp, title);
      const out: number[] = [];
      for (let i = 0; i < t.count; i++) {
        if (kindMatches(p.kind, t.kind[i]!) && test(p.exact ? t.orig[i]! : t.norm[i]!)) out.push(i);
      }
      return out;
    };
  }
  if (!p.exact && p.kind === TokenKind.Word) return (pp) => termIndex(pp, title).get(p.norm) ?? [];
  return (pp) => {
    const list = termIndex(pp, title).get(p.norm);
    if (!list) return [];
    const t = tokensOf(pp, title);
    return list.filter((i) => tokenMatches(p, t, i));
  };
}

/** Occurrences of a token sequence, anchored on its first non-wildcard word via the index. */
function sequence(patterns: TokenPattern[], title: boolean): Positions {
  let anchor = patterns.findIndex((p) => !p.wildcard);
  if (anchor < 0) anchor = 0;
  const anchorPositions = positionsOf(patterns[anchor]!, title);
  const len = patterns.length;
  if (len === 1) return (pp) => anchorPositions(pp).map((i): Interval => [i, i]);
  return (pp) => {
    const t = tokensOf(pp, title);
    const out: Interval[] = [];
    for (const a of anchorPositions(pp)) {
      const start = a - anchor;
      if (start < 0 || start + len > t.count) continue;
      let all = true;
      for (let k = 0; k < len && all; k++) if (k !== anchor) all = tokenMatches(patterns[k]!, t, start + k);
      if (all) out.push([start, start + len - 1]);
    }
    return out;
  };
}

function positional(n: Node, title: boolean): Positions {
  switch (n.type) {
    case "term":
    case "phrase": {
      const patterns = patternsOf(n.text, n.exact);
      if (n.type === "phrase" && n.proximity !== undefined) {
        const each = patterns.map((p) => positionsOf(p, title));
        const slop = n.proximity;
        return (pp) => proximityWindows(each.map((f) => f(pp)), slop).spans;
      }
      return sequence(patterns, title);
    }
    case "or": {
      const children = n.children.map((c) => positional(c, title));
      return (pp) => children.flatMap((c) => c(pp));
    }
    case "near": {
      const left = positional(n.left, title);
      const right = positional(n.right, title);
      const { distance, ordered } = n;
      return (pp) => {
        const l = left(pp);
        return l.length === 0 ? l : nearPairs(l, right(pp), distance, ordered).spans;
      };
    }
    default:
      return () => [];
  }
}

function termTest(n: Node & { type: "term" | "phrase" }, title: boolean): Test {
  const patterns = patternsOf(n.text, n.exact);
  const simple = patterns.length === 1 && patterns[0]!;
  if (simple && n.type === "term" && !simple.wildcard) {
    const norm = simple.norm;
    if (!simple.exact && simple.kind === TokenKind.Word) return (pp) => termIndex(pp, title).has(norm);
    return (pp) => {
      const list = termIndex(pp, title).get(norm);
      if (!list) return false;
      const t = tokensOf(pp, title);
      for (const i of list) if (tokenMatches(simple, t, i)) return true;
      return false;
    };
  }
  if (simple && n.type === "term") {
    const test = simple.test!;
    return (pp) => {
      const t = tokensOf(pp, title);
      for (let i = 0; i < t.count; i++) {
        if (kindMatches(simple.kind, t.kind[i]!) && test(simple.exact ? t.orig[i]! : t.norm[i]!)) return true;
      }
      return false;
    };
  }
  const occ = positional(n, title);
  return (pp) => occ(pp).length > 0;
}

function matchTest(n: MatchNode): Test {
  const v = n.value;
  switch (n.field) {
    case "author":
      return (pp) => pp.author === v;
    case "site":
      return (pp) => pp.site !== null && siteMatches(pp.site, v);
    case "url":
      return (pp) => pp.url !== null && urlMatches(pp.url, v);
    case "links":
      return (pp) => pp.links.some((l) => urlMatches(l, v));
    case "language":
      return (pp) => pp.language === v;
    case "country":
      return (pp) => pp.country === v;
    case "channel":
      return (pp) => pp.channel === v;
    case "sentiment":
      return (pp) => pp.sentiment === v;
  }
}

export function compile(n: Node, cost: TermCost, title = false): Test {
  switch (n.type) {
    case "term":
    case "phrase":
      return termTest(n, title);
    case "near": {
      const occ = positional(n, title);
      return (pp) => occ(pp).length > 0;
    }
    case "and": {
      // Most selective child first so the conjunction fails fast; NOT children cost 1.
      const ranked = n.children
        .map((c) => ({ test: compile(c, cost, title), cost: requiredKeys(c, cost, title ? 1 : 0)?.cost ?? 1 }))
        .sort((a, b) => a.cost - b.cost)
        .map((c) => c.test);
      if (ranked.length === 2) {
        const [a, b] = ranked as [Test, Test];
        return (pp) => a(pp) && b(pp);
      }
      return (pp) => {
        for (const t of ranked) if (!t(pp)) return false;
        return true;
      };
    }
    case "or": {
      const tests = n.children.map((c) => compile(c, cost, title));
      return (pp) => {
        for (const t of tests) if (t(pp)) return true;
        return false;
      };
    }
    case "not": {
      const child = compile(n.child, cost, title);
      return (pp) => !child(pp);
    }
    case "field": {
      const child = compile(n.child, cost, true);
      return (pp) => pp.title !== null && child(pp);
    }
    case "match":
      return matchTest(n);
    case "range":
      return (pp) => inRange(n, pp);
  }
}
