import { describe, expect, it } from "vitest";
import type { Node, Query } from "./ast";
import { LIMITS } from "./ast";
import { format } from "./format";
import { parse } from "./parser";

function ok(q: string): Query {
  const r = parse(q);
  if (!r.ok) throw new Error(`${q}: ${JSON.stringify(r.errors)}`);
  return r.ast;
}

function root(q: string): Node {
  return ok(q).root;
}

function err(q: string) {
  const r = parse(q);
  if (r.ok) throw new Error(`${q} should fail`);
  return r.errors[0]!;
}

function warnings(q: string): string[] {
  return parse(q).warnings.map((w) => w.code);
}

const t = (text: string, exact = false): Node => ({ type: "term", text, exact });

describe("operators and precedence", () => {
  it("reads NOT > AND > OR", () => {
    expect(root("a OR b AND NOT c")).toEqual({
      type: "or",
      children: [t("a"), { type: "and", children: [t("b"), { type: "not", child: t("c") }] }],
    });
    expect(root("NOT a AND b")).toEqual({ type: "and", children: [{ type: "not", child: t("a") }, t("b")] });
  });

  it("flattens chains but keeps explicit groups", () => {
    expect(root("a AND b AND c")).toEqual({ type: "and", children: [t("a"), t("b"), t("c")] });
    expect(root("a AND (b AND c)")).toEqual({
      type: "and",
      children: [t("a"), { type: "and", children: [t("b"), t("c")] }],
    });
  });

  it("reads Brandwatch 'a NOT b' as a AND NOT b", () => {
    expect(root("(apple OR iphone) NOT fruit")).toEqual({
      type: "and",
      children: [
        { type: "or", children: [t("apple"), t("iphone")] },
        { type: "not", child: t("fruit") },
      ],
    });
  });

  it("treats adjacency as AND with a warning", () => {
    expect(root("nike shoes")).toEqual({ type: "and", children: [t("nike"), t("shoes")] });
    const w = parse("nike shoes").warnings[0]!;
    expect(w.code).toBe("implicit_and");
    expect(w.position).toEqual({ start: 5, end: 10 });
  });

  it("treats lower-case operators as words, with a warning at their position", () => {
    const r = parse("cats or dogs");
    expect(r.ok && r.ast.root).toEqual({ type: "and", children: [t("cats"), t("or"), t("dogs")] });
    const w = r.warnings.find((x) => x.code === "lowercase_operator")!;
    expect(w.position).toEqual({ start: 5, end: 7 });
    expect(warnings("a near/3 b")).toContain("lowercase_operator");
  });

  it("warns when AND and OR are mixed without parentheses", () => {
    expect(warnings("a AND b OR c")).toContain("mixed_and_or");
    expect(warnings("(a AND b) OR c")).not.toContain("mixed_and_or");
  });

  it("warns about purely negative queries", () => {
    expect(warnings("NOT spam")).toContain("negative_only");
  });

  it("parses NEAR, NEAR/nf and proximity phrases", () => {
    expect(root("x NEAR/3 y")).toEqual({
      type: "near",
      left: t("x"),
      right: t("y"),
      distance: 3,
      ordered: false,
    });
    expect(root("(a OR b) NEAR/2f (c OR d)")).toMatchObject({ type: "near", distance: 2, ordered: true });
    expect(root('"a b c"~5')).toEqual({ type: "phrase", text: "a b c", exact: false, proximity: 5 });
    expect(root("a NEAR/1 b NEAR/2 c")).toMatchObject({
      type: "near",
      left: { type: "near" },
      right: t("c"),
    });
  });

  it("parses phrases, exact case and smart quotes", () => {
    expect(root('"Air   Max"')).toEqual({ type: "phrase", text: "Air Max", exact: false });
    expect(root("“air max”")).toEqual({ type: "phrase", text: "air max", exact: false });
    expect(root("{BT}")).toEqual(t("BT", true));
    expect(root("{Apple Pie}")).toEqual({ type: "phrase", text: "Apple Pie", exact: true });
  });

  it("keeps comments", () => {
    expect(ok("<<<brand>>> nike <<<end>>>")).toEqual({
      root: { ...t("nike"), comments: ["brand"] },
      trailingComments: ["end"],
    });
  });
});

