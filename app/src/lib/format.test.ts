import { describe, expect, it } from "vitest";
import { relativeTime, retryAfterMinutes, safeNext } from "./format";

describe("format helpers", () => {
  it("formats relative times", () => {
    const now = Date.parse("2026-01-01T12:00:00Z");
    expect(relativeTime("2026-01-01T11:59:50Z", now)).toBe("just now");
    expect(relativeTime("2026-01-01T11:57:00Z", now)).toMatch(/3 minutes ago/);
    expect(relativeTime("2025-12-30T12:00:00Z", now)).toMatch(/2 days ago/);
  });

  it("rounds retry-after up to whole minutes", () => {
    expect(retryAfterMinutes(30)).toBe("1 minute");
    expect(retryAfterMinutes(600)).toBe("10 minutes");
    expect(retryAfterMinutes(601)).toBe("11 minutes");
  });

  it("refuses off-site redirects", () => {
    expect(safeNext("/settings/audit")).toBe("/settings/audit");
    expect(safeNext("//evil.example")).toBeNull();
    expect(safeNext("https://evil.example")).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
