import { describe, expect, it } from "vitest";
import { parse } from "../query";
import { preparePost } from "../text";
import { Matcher } from "./matcher";
import { StreamStats } from "./streamStats";

const ast = (q: string) => {
  const r = parse(q);
  if (!r.ok) throw new Error(q);
  return r.ast;
};

describe("StreamStats and Matcher.reindex", () => {
  // An outdoor-gear stream: "jacket" is in every post, the invented brands almost never.
  const posts = Array.from({ length: 3_000 }, (_, i) => ({
    id: String(i),
    text: `my new jacket ${i % 3 === 0 ? "is warm" : "keeps the rain out"}${i % 500 === 0 ? " thanks to zorvex" : ""}`,
  }));
  const queries = Array.from({ length: 200 }, (_, i) => `(brand${i}x OR "brand${i}x pro") AND jacket`).concat(
    "zorvex AND jacket",
  );

  it("moves topics off keys that the stream shows to be common, without changing any result", () => {
    const stats = new StreamStats();
    const matcher = new Matcher({ termCost: stats.cost });
    const reference = new Matcher();
    queries.forEach((q, i) => {
      matcher.add(String(i), ast(q));
      reference.add(String(i), ast(q));
    });
    // The length heuristic files these topics under "jacket": every post is a candidate for all.
    expect(matcher.candidateCount(posts[1]!)).toBeGreaterThan(150);
    let moved = 0;
    for (const post of posts) {
      const pp = preparePost(post);
      expect(matcher.matchIds(pp).sort()).toEqual(reference.matchIds(pp).sort());
      stats.observe(pp);
      const isHot = stats.review();
      if (isHot) moved += matcher.reindex(isHot);
    }
    expect(moved).toBeGreaterThanOrEqual(200);
    expect(matcher.candidateCount(posts[1]!)).toBeLessThan(5);
    expect(matcher.matchIds(posts[0]!)).toEqual(["200"]);
  });

  it("uses the default heuristic until it has seen enough posts", () => {
    const stats = new StreamStats();
    expect(stats.cost("jacket")).toBeGreaterThan(0);
    expect(stats.review()).toBeNull();
  });
});