describe("fields", () => {
  it("parses every field", () => {
    expect(root("author:@Bob")).toEqual({ type: "match", field: "author", value: "bob" });
    expect(root("site:www.BBC.co.uk")).toEqual({ type: "match", field: "site", value: "bbc.co.uk" });
    expect(root("url:https://www.x.com/a/")).toEqual({ type: "match", field: "url", value: "x.com/a" });
    expect(root("links:shop.example.org")).toEqual({
      type: "match",
      field: "links",
      value: "shop.example.org",
    });
    expect(root("language:EN")).toEqual({ type: "match", field: "language", value: "en" });
    expect(root("country:gb")).toEqual({ type: "match", field: "country", value: "GB" });
    expect(root("channel:Mastodon")).toEqual({ type: "match", field: "channel", value: "mastodon" });
    expect(root("sentiment:negative")).toEqual({ type: "match", field: "sentiment", value: "negative" });
    expect(root("rating:[3 TO 5]")).toEqual({ type: "range", field: "rating", min: 3, max: 5 });
    expect(root("authorFollowers:[500 TO *]")).toEqual({
      type: "range",
      field: "authorFollowers",
      min: 500,
      max: null,
    });
    expect(root("rating:4")).toEqual({ type: "range", field: "rating", min: 4, max: 4 });
    expect(root("title:(a OR b)")).toEqual({
      type: "field",
      field: "title",
      child: { type: "or", children: [t("a"), t("b")] },
    });
    expect(root("#nike")).toEqual(t("#nike"));
    expect(root("@nike")).toEqual(t("@nike"));
  });

  it("expands a value group into OR", () => {
    expect(root("language:(en OR fr)")).toEqual({
      type: "or",
      children: [
        { type: "match", field: "language", value: "en" },
        { type: "match", field: "language", value: "fr" },
      ],
    });
  });

  it("rejects bad values with their position", () => {
    expect(err("sentiment:happy")).toMatchObject({
      code: "bad_field_value",
      position: { start: 10, end: 15 },
    });
    expect(err("language:english").code).toBe("bad_field_value");
    expect(err("country:GBR").code).toBe("bad_field_value");
    expect(err("site:bbc.co.uk/news").code).toBe("bad_field_value");
    expect(err("rating:[5 TO 3]").code).toBe("bad_range");
    expect(err("rating:[a TO 3]").code).toBe("bad_range");
    expect(err("rating:good").code).toBe("bad_range");
    expect(err("language:(en AND fr)").code).toBe("field_group");
    expect(err("title:(a OR language:en)").code).toBe("nested_field");
  });

  it("warns on unknown field prefixes and searches the words", () => {
    expect(warnings("foo:bar")).toContain("unknown_field");
  });
});

