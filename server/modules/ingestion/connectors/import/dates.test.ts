import { describe, expect, it } from "vitest";
import { parseFlexibleDate } from "./dates";

describe("parseFlexibleDate", () => {
  it.each([
    ["2024-03-01", "2024-03-01T00:00:00.000Z"],
    ["2024-03-01T10:00:00Z", "2024-03-01T10:00:00.000Z"],
    ["2024-03-01T10:00:00+01:00", "2024-03-01T09:00:00.000Z"],
    ["2024-03-01T10:00:00.250-0230", "2024-03-01T12:30:00.250Z"],
    ["2024-03-01 10:00", "2024-03-01T10:00:00.000Z"],
    ["1709287200", "2024-03-01T10:00:00.000Z"],
    ["1709287200000", "2024-03-01T10:00:00.000Z"],
    ["1709287200.5", "2024-03-01T10:00:00.500Z"],
    ["Fri, 01 Mar 2024 10:00:00 GMT", "2024-03-01T10:00:00.000Z"],
    ["Fri, 01 Mar 2024 10:00:00 +0200", "2024-03-01T08:00:00.000Z"],
    ["Fri, 01 Mar 2024 10:00:00 EST", "2024-03-01T15:00:00.000Z"],
    ["Fri, 01 Mar 2024 10:00:00 CEST", "2024-03-01T10:00:00.000Z"],
    ["31/12/2024", "2024-12-31T00:00:00.000Z"],
    ["12/31/2024 2:05 pm", "2024-12-31T14:05:00.000Z"],
    ["01.02.2024", "2024-02-01T00:00:00.000Z"],
  ])("%s → %s", (input, iso) => expect(parseFlexibleDate(input)).toBe(iso));

  it("uses dateOrder for ambiguous slashed dates", () => {
    expect(parseFlexibleDate("01/02/2024", "mdy")).toBe("2024-01-02T00:00:00.000Z");
    expect(parseFlexibleDate("01/02/2024", "dmy")).toBe("2024-02-01T00:00:00.000Z");
  });

  it.each([
    "",
    "yesterday",
    "2024-02-31",
    "31/31/2024",
    "99999999999999999",
    "1800-01-01",
    "-5",
    "NaN",
    "\u0000",
  ])("refuses %j", (input) => expect(parseFlexibleDate(input)).toBeNull());

  it("accepts numbers and Dates", () => {
    expect(parseFlexibleDate(1709287200)).toBe("2024-03-01T10:00:00.000Z");
    expect(parseFlexibleDate(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(parseFlexibleDate({})).toBeNull();
  });
});
