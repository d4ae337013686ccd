import { describe, expect, it } from "vitest";
import { drillHref, filtersFrom } from "./filters";

describe("listen filters", () => {
  it("reads only known filters from the query string", () => {
    expect(filtersFrom(new URLSearchParams("period=30d&sentiments=negative&evil=1&q=x"))).toEqual({
      period: "30d",
      sentiments: "negative",
    });
  });

  it("drills down by narrowing the current filters; a time bucket replaces the period", () => {
    expect(drillHref({ period: "7d", channels: "reddit" }, { topicIds: "t1" })).toBe(
      "/listen/mentions?period=7d&topicIds=t1&channels=reddit",
    );
    const href = drillHref(
      { period: "7d" },
      { from: "2026-12-01T10:00:00.000Z", to: "2026-12-01T11:00:00.000Z" },
    );
    expect(href).not.toContain("period");
    expect(new URL(href, "http://x").searchParams.get("from")).toBe("2026-12-01T10:00:00.000Z");
  });
});
