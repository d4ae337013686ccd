import { describe, expect, it } from "vitest";
import { backoffDelay, createKeyThrottle, liveUrl, parseInvalidate } from "./backoff";

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

describe("createKeyThrottle", () => {
  it("runs the first call at once and collapses a burst into one trailing run per key", () => {
    let now = 0;
    const queue: { at: number; fn: () => void }[] = [];
    const runs: string[] = [];
    const throttle = createKeyThrottle((k) => runs.push(`${k}@${now}`), 1000, {
      now: () => now,
      set: (fn, ms) => queue.push({ at: now + ms, fn }),
    });
    throttle("mentions");
    throttle("audit");
    now = 100;
    throttle("mentions");
    throttle("mentions");
    expect(runs).toEqual(["mentions@0", "audit@0"]);
    expect(queue).toHaveLength(1);
    now = queue[0]!.at;
    queue.shift()!.fn();
    expect(runs).toEqual(["mentions@0", "audit@0", "mentions@1000"]);
    now = 1500;
    throttle("mentions");
    expect(queue).toHaveLength(1);
    now = 3000;
    queue.shift()!.fn();
    throttle("audit");
    expect(runs.at(-1)).toBe("audit@3000");
  });
});
