import { describe, expect, it } from "vitest";
import type { DigestContent } from "./buildDigest";
import { formatDigest } from "./formatDigest";

const digest: DigestContent = {
  period: "weekly",
  from: "2026-11-24T00:00:00.000Z",
  to: "2026-12-01T00:00:00.000Z",
  total: 12_345,
  previousTotal: 10_000,
  change: 23.5,
  topics: [
    {
      topicId: "a",
      name: "Ember stove",
      kind: "product",
      volume: 900,
      previous: 300,
      change: 200,
      negativeShare: 61.2,
      share: 7.3,
    },
    {
      topicId: "b",
      name: "New campaign",
      kind: "campaign",
      volume: 40,
      previous: 0,
      change: null,
      negativeShare: 0,
      share: 0.3,
    },
  ],
  shareOfVoice: [
    { name: "Halcyon", share: 62.5 },
    { name: "Ridgeline", share: 37.5 },
  ],
  alerts: [
    {
      message: "Ember stove: 212 mentions in an hour, 9× the usual",
      at: "2026-11-28T14:00:00.000Z",
      status: "open",
    },
  ],
};

describe("formatDigest", () => {
  it("writes the changes, alerts and share of voice as plain text", () => {
    const { subject, text } = formatDigest(digest, "Halcyon Outdoor", "https://chorus.example");
    expect(subject).toBe("Weekly digest: 12,345 mentions (+23.5 %)");
    expect(text).toContain("Ember stove: 900 mentions (+200 %), 61.2 % negative");
    expect(text).toContain("New campaign: 40 mentions (new)");
    expect(text).toContain("Alerts (1)");
    expect(text).toContain("[open]");
    expect(text).toContain("Ridgeline: 37.5 %");
    expect(text).toContain("https://chorus.example/listen/dashboard");
  });

  it("says so when there were no alerts", () => {
    expect(formatDigest({ ...digest, alerts: [] }, "X", "http://x").text).toContain("Alerts: none");
  });
});
