import { describe, expect, it } from "vitest";
import { dueAt } from "./sendDigests";

describe("digest schedule", () => {
  it("is due at 07:00 UTC each day, yesterday's before seven", () => {
    expect(dueAt("daily", new Date("2026-12-03T09:30:00Z")).toISOString()).toBe("2026-12-03T07:00:00.000Z");
    expect(dueAt("daily", new Date("2026-12-03T06:59:59Z")).toISOString()).toBe("2026-12-02T07:00:00.000Z");
  });

  it("is due on Mondays for weekly digests", () => {
    // 2026-12-03 is a Thursday; the Monday before is 2026-11-30.
    expect(dueAt("weekly", new Date("2026-12-03T09:30:00Z")).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(dueAt("weekly", new Date("2026-11-30T07:00:00Z")).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(dueAt("weekly", new Date("2026-11-30T06:00:00Z")).toISOString()).toBe("2026-11-23T07:00:00.000Z");
  });
});
