import { describe, expect, it } from "vitest";
import { mergeSpans, searchWords, wordSpans } from "./highlight";

describe("search highlights", () => {
  it("takes words and phrases, not exclusions or OR", () => {
    expect(searchWords('stove "gas leak" or -refund Zelt')).toEqual(["stove", "gas", "leak", "zelt"]);
    expect(searchWords('-"not this" <b>bold</b>')).toEqual(["b", "bold"]);
  });

  it("marks whole words only, whatever the case, with odd Unicode around", () => {
    const text = "Ember STOVE! stoves… réchaud 🔥stove";
    const spans = wordSpans(text, ["stove", "réchaud"]);
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(["STOVE", "réchaud", "stove"]);
  });

  it("merges overlapping spans and clips them to the text", () => {
    expect(
      mergeSpans(
        [
          [
            [5, 9],
            [0, 3],
          ],
          [
            [2, 6],
            [20, 40],
          ],
        ],
        30,
      ),
    ).toEqual([
      [0, 9],
      [20, 30],
    ]);
  });
});
