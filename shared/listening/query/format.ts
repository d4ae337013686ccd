import type { MatchNode, Node, Query, RangeNode } from "./ast";

function isCompound(n: Node): boolean {
  return n.type === "and" || n.type === "or" || n.type === "not" || n.type === "near";
}

function isBoolean(n: Node): boolean {
  return n.type === "and" || n.type === "or";
}

function commentText(comments: string[] | undefined): string {
  return comments && comments.length > 0 ? `${comments.map((c) => `<<<${c}>>>`).join(" ")} ` : "";
}

// A comment in front of a compound node is only re-attached to that node when the node
// sits in its own parentheses, hence the forced parentheses.
function node(n: Node, wrap: boolean): string {
  const commented = n.comments !== undefined && n.comments.length > 0;
  const body = bodyOf(n);
  return commentText(n.comments) + (wrap || (commented && isCompound(n)) ? `(${body})` : body);
}

const SAFE_VALUE_RE = /^[^\s()"“”„{}<[\]:]+$/;

function value(v: string): string {
  return SAFE_VALUE_RE.test(v) && !/^(AND|OR|NOT|NEAR.*)$/.test(v) ? v : `"${v}"`;
}

function bound(b: number | null): string {
  return b === null ? "*" : String(b);
}

function match(n: MatchNode): string {
  return `${n.field}:${value(n.value)}`;
}

function range(n: RangeNode): string {
  return n.min !== null && n.min === n.max
    ? `${n.field}:${n.min}`
    : `${n.field}:[${bound(n.min)} TO ${bound(n.max)}]`;
}

function bodyOf(n: Node): string {
  switch (n.type) {
    case "term":
      return n.exact ? `{${n.text}}` : n.text;
    case "phrase":
      if (n.exact) return `{${n.text}}`;
      return n.proximity === undefined ? `"${n.text}"` : `"${n.text}"~${n.proximity}`;
    // Nested AND/OR always get parentheses: precedence would allow `a OR b AND c`, but
    // nobody reads that reliably, and keeping same-operator nesting preserves the tree.
    case "and":
      return n.children.map((c) => node(c, isBoolean(c))).join(" AND ");
    case "or":
      return n.children.map((c) => node(c, isBoolean(c))).join(" OR ");
    case "not":
      return `NOT ${node(n.child, isBoolean(n.child))}`;
    case "near": {
      const left = node(n.left, isBoolean(n.left) || n.left.type === "not");
      const right = node(n.right, isCompound(n.right));
      return `${left} NEAR/${n.distance}${n.ordered ? "f" : ""} ${right}`;
    }
    case "field":
      return `${n.field}:${node(n.child, isCompound(n.child))}`;
    case "match":
      return match(n);
    case "range":
      return range(n);
  }
}

/** Canonical text of a query: upper-case operators, single spaces, comments kept. */
export function format(q: Query): string {
  const root = node(q.root, false);
  const trailing = q.trailingComments?.map((c) => `<<<${c}>>>`).join(" ");
  return trailing ? `${root} ${trailing}` : root;
}
