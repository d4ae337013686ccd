import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../api/sources";
import { fieldHint, fieldKind, humanise, initialValues, settingsErrors, toSettings } from "./schemaForm";

const schema: JsonSchema = {
  type: "object",
  properties: {
    url: { type: "string", format: "uri" },
    accessToken: { type: "string", minLength: 1 },
    maxItems: { type: "integer", minimum: 1, maximum: 1000 },
    speedup: { type: "number", exclusiveMinimum: 0, default: 1 },
    hashtags: { type: "array", items: { type: "string" } },
    timeline: { type: "string", enum: ["public", "local"] },
    includeComments: { type: "boolean", default: false },
  },
  required: ["url", "accessToken"],
};

describe("humanise", () => {
  it("turns property names into labels", () => {
    expect(humanise("accessToken")).toBe("Access token");
    expect(humanise("instanceUrl")).toBe("Instance URL");
    expect(humanise("pollIntervalMs")).toBe("Poll interval (ms)");
    expect(humanise("wantedDids")).toBe("Wanted DIDs");
    expect(humanise("postsPerMinute")).toBe("Posts per minute");
  });
});

describe("schema form values", () => {
  it("picks a control per property", () => {
    const p = schema.properties!;
    expect(fieldKind(p.url!)).toBe("url");
    expect(fieldKind(p.maxItems!)).toBe("integer");
    expect(fieldKind(p.hashtags!)).toBe("list");
    expect(fieldKind(p.timeline!)).toBe("enum");
    expect(fieldKind(p.includeComments!)).toBe("boolean");
  });

  it("starts from defaults, presets or saved settings", () => {
    expect(initialValues(schema)).toMatchObject({ speedup: "1", includeComments: false, url: "" });
    expect(initialValues(schema, undefined, { speedup: 60 })).toMatchObject({ speedup: "60" });
    expect(initialValues(schema, { hashtags: ["a", "b"], url: "https://x.test" })).toMatchObject({
      hashtags: "a, b",
      url: "https://x.test",
      speedup: "",
    });
  });

  it("converts back, leaving empty optional fields out", () => {
    const { settings, errors } = toSettings(schema, {
      url: " https://x.test/feed ",
      accessToken: "••••••••",
      maxItems: "20",
      speedup: "",
      hashtags: "gear, , tents",
      timeline: "local",
      includeComments: true,
    });
    expect(errors).toEqual({});
    expect(settings).toEqual({
      url: "https://x.test/feed",
      accessToken: "••••••••",
      maxItems: 20,
      hashtags: ["gear", "tents"],
      timeline: "local",
      includeComments: true,
    });
  });

  it("reports missing required fields and bad numbers", () => {
    const { errors } = toSettings(schema, { url: "", accessToken: "t", maxItems: "2.5" });
    expect(errors).toEqual({ url: "Required", maxItems: "Enter a whole number" });
  });

  it("maps server paths onto settings fields", () => {
    expect(
      settingsErrors({ "settings.url": "Invalid URL", "body.settings.seed": "x", name: "Too long" }),
    ).toEqual({
      settings: { url: "Invalid URL", seed: "x" },
      other: { name: "Too long" },
    });
  });

  it("describes ranges without the safe-integer noise", () => {
    expect(fieldHint(schema.properties!.maxItems!, false)).toBe("At least 1, at most 1,000.");
    expect(fieldHint({ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 }, false)).toBe(
      undefined,
    );
    expect(fieldHint(schema.properties!.speedup!, false)).toBe("More than 0. Default: 1.");
  });
});
