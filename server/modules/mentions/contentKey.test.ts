import { describe, expect, it } from "vitest";
import { contentKey } from "./contentKey";

describe("contentKey", () => {
  const original = "The Halcyon Ember stove burned my hand, do not buy it!";
  it("is the same for a repost, a copy with other links and handles, or other case", () => {
    const key = contentKey(original);
    expect(key).toHaveLength(22);
    expect(contentKey(`RT @someone: ${original}`)).toBe(key);
    expect(contentKey(`${original.toUpperCase()} https://t.co/abc`)).toBe(key);
    expect(contentKey(`@halcyon the halcyon ember STOVE burned my hand... do not buy it`)).toBe(key);
  });
  it("differs when the words differ", () => {
    expect(contentKey("The Halcyon Ember stove warmed my hands, do buy it!")).not.toBe(contentKey(original));
  });
  it("gives short posts no key", () => {
    expect(contentKey("lol same")).toBe("");
    expect(contentKey("https://example.com/a-very-long-link-that-is-not-text")).toBe("");
  });
  it("folds accents", () => {
    expect(contentKey("Crème brûlée is the best dessert in the world")).toBe(
      contentKey("creme brulee is the best dessert in the world"),
    );
  });
});
