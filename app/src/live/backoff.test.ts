import { describe, expect, it } from "vitest";
import { backoffDelay, liveUrl, parseInvalidate } from "./backoff";

describe("backoffDelay", () => {
  it("doubles from one second and caps at thirty", () => {
    const mid = () => 0.5; // no jitter
    expect(backoffDelay(0, mid)).toBe(1000);
    expect(backoffDelay(1, mid)).toBe(2000);
    expect(backoffDelay(3, mid)).toBe(8000);
    expect(backoffDelay(10, mid)).toBe(30_000);
  });

  it("keeps jitter within 20%", () => {
    expect(backoffDelay(2, () => 0)).toBe(3200);
    expect(backoffDelay(2, () => 0.9999)).toBeLessThanOrEqual(4800);
  });
});

describe("parseInvalidate", () => {
  it("reads keys and event name", () => {
    expect(parseInvalidate('{"keys":[["audit"],["members"]],"event":"member.invited"}')).toEqual({
      keys: [["audit"], ["members"]],
      event: "member.invited",
    });
  });

  it("drops malformed keys and rejects junk", () => {
    expect(parseInvalidate('{"keys":[["ok"],[],[1],"x"]}')).toEqual({ keys: [["ok"]], event: undefined });
    expect(parseInvalidate("not json")).toBeNull();
    expect(parseInvalidate('{"nokeys":1}')).toBeNull();
  });
});

describe("liveUrl", () => {
  it("adds rooms only when there are some", () => {
    expect(liveUrl([])).toBe("/api/live");
    expect(liveUrl(["space:b", "space:a", "space:a"])).toBe("/api/live?rooms=space%3Aa%2Cspace%3Ab");
  });
});
