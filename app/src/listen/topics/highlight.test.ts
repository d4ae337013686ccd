import { describe, expect, it } from "vitest";
import { lex } from "../../../../shared/listening/query/lexer";
import { segments, splitBySpans, tokenizeQuery } from "./highlight";

const typed = (q: string) =>
  tokenizeQuery(q)
    .filter((t) => t.type !== "space")
    .map((t) => [t.type, q.slice(t.start, t.end)]);

describe("tokenizeQuery", () => {
  it("colours every construct of the language", () => {
    const q =
      '(nike OR "air max"~3) AND NOT author:bob NEAR/3f #tag sneak* <<<note>>> {Apple} rating:[3 TO 5] language:en and';
    expect(typed(q)).toEqual([
      ["paren", "("],
      ["word", "nike"],
      ["operator", "OR"],
      ["phrase", '"air max"~3'],
      ["paren", ")"],
      ["operator", "AND"],
      ["operator", "NOT"],
      ["field", "author:"],
      ["word", "bob"],
      ["operator", "NEAR/3f"],
      ["tag", "#tag"],
      ["wildcard", "sneak*"],
      ["comment", "<<<note>>>"],
      ["exact", "{Apple}"],
      ["field", "rating:"],
      ["range", "[3 TO 5]"],
      ["field", "language:"],
      ["word", "en"],
      ["word", "and"], // lower case is a word; the server warns about it
    ]);
  });

  it("keeps unknown prefixes and @mentions as words and tags", () => {
    expect(typed("foo:bar @halcyon $TSLA LANG:fr")).toEqual([
      ["word", "foo:bar"],
      ["tag", "@halcyon"],
      ["tag", "$TSLA"],
      ["field", "LANG:"],
      ["word", "fr"],
    ]);
  });

  it("never fails on half-typed queries and covers every character once", () => {
    const samples = ['"air max', "<<<open comment", "{Apple", "a AND (b OR", 'x" ) } ]', "rating:[3 TO", ""];
    let seed = 3;
    const alphabet = [
      '"',
      "(",
      ")",
      "{",
      "}",
      "<",
      ">",
      "[",
      "]",
      ":",
      "*",
      "#",
      " ",
      "a",
      "N",
      "~",
      "1",
      "“",
    ];
    for (let k = 0; k < 300; k++) {
      let s = "";
      for (let i = 0; i < 12; i++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        s += alphabet[seed % alphabet.length];
      }
      samples.push(s);
    }
    for (const q of samples) {
      const tokens = tokenizeQuery(q);
      expect(tokens.map((t) => q.slice(t.start, t.end)).join(""), q).toBe(q);
      for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBe(tokens[i - 1]!.end);
    }
  });

  it("agrees with the shared lexer on where each token of a valid query starts and ends", () => {
    const queries = [
      '(nike OR "air max") AND (shoes OR sneak*) NOT (job OR hiring) AND language:en',
      '"nike shoes review"~5 OR nike NEAR/3f #justdoit',
      "{Apple Pie} AND rating:[3 TO 5] AND site:bbc.co.uk",
    ];
    for (const q of queries) {
      const ours = tokenizeQuery(q).filter((t) => t.type !== "space");
      const theirs = lex(q).filter((l) => l.type !== "eof");
      expect(ours.map((t) => [t.start, t.end])).toEqual(theirs.map((l) => [l.start, l.end]));
    }
  });
});

describe("segments", () => {
  it("cuts tokens at an error and marks only its characters", () => {
    const out = segments("nike ANDX shoes", [{ start: 5, end: 9, mark: "error" }]);
    expect(out.filter((s) => s.mark === "error").map((s) => s.text)).toEqual(["ANDX"]);
    expect(out.map((s) => s.text).join("")).toBe("nike ANDX shoes");
  });

  it("points after the last character when the error is at the end", () => {
    const q = "(nike OR adidas";
    const out = segments(q, [{ start: q.length, end: q.length, mark: "error" }]);
    expect(out.at(-1)).toEqual({ type: "end", text: " ", mark: "error" });
    expect(out.slice(0, -1).every((s) => s.mark === undefined)).toBe(true);
  });

  it("marks a zero-width error on the character it names, and lets errors win over warnings", () => {
    const out = segments("ab cd", [
      { start: 0, end: 5, mark: "warning" },
      { start: 3, end: 3, mark: "error" },
    ]);
    expect(out.map((s) => [s.text, s.mark])).toEqual([
      ["ab", "warning"],
      [" ", "warning"],
      ["c", "error"],
      ["d", "warning"],
    ]);
  });
});

describe("splitBySpans", () => {
  it("wraps matched words, merging overlaps and ignoring spans outside the text", () => {
    const text = "Halcyon tent kept me dry";
    const parts = splitBySpans(text, [
      { start: 8, end: 12 },
      { start: 0, end: 7 },
      { start: 5, end: 9 },
      { start: 40, end: 45 },
    ]);
    expect(parts).toEqual([
      { text: "Halcyon tent", marked: true },
      { text: " kept me dry", marked: false },
    ]);
    expect(splitBySpans("plain", [])).toEqual([{ text: "plain", marked: false }]);
  });
});
