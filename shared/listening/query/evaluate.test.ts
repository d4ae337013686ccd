import { describe, expect, it } from "vitest";
import { preparePost } from "../text/prepare";
import type { Post } from "../types";
import { evaluate } from "./evaluate";
import { parse } from "./parser";

const base: Post = {
  id: "1",
  text: "I love my new Nike Air Max shoes, not cheap! #Nike @adidas $NKE 👍🏽 https://www.shop.example.com/p/1",
  title: "Shoe Review: Nike",
  author: "Runner_42",
  authorFollowers: 1200,
  url: "https://www.blog.example.com/2024/review",
  links: ["https://partner.example.org/x"],
  site: "blog.example.com",
  language: "en",
  country: "GB",
  channel: "rss",
  sentiment: "positive",
  rating: 4,
};

function run(q: string, post: Post = base) {
  const r = parse(q);
  if (!r.ok) throw new Error(`${q}: ${JSON.stringify(r.errors)}`);
  return evaluate(r.ast, preparePost(post));
}

function matches(q: string, post: Post = base): boolean {
  return run(q, post).matched;
}

describe("evaluate", () => {
  it("handles Boolean operators", () => {
    expect(matches("nike AND shoes")).toBe(true);
    expect(matches("nike AND boots")).toBe(false);
    expect(matches("boots OR shoes")).toBe(true);
    expect(matches("nike NOT cheap")).toBe(false);
    expect(matches("nike NOT boots")).toBe(true);
    expect(matches("NOT boots")).toBe(true);
    expect(matches("(boots OR sandals) AND nike")).toBe(false);
  });

  it("ignores case and accents but not stems", () => {
    expect(matches("NIKE")).toBe(true);
    expect(matches("lóve")).toBe(true);
    expect(matches("shoe")).toBe(false);
  });

  it("matches phrases, proximity and NEAR", () => {
    expect(matches('"air max"')).toBe(true);
    expect(matches('"max air"')).toBe(false);
    expect(matches('"love shoes"~6')).toBe(true);
    expect(matches('"love shoes"~5')).toBe(false);
    expect(matches('"shoes love"~6')).toBe(true);
    expect(matches("love NEAR/3 nike")).toBe(true);
    expect(matches("love NEAR/3 max")).toBe(false);
    expect(matches("nike NEAR/1f air")).toBe(true);
    expect(matches("air NEAR/1f nike")).toBe(false);
    expect(matches("air NEAR/1 nike")).toBe(true);
    expect(matches("(boots OR max) NEAR/2 (shoes OR sandals)")).toBe(true);
    expect(matches('"air max" NEAR/1f shoes')).toBe(true);
  });

  it("matches wildcards", () => {
    expect(matches("sho*")).toBe(true);
    expect(matches("sho?s")).toBe(true);
    expect(matches("sho?")).toBe(false);
    expect(matches("chea*")).toBe(true);
  });

  it("matches exact case in braces", () => {
    expect(matches("{Nike}")).toBe(true);
    expect(matches("{NIKE}")).toBe(false);
    expect(matches("{Air Max}")).toBe(true);
    expect(matches("{air max}")).toBe(false);
  });

  it("matches hashtags, mentions, cashtags and emoji", () => {
    expect(matches("#nike")).toBe(true);
    expect(matches("#shoes")).toBe(false);
    expect(matches("@adidas")).toBe(true);
    expect(matches("adidas")).toBe(true);
    expect(matches("#adidas")).toBe(false);
    expect(matches("$nke")).toBe(true);
    expect(matches("👍")).toBe(true);
    expect(matches("{👍🏽}")).toBe(true);
    expect(matches("{👍🏿}")).toBe(false);
  });

  it("applies every field", () => {
    expect(matches("title:review")).toBe(true);
    expect(matches("title:(boots OR nike)")).toBe(true);
    expect(matches("title:shoes")).toBe(false);
    expect(matches("title:review", { ...base, title: undefined })).toBe(false);
    expect(matches("author:runner_42")).toBe(true);
    expect(matches("author:someone")).toBe(false);
    expect(matches("site:example.com")).toBe(true);
    expect(matches("site:blog.example.com")).toBe(true);
    expect(matches("site:log.example.com")).toBe(false);
    expect(matches("url:blog.example.com/2024")).toBe(true);
    expect(matches("url:blog.example.com/2023")).toBe(false);
    expect(matches("links:partner.example.org")).toBe(true);
    expect(matches("links:shop.example.com/p")).toBe(true);
    expect(matches("links:nowhere.org")).toBe(false);
    expect(matches("language:en")).toBe(true);
    expect(matches("language:fr")).toBe(false);
    expect(matches("country:gb")).toBe(true);
    expect(matches("channel:rss")).toBe(true);
    expect(matches("sentiment:positive")).toBe(true);
    expect(matches("sentiment:negative")).toBe(false);
    expect(matches("rating:[3 TO 5]")).toBe(true);
    expect(matches("rating:[5 TO *]")).toBe(false);
    expect(matches("rating:4")).toBe(true);
    expect(matches("authorFollowers:[500 TO 100000]")).toBe(true);
    expect(matches("authorFollowers:[5000 TO *]")).toBe(false);
    expect(matches("rating:[1 TO 5]", { ...base, rating: undefined })).toBe(false);
  });

  it("ignores comments", () => {
    expect(matches("<<<brand>>> nike <<<todo: add jordan>>>")).toBe(true);
  });

  it("returns highlight spans in the original text", () => {
    const r = run('"air max" OR love OR title:review');
    const text = base.text;
    expect(r.spans).toEqual([
      { field: "text", start: text.indexOf("love"), end: text.indexOf("love") + 4 },
      { field: "text", start: text.indexOf("Air"), end: text.indexOf("Max") + 3 },
      { field: "title", start: 5, end: 11 },
    ]);
    expect(run("nike NOT boots").spans.map((s) => text.slice(s.start, s.end))).toEqual(["Nike", "#Nike"]);
    expect(run("boots").spans).toEqual([]);
  });

  it("copes with HTML, zero-width characters and RTL text", () => {
    const post: Post = { id: "h", text: "<p>Great <b>ni\u200Bke</b> &amp; مرحبا بالعالم</p>" };
    expect(matches("nike", post)).toBe(true);
    expect(matches("amp", post)).toBe(false);
    expect(matches("b", post)).toBe(false);
    expect(matches('"مرحبا بالعالم"', post)).toBe(true);
    const spans = run("nike", post).spans;
    expect(post.text.slice(spans[0]!.start, spans[0]!.end)).toBe("ni\u200Bke");
  });
});
