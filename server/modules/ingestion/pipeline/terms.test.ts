import { describe, expect, it } from "vitest";
import { keyTerms } from "./terms";

describe("keyTerms", () => {
  it("keeps content words, drops function words, links, handles and hashtags", () => {
    expect(
      keyTerms("The Halcyon stove is great but the @halcyon support https://x.co/y was slow #fail"),
    ).toEqual(["halcyon", "stove", "great", "support", "slow"]);
  });
  it("is distinct, bounded and Unicode-aware", () => {
    expect(keyTerms("Zelt Zelt Schlafsack Wärme Regen Wind Sturm Kälte Nässe Hütte", 4)).toEqual([
      "zelt",
      "schlafsack",
      "wärme",
      "regen",
    ]);
  });
});
