/**
 * Query AST. Nodes carry no source positions so that `parse(format(ast))` can deep-equal
 * `ast`; errors and warnings carry positions instead. `comments` holds the `<<<…>>>`
 * comments written just before the node, so the formatter can put them back.
 */

interface Commented {
  comments?: string[];
}

/** A bare word, possibly with wildcards, #/@/$ sigil, or several words joined by punctuation ("e-commerce"). */
export interface TermNode extends Commented {
  type: "term";
  /** As written (inside the braces when exact). */
  text: string;
  /** `{Word}`: match case and accents exactly. */
  exact: boolean;
}

/** `"a b c"`, `"a b c"~5` (proximity) or `{A B}` (exact-case phrase). */
export interface PhraseNode extends Commented {
  type: "phrase";
  /** Words separated by single spaces. */
  text: string;
  exact: boolean;
  /** `~n`: all words within n words of each other, any order. */
  proximity?: number;
}

export interface AndNode extends Commented {
  type: "and";
  children: Node[];
}

export interface OrNode extends Commented {
  type: "or";
  children: Node[];
}

export interface NotNode extends Commented {
  type: "not";
  child: Node;
}

/** `left NEAR/n right`; `ordered` for `NEAR/nf` (left before right). */
export interface NearNode extends Commented {
  type: "near";
  left: Node;
  right: Node;
  distance: number;
  ordered: boolean;
}

/** A text field holding a sub-query: `title:(a OR b)`. */
export interface FieldNode extends Commented {
  type: "field";
  field: "title";
  child: Node;
}

export type MatchField =
  | "author"
  | "site"
  | "url"
  | "links"
  | "language"
  | "country"
  | "channel"
  | "sentiment";

/** An exact-value field: `language:en`, `site:bbc.co.uk`. `value` is stored normalised. */
export interface MatchNode extends Commented {
  type: "match";
  field: MatchField;
  value: string;
}

export type RangeField = "rating" | "authorFollowers";

/** `rating:[3 TO 5]` (inclusive; null = open with `*`). */
export interface RangeNode extends Commented {
  type: "range";
  field: RangeField;
  min: number | null;
  max: number | null;
}

export type Node =
  | TermNode
  | PhraseNode
  | AndNode
  | OrNode
  | NotNode
  | NearNode
  | FieldNode
  | MatchNode
  | RangeNode;

export interface Query {
  root: Node;
  /** Comments after the last term. */
  trailingComments?: string[];
}

export const MATCH_FIELDS: readonly MatchField[] = [
  "author",
  "site",
  "url",
  "links",
  "language",
  "country",
  "channel",
  "sentiment",
];
export const RANGE_FIELDS: readonly RangeField[] = ["rating", "authorFollowers"];

export const LIMITS = {
  maxLength: 4096,
  maxOperands: 1000,
  /** Characters before the first wildcard: "ab*" would expand to too many words. */
  minWildcardStem: 3,
  maxNearDistance: 100,
  /** Parenthesis/NOT nesting; keeps the recursive-descent parser far from stack limits. */
  maxDepth: 64,
} as const;

/** Nodes that may appear under NEAR or carry a proximity: they produce token positions. */
export function isPositional(node: Node): boolean {
  switch (node.type) {
    case "term":
    case "phrase":
    case "near":
      return true;
    case "or":
      return node.children.every(isPositional);
    default:
      return false;
  }
}
