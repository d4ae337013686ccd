import type { Node } from "../query/ast";
import { patternsOf } from "../query/terms";

/**
 * Presearch keys in the manner of Lucene Monitor: for each query, a set of keys such that a
 * post can only match if it contains at least one of them. The matcher indexes the query
 * under those keys and evaluates it only for posts that hit one.
 */
export type Key =
  /** A folded token in the text (space 0) or title (space 1). */
  | { kind: "term"; space: 0 | 1; value: string }
  /** A wildcard stem: any token starting with it. */
  | { kind: "prefix"; space: 0 | 1; value: string }
  /** An exact field value, e.g. "language\u0000en". */
  | { kind: "field"; value: string };

export interface Required {
  keys: Key[];
  /** Estimated fraction of posts that hit at least one key (lower = more selective). */
  cost: number;
}

/** Estimated fraction of posts containing a folded term. */
export type TermCost = (norm: string) => number;

const COMMON = new Set(
  (
    "the a an and or not to of in on at for with is are was were be been it its this that i you he she we they " +
    "me my your our their him her them so but if as by from up out just do does did have has had will would can " +
    "could rt no yes all get got like one what when who how there here about"
  ).split(" "),
);

/** Without corpus statistics: common function words are frequent, longer words rarer. */
export const defaultTermCost: TermCost = (norm) =>
  COMMON.has(norm) ? 0.2 : Math.min(0.05, 0.1 / (norm.length + 1));

export function fieldKey(field: string, value: string): string {
  return `${field}\u0000${value}`;
}

const FIELD_COST: Record<string, number> = {
  language: 0.5,
  country: 0.2,
  channel: 0.2,
  sentiment: 0.35,
  author: 0.001,
  site: 0.01,
};

function termKeys(text: string, exact: boolean, space: 0 | 1, cost: TermCost): Required | null {
  let best: Required | null = null;
  for (const p of patternsOf(text, exact)) {
    // A wildcard stem matches every word it starts, so it costs more than the stem alone.
    const base = p.wildcard ? Math.min(1, cost(p.stem) * 4 + 0.001) : cost(p.norm);
    const c = space === 1 ? base * 0.5 : base;
    const key: Key = p.wildcard
      ? { kind: "prefix", space, value: p.stem }
      : { kind: "term", space, value: p.norm };
    if (!best || c < best.cost) best = { keys: [key], cost: c };
  }
  return best;
}

/** The keys a post must contain for `node` to match, or null when any post could match. */
export function requiredKeys(node: Node, cost: TermCost, space: 0 | 1 = 0): Required | null {
  switch (node.type) {
    case "term":
    case "phrase":
      return termKeys(node.text, node.exact, space, cost);
    case "and":
    case "near": {
      const children = node.type === "and" ? node.children : [node.left, node.right];
      let best: Required | null = null;
      for (const c of children) {
        const r = requiredKeys(c, cost, space);
        if (r && (!best || r.cost < best.cost)) best = r;
      }
      return best;
    }
    case "or": {
      const keys: Key[] = [];
      let total = 0;
      for (const c of node.children) {
        const r = requiredKeys(c, cost, space);
        if (!r) return null;
        keys.push(...r.keys);
        total += r.cost;
      }
      return { keys, cost: Math.min(1, total) };
    }
    case "not":
      return null;
    case "field":
      return requiredKeys(node.child, cost, 1);
    case "match": {
      if (node.field === "url" || node.field === "links") return null;
      return {
        keys: [{ kind: "field", value: fieldKey(node.field, node.value) }],
        cost: FIELD_COST[node.field] ?? 0.5,
      };
    }
    case "range":
      return null;
  }
}
