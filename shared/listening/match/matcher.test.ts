import { describe, expect, it } from "vitest";
import type { Query } from "../query/ast";
import { parse } from "../query/parser";
import { preparePost } from "../text/prepare";
import type { Post } from "../types";
import { Matcher } from "./matcher";
import { defaultTermCost, requiredKeys } from "./presearch";

function q(text: string): Query {
  const r = parse(text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
  return r.ast;
}

const post: Post = {
  id: "1",
  text: "Loving the new Nike Air Max, #sneakers",
  language: "en",
  title: "Review",
  rating: 5,
};

function keysOf(text: string): string[] | null {
  return requiredKeys(q(text).root, defaultTermCost)?.keys.map((k) => `${k.kind}:${k.value}`) ?? null;
}

describe("presearch keys", () => {
  it("unions OR, picks the rarest AND child, skips NOT", () => {
    expect(keysOf("nike OR adidas")).toEqual(["term:nike", "term:adidas"]);
    expect(keysOf("the AND sneakers")).toEqual(["term:sneakers"]);
    expect(keysOf("nike NOT the")).toEqual(["term:nike"]);
    expect(keysOf("NOT nike")).toBeNull();
    expect(keysOf("nike OR NOT adidas")).toBeNull();
    expect(keysOf("snea*")).toEqual(["prefix:snea"]);
    expect(keysOf('"the air max"')).toEqual(["term:air"]);
    expect(keysOf("language:en")).toEqual(["field:language\u0000en"]);
    expect(keysOf("rating:[1 TO 5]")).toBeNull();
  });
});

describe("Matcher", () => {
  it("matches, returns spans, and removes topics", () => {
    const m = new Matcher();
    m.add("nike", q("nike AND (air OR jordan)"));
    m.add("adidas", q("adidas"));
    m.add("sneakers", q("#sneakers OR sneak*"));
    m.add("english", q("language:en"));
    m.add("fives", q("rating:5"));
    const got = m.match(post);
    expect(got.map((g) => g.topicId).sort()).toEqual(["english", "fives", "nike", "sneakers"]);
    const nike = got.find((g) => g.topicId === "nike")!;
    expect(nike.spans.map((s) => post.text.slice(s.start, s.end))).toEqual(["Nike", "Air"]);
    expect(m.stats()).toMatchObject({ topics: 5, alwaysCandidates: 1 });
    expect(m.remove("nike")).toBe(true);
    expect(m.remove("nike")).toBe(false);
    expect(m.matchIds(post).sort()).toEqual(["english", "fives", "sneakers"]);
  });

  it("replaces a topic with the same id", () => {
    const m = new Matcher();
    m.add("t", q("adidas"));
    expect(m.matchIds(post)).toEqual([]);
    m.add("t", q("nike"));
    expect(m.matchIds(post)).toEqual(["t"]);
    expect(m.size).toBe(1);
  });

  it("only evaluates candidates", () => {
    const m = new Matcher();
    for (let i = 0; i < 500; i++) m.add(`t${i}`, q(`brand${i} OR product${i}`));
    m.add("hit", q("nike"));
    expect(m.candidateCount(post)).toBe(1);
    expect(m.matchIds(post)).toEqual(["hit"]);
  });

  it("accepts prepared posts and title-only topics", () => {
    const m = new Matcher();
    m.add("title", q("title:review"));
    m.add("title-miss", q("title:nike"));
    expect(m.matchIds(preparePost(post))).toEqual(["title"]);
  });

  it("keeps working across many add/remove cycles", () => {
    const m = new Matcher();
    for (let round = 0; round < 50; round++) {
      m.add(`a${round}`, q(`nike AND air${round % 2 === 0 ? "" : "x"}`));
      if (round > 0) m.remove(`a${round - 1}`);
    }
    expect(m.size).toBe(1);
    expect(m.matchIds(post)).toEqual([]);
    m.add("b", q("nike AND air"));
    expect(m.matchIds(post)).toEqual(["b"]);
    expect(m.stats().terms).toBeLessThanOrEqual(3);
  });
});