describe("errors", () => {
  it("says what was expected and where", () => {
    const e = err("nike AND");
    expect(e.message).toBe("expected a term or '(' after AND at 5, found the end of the query");
    expect(e.position).toEqual({ start: 8, end: 8 });
    expect(e.expected).toContain("(");
    expect(err("nike AND OR adidas").message).toContain("after AND at 5");
    expect(err("(a OR b").code).toBe("unclosed_paren");
    expect(err("a OR b)").code).toBe("unexpected_token");
    expect(err("()").code).toBe("empty_group");
    expect(err('"air max').position).toEqual({ start: 0, end: 8 });
    expect(err("{air").code).toBe("unclosed_brace");
    expect(err("<<<note").code).toBe("unclosed_comment");
    expect(err("").code).toBe("empty_query");
    expect(err("<<<only a comment>>>").code).toBe("empty_query");
    expect(err("OR a").code).toBe("expected_operand");
    expect(err("a NEAR b").code).toBe("bad_near");
    expect(err("a NEAR/3 (b AND c)").code).toBe("near_operand");
    expect(err("a NEAR/3 title:b").code).toBe("expected_operand");
    expect(err('"a b"~x').code).toBe("bad_proximity");
    expect(err('"a b c"~1').code).toBe("bad_proximity");
    expect(err("!!!").code).toBe("no_searchable_text");
  });

  it("enforces wildcard rules", () => {
    expect(err("*nike")).toMatchObject({ code: "leading_wildcard", position: { start: 0, end: 5 } });
    expect(err("a OR ?ike").position).toEqual({ start: 5, end: 9 });
    expect(err("ni*").code).toBe("wildcard_stem");
    expect(err("ni?e").code).toBe("wildcard_stem");
    expect(err('"nike ai*"').code).toBe("wildcard_stem");
    expect(root("nik*")).toEqual(t("nik*"));
    expect(root("wom?n")).toEqual(t("wom?n"));
  });

  it("enforces limits", () => {
    expect(err("a ".repeat(LIMITS.maxLength)).code).toBe("length_limit");
    expect(parse("a ".repeat(LIMITS.maxOperands)).ok).toBe(true);
    expect(err("a ".repeat(LIMITS.maxOperands + 1))).toMatchObject({
      code: "operand_limit",
      position: { start: 2 * LIMITS.maxOperands, end: 2 * LIMITS.maxOperands + 1 },
    });
    expect(err(`a NEAR/${LIMITS.maxNearDistance + 1} b`).code).toBe("distance_limit");
    expect(err(`"a b"~${LIMITS.maxNearDistance + 1}`).code).toBe("distance_limit");
    expect(err(`${"(".repeat(100)}a${")".repeat(100)}`).code).toBe("depth_limit");
    expect(err(`${"NOT ".repeat(100)}a`).code).toBe("depth_limit");
  });

  it("never throws on hostile input", () => {
    for (const q of [
      "\u0000",
      "\uD800",
      ")(",
      "{}",
      "[1 TO 2]",
      "rating:[",
      "title:",
      "NEAR/3",
      "~",
      "<<<>>>",
      '"',
      "AND",
    ]) {
      expect(() => parse(q)).not.toThrow();
    }
    expect(parse(null as unknown as string).ok).toBe(false);
  });
});

describe("format", () => {
  const cases: Array<[string, string]> = [
    ["a  and   b", "a AND and AND b"],
    ["a OR b AND c", "a OR (b AND c)"],
    ["(a OR b) NOT c", "(a OR b) AND NOT c"],
    ["(a OR b) NEAR/3f (c OR d)", "(a OR b) NEAR/3f (c OR d)"],
    ['"a b c"~5 OR {BT}', '"a b c"~5 OR {BT}'],
    ["<<<x>>> (a OR b) <<<y>>>", "<<<x>>> (a OR b) <<<y>>>"],
    ["<<<x>>> a OR b", "<<<x>>> a OR b"],
    ["title:(a OR b) AND site:www.bbc.co.uk", "title:(a OR b) AND site:bbc.co.uk"],
    ['author:"John Smith"', 'author:"john smith"'],
    ["rating:[3 TO 5] OR authorFollowers:[* TO 10]", "rating:[3 TO 5] OR authorFollowers:[* TO 10]"],
    ["NOT NOT a", "NOT NOT a"],
    ["a NEAR/1 (b NEAR/2 c)", "a NEAR/1 (b NEAR/2 c)"],
  ];
  for (const [input, expected] of cases) {
    it(`formats ${input}`, () => {
      const ast = ok(input);
      expect(format(ast)).toBe(expected);
      expect(ok(format(ast))).toEqual(ast);
    });
  }
});
