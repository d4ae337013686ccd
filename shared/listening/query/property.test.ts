import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MatchNode, Node, Query } from "./ast";
import { format } from "./format";
import { parse } from "./parser";

const letters = "abcdefghijklmnopqrstuvwxyzéü";
const word = fc
  .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 7 })
  .map((a) => a.join(""))
  .filter((w) => !/^(and|or|not)$/.test(w));
const stem = fc.array(fc.constantFrom(...letters), { minLength: 3, maxLength: 5 }).map((a) => a.join(""));
const comment = fc
  .array(fc.constantFrom(..."ab c<é😀-"), { minLength: 0, maxLength: 6 })
  .map((a) => a.join(""));
const comments = fc.option(fc.array(comment, { minLength: 1, maxLength: 2 }), { nil: undefined });

function withComments<T extends Node>(arb: fc.Arbitrary<T>): fc.Arbitrary<Node> {
  return fc.tuple(arb, comments).map(([n, c]) => (c ? { ...n, comments: c } : n));
}

const termText = fc.oneof(
  { weight: 5, arbitrary: word },
  { weight: 1, arbitrary: stem.map((s) => `${s}*`) },
  { weight: 1, arbitrary: fc.tuple(stem, word).map(([s, w]) => `${s}?${w}`) },
  { weight: 1, arbitrary: word.map((w) => `#${w}`) },
  { weight: 1, arbitrary: word.map((w) => `@${w}`) },
);

const term: fc.Arbitrary<Node> = withComments(
  fc.oneof(
    termText.map((text): Node => ({ type: "term", text, exact: false })),
    word.map((w): Node => ({ type: "term", text: w[0]!.toUpperCase() + w.slice(1), exact: true })),
  ),
);

const phrase: fc.Arbitrary<Node> = withComments(
  fc.array(word, { minLength: 2, maxLength: 3 }).chain((ws) =>
    fc.oneof(
      fc.constant<Node>({ type: "phrase", text: ws.join(" "), exact: false }),
      fc.constant<Node>({ type: "phrase", text: ws.join(" "), exact: true }),
      fc
        .integer({ min: ws.length - 1, max: 9 })
        .map((p): Node => ({ type: "phrase", text: ws.join(" "), exact: false, proximity: p })),
    ),
  ),
);

const matchNode: fc.Arbitrary<Node> = withComments(
  fc.oneof(
    fc.constantFrom<MatchNode>(
      { type: "match", field: "language", value: "en" },
      { type: "match", field: "country", value: "GB" },
      { type: "match", field: "sentiment", value: "negative" },
      { type: "match", field: "channel", value: "rss" },
      { type: "match", field: "site", value: "bbc.co.uk" },
      { type: "match", field: "url", value: "example.com/a" },
      { type: "match", field: "links", value: "shop.example.org" },
      { type: "match", field: "author", value: "john smith" },
    ),
    fc
      .tuple(
        fc.constantFrom("rating", "authorFollowers" as const),
        fc.option(fc.integer({ min: 0, max: 9 })),
        fc.option(fc.integer({ min: 9, max: 20 })),
      )
      .map(([field, min, max]): Node => ({ type: "range", field: field as "rating", min, max })),
  ),
);

const positional: fc.Arbitrary<Node> = fc.letrec<{ pos: Node }>((tie) => ({
  pos: fc.oneof(
    { maxDepth: 2, withCrossShrink: true },
    term,
    phrase,
    withComments(
      fc
        .array(tie("pos"), { minLength: 2, maxLength: 3 })
        .map((children): Node => ({ type: "or", children })),
    ),
    withComments(
      fc
        .tuple(tie("pos"), tie("pos"), fc.integer({ min: 1, max: 20 }), fc.boolean())
        .map(([left, right, distance, ordered]): Node => ({ type: "near", left, right, distance, ordered })),
    ),
  ),
})).pos;

function tree(leaf: fc.Arbitrary<Node>): fc.Arbitrary<Node> {
  return fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, withCrossShrink: true },
      leaf,
      withComments(
        fc
          .array(tie("node"), { minLength: 2, maxLength: 3 })
          .map((children): Node => ({ type: "and", children })),
      ),
      withComments(
        fc
          .array(tie("node"), { minLength: 2, maxLength: 3 })
          .map((children): Node => ({ type: "or", children })),
      ),
      withComments(tie("node").map((child): Node => ({ type: "not", child }))),
    ),
  })).node;
}

const textNode = tree(fc.oneof(term, phrase, positional));
const anyNode = tree(
  fc.oneof(
    { weight: 4, arbitrary: fc.oneof(term, phrase, positional) },
    { weight: 1, arbitrary: matchNode },
    {
      weight: 1,
      arbitrary: withComments(textNode.map((child): Node => ({ type: "field", field: "title", child }))),
    },
  ),
);

const query: fc.Arbitrary<Query> = fc
  .tuple(anyNode, comments)
  .map(([root, trailing]) => (trailing ? { root, trailingComments: trailing } : { root }));

describe("properties", () => {
  it("parse(format(ast)) equals ast", () => {
    fc.assert(
      fc.property(query, (q) => {
        const text = format(q);
        const r = parse(text);
        if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
        expect(r.ast).toEqual(q);
      }),
      { numRuns: 1500 },
    );
  });

  const pieces = fc.oneof(
    fc.constantFrom(
      "AND",
      "OR",
      "NOT",
      "(",
      ")",
      '"',
      "NEAR/3",
      "NEAR/2f",
      "NEAR",
      "*",
      "?",
      "{",
      "}",
      "<<<",
      ">>>",
      "title:",
      "rating:[",
      "[1 TO 2]",
      "]",
      "~2",
      "#",
      "@",
      "$",
      " ",
      "language:",
      "site:",
      ":",
      "“",
      "”",
      "\u200B",
      "\u202E",
      "😀",
      "👨‍👩‍👧",
      "e\u0301",
      "\uD800",
      "nike",
      "ab*",
      "a b",
    ),
    fc.string({ unit: "grapheme", maxLength: 4 }),
    fc.string({ unit: "binary", maxLength: 3 }),
  );

  it("never throws on random input, and what parses formats back to the same AST", () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 14 }).map((a) => a.join(" ")),
        (q) => {
          const r = parse(q);
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(e.position.start).toBeLessThanOrEqual(e.position.end);
            return;
          }
          const again = parse(format(r.ast));
          if (!again.ok) throw new Error(`${format(r.ast)} from ${q}: ${JSON.stringify(again.errors)}`);
          expect(again.ast).toEqual(r.ast);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
