import { describe, expect, it } from "vitest";
import { sentiment } from "./sentiment";

describe("customer-care vocabulary", () => {
  it.each([
    "The Halcyon Ember stove burned my hand",
    "Support never answered my emails",
    "My jacket zip stopped working after a week",
    "The tent started leaking on the first night",
    "Still waiting for my refund",
    "The stove is defective and unsafe",
  ])("reads a complaint as negative: %s", (text) => {
    expect(sentiment(text).label).toBe("negative");
  });

  it("keeps the other sense of words neutral rather than positive", () => {
    expect(sentiment("Can you give me a hand with the setup?").score).toBeLessThan(0.3);
  });

  it("still reads praise as positive", () => {
    expect(sentiment("Customer support was amazing, they sorted it in a day").label).toBe("positive");
  });
});
